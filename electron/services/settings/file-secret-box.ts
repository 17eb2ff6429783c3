// A SecretBox for plain Node (browser mode, tests): AES-256-GCM with a random key kept in a file
// that only the user can read (0600) in the data folder. Never logs or returns the key itself.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmod, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/atomic-write.ts'
import type { SecretBox } from './secret-box.ts'

const SCHEME = 'keyfile-v1'
const KEY_FILE = 'secret.key'

export class FileSecretBox implements SecretBox {
  readonly scheme = SCHEME
  readonly info = {
    kind: 'file' as const,
    secure: process.platform !== 'win32',
    description:
      process.platform === 'win32'
        ? 'Encrypted with a key file in the data folder. Windows file permissions are not checked in browser mode; the desktop app uses the OS key store.'
        : 'Encrypted with a key file in the data folder that only your user can read (0600). The desktop app uses the OS key store instead.',
  }
  private readonly keyPath: string
  private key: Buffer | undefined

  constructor(dataFolder: string) {
    this.keyPath = join(dataFolder, KEY_FILE)
  }

  async encrypt(plain: string): Promise<string> {
    const key = await this.loadKey(true)
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    const tag = cipher.getAuthTag()
    return [SCHEME, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':')
  }

  async decrypt(sealed: string): Promise<string> {
    const [scheme, iv, tag, body] = sealed.split(':')
    if (scheme !== SCHEME || !iv || !tag || !body) throw new Error('Not sealed by the key-file box.')
    const key = await this.loadKey(false)
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
    decipher.setAuthTag(Buffer.from(tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
  }

  private async loadKey(create: boolean): Promise<Buffer> {
    if (this.key) return this.key
    try {
      const existing = await readFile(this.keyPath)
      if (existing.length !== 32) throw new Error('The key file is damaged.')
      await this.tightenMode()
      this.key = existing
      return existing
    } catch (error) {
      if (!create || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    const fresh = randomBytes(32)
    await writeFileAtomic(this.keyPath, fresh, { mode: 0o600, makeFolder: true })
    this.key = fresh
    return fresh
  }

  private async tightenMode(): Promise<void> {
    if (process.platform === 'win32') return
    const { mode } = await stat(this.keyPath)
    if ((mode & 0o077) !== 0) await chmod(this.keyPath, 0o600)
  }
}
