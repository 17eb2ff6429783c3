// The desktop SecretBox: Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). Where Linux
// only offers the basic_text backend the key is merely obscured, and Settings says so plainly.
import { safeStorage } from 'electron'
import type { SecretBox } from './services/settings/index.ts'

const SCHEME = 'safestorage-v1'

export function createSafeStorageBox(): SecretBox {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  const weak = backend === 'basic_text' || !safeStorage.isEncryptionAvailable()
  return {
    scheme: SCHEME,
    info: {
      kind: 'os',
      secure: !weak,
      description: weak
        ? 'This system offers no key store to Gemba (Linux “basic_text”): the key is stored obscured, not truly encrypted. Install and unlock a keyring (GNOME Keyring or KWallet) for real protection, or use ANTHROPIC_API_KEY.'
        : 'Encrypted by your operating system’s key store.',
    },
    async encrypt(plain) {
      return `${SCHEME}:${safeStorage.encryptString(plain).toString('base64')}`
    },
    async decrypt(sealed) {
      const [scheme, body] = sealed.split(':')
      if (scheme !== SCHEME || !body) throw new Error('Not sealed by safeStorage.')
      return safeStorage.decryptString(Buffer.from(body, 'base64'))
    },
  }
}
