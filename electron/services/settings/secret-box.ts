// The port through which settings encrypt the API key at rest. Electron passes one backed by
// safeStorage (electron/secret-box-electron.ts); plain Node passes the key-file box below.
import type { KeyStorageInfo } from '../../../shared/models/settings.ts'

export interface SecretBox {
  /** A short tag stored with every ciphertext, so a box can tell what it cannot read. */
  readonly scheme: string
  readonly info: KeyStorageInfo
  encrypt(plain: string): Promise<string>
  /** Throws when the ciphertext was not made by this box (or its key is gone). */
  decrypt(sealed: string): Promise<string>
}
