// Opens the settings file (conf in plain Node, electron-store under Electron: the same file, format
// and migrations) and survives a corrupt one: the bad file is moved aside, kept, and reported.
import { randomBytes } from 'node:crypto'
import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { SETTINGS_VERSION } from './settings-defaults.ts'

/** The part of conf / electron-store that Gemba uses. */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
  readonly path: string
}

export interface StoreOptions {
  readonly cwd: string
  readonly configName: string
  readonly projectVersion: string
  readonly migrations: Readonly<Record<string, (store: KeyValueStore) => void>>
}

/** Port: how to open a store. Plain Node passes conf; Electron passes electron-store. */
export type OpenStore = (options: StoreOptions) => KeyValueStore

export const SETTINGS_FILE_NAME = 'settings'

/** Version → migration. Each runs once when the app first starts at or past that version. */
export const SETTINGS_MIGRATIONS: StoreOptions['migrations'] = {
  // 1.0.0 is the first released layout; later changes to StoredSettings add their migration here.
  '1.0.0': () => undefined,
  // 1.1.0: the context budget follows the model's window unless the leader chose one; 40,000 was the
  // old fixed default, never a choice, so it becomes automatic.
  '1.1.0': (store) => {
    const settings = store.get('settings') as { ai?: { contextTokens?: unknown } } | undefined
    if (settings?.ai?.contextTokens === 40_000) store.set('settings', { ...settings, ai: { ...settings.ai, contextTokens: null } })
  },
}

export interface OpenedSettingsFile {
  readonly store: KeyValueStore
  /** Where a corrupt file was moved, when it was. */
  readonly movedAside: string | null
}

export function openSettingsFile(openStore: OpenStore, dataFolder: string): OpenedSettingsFile {
  const options: StoreOptions = {
    cwd: dataFolder,
    configName: SETTINGS_FILE_NAME,
    projectVersion: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  }
  try {
    return { store: openStore(options), movedAside: null }
  } catch (error) {
    if (!isUnreadableFile(error)) throw error
    const file = join(dataFolder, `${SETTINGS_FILE_NAME}.json`)
    const aside = join(dataFolder, `${SETTINGS_FILE_NAME}.corrupt-${stamp()}.json`)
    if (existsSync(file)) renameSync(file, aside)
    return { store: openStore(options), movedAside: aside }
  }
}

function isUnreadableFile(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name
  return name === 'SyntaxError' || name === 'SchemaViolationError' || name === 'DecryptionError'
}

function stamp(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`
}
