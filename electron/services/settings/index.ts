// The settings domain's public face: the service, the settings file's key-value port and the secret
// box ports. Other domains and the composition root import from here.
export { FileSecretBox } from './file-secret-box.ts'
export type { SecretBox } from './secret-box.ts'
export type { KeyValueStore, OpenStore } from './settings-file.ts'
export { SettingsService } from './settings-service.ts'
