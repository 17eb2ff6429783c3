// Settings: the leader's schedule, AI endpoint/model, journal folder and the API key. The key is
// sealed by a SecretBox before it is stored, and leaves this service only through `resolveApiKey`
// (main process only): never in a SettingsView, an error or a log.
import { join } from 'node:path'
import { ANTHROPIC_KEYS_URL, checkApiKeyFormat } from '../../../shared/api-key-format.ts'
import { GembaError } from '../../../shared/errors.ts'
import {
  DEFAULT_ENDPOINT,
  storedSettingsSchema,
  type SettingsNotice,
  type SettingsPatch,
  type SettingsView,
  type StoredSettings,
} from '../../../shared/models/settings.ts'
import type { DomainEvents } from '../domain-events.ts'
import type { EventsPort } from '../events-port.ts'
import { checkJournalFolder } from './journal-folder-check.ts'
import { defaultSettings } from './settings-defaults.ts'
import { openSettingsFile, type KeyValueStore, type OpenStore } from './settings-file.ts'
import type { SecretBox } from './secret-box.ts'

export interface SettingsServiceDeps {
  readonly dataFolder: string
  readonly openStore: OpenStore
  readonly secretBox: SecretBox
  /** The environment's ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL, passed in, never read here. */
  readonly env: { readonly apiKey?: string | undefined; readonly baseUrl?: string | undefined }
  readonly timeZone: string
  /** Where settings.changed is told. */
  readonly events: EventsPort
  /** Where another journal folder is announced (the journal service moves to it before update answers). */
  readonly domainEvents?: Pick<DomainEvents, 'emit'>
}

/** Kept beside the settings: the weekly slot was chosen (or kept as it was) by the leader. */
const SCHEDULE_CHOSEN = 'scheduleChosen'

export class SettingsService {
  private readonly deps: SettingsServiceDeps
  private readonly store: KeyValueStore
  private notices: SettingsNotice[] = []
  private settings: StoredSettings

  constructor(deps: SettingsServiceDeps) {
    this.deps = deps
    const opened = openSettingsFile(deps.openStore, deps.dataFolder)
    this.store = opened.store
    if (opened.movedAside) {
      this.notices.push({
        code: 'settings_reset',
        message: `The settings file could not be read, so Gemba started with default settings. The old file was kept as ${opened.movedAside}.`,
      })
    }
    this.settings = this.loadSettings()
  }

  /** The settings file, for the other stores that keep their state beside it (repositories…). */
  get keyValueStore(): KeyValueStore {
    return this.store
  }

  current(): StoredSettings {
    return this.settings
  }

  async get(): Promise<SettingsView> {
    return this.view()
  }

  async update(patch: SettingsPatch): Promise<SettingsView> {
    // An existing, writable folder of the leader's own: each refusal says why in a sentence.
    const journalFolder = typeof patch.journalFolder === 'string' ? await checkJournalFolder(patch.journalFolder) : patch.journalFolder
    const merged = {
      ...this.settings,
      ...(patch.schedule ? { schedule: patch.schedule } : {}),
      ...(patch.stepMinutes ? { stepMinutes: patch.stepMinutes } : {}),
      ...(patch.ai ? { ai: { ...this.settings.ai, ...patch.ai } } : {}),
      ...(journalFolder !== undefined ? { journalFolder } : {}),
    }
    const checked = storedSettingsSchema.safeParse(merged)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      throw new GembaError({
        code: 'invalid_input',
        message: issue ? `${issue.path.join('.')}: ${issue.message}` : 'Those settings are not valid.',
        next: 'Correct the value and save again.',
      })
    }
    const folderBefore = this.journalFolder()
    this.settings = checked.data
    this.store.set('settings', checked.data)
    if (patch.schedule || patch.scheduleChosen) this.store.set(SCHEDULE_CHOSEN, true)
    const folder = this.journalFolder()
    if (folder !== folderBefore)
      await this.deps.domainEvents?.emit('settings.journalFolderChanged', { folder, create: this.settings.journalFolder === null })
    this.deps.events.emit('settings.changed', {})
    return this.view()
  }

  async setApiKey(input: { key: string }): Promise<SettingsView> {
    // Anthropic's own endpoint takes Anthropic keys only; a gateway set in Settings may take its own.
    const format = checkApiKeyFormat(input.key)
    if (!format.ok && this.endpoint().source === 'default') {
      throw new GembaError({
        code: 'invalid_input',
        message: format.problem,
        next: `Create or copy an API key at ${ANTHROPIC_KEYS_URL}.`,
        details: { field: 'key' },
      })
    }
    const sealed = await this.deps.secretBox.encrypt(input.key)
    this.store.set('apiKey', sealed)
    this.notices = this.notices.filter((notice) => notice.code !== 'key_unreadable')
    this.deps.events.emit('settings.changed', {})
    return this.view()
  }

  async clearApiKey(): Promise<SettingsView> {
    this.store.delete('apiKey')
    this.notices = this.notices.filter((notice) => notice.code !== 'key_unreadable')
    this.deps.events.emit('settings.changed', {})
    return this.view()
  }

  async dismissNotice(input: { code: SettingsNotice['code'] }): Promise<SettingsView> {
    this.notices = this.notices.filter((notice) => notice.code !== input.code)
    return this.view()
  }

  /** Main process only. The key to call the API with: the stored one, else the environment's. */
  async resolveApiKey(): Promise<string | null> {
    const stored = await this.readStoredKey()
    return stored ?? (this.deps.env.apiKey?.trim() || null)
  }

  endpoint(): { url: string; source: 'settings' | 'environment' | 'default' } {
    if (this.settings.ai.endpoint) return { url: this.settings.ai.endpoint, source: 'settings' }
    const fromEnv = this.deps.env.baseUrl?.trim()
    if (fromEnv) return { url: fromEnv, source: 'environment' }
    return { url: DEFAULT_ENDPOINT, source: 'default' }
  }

  journalFolder(): string {
    return this.settings.journalFolder ?? join(this.deps.dataFolder, 'journal')
  }

  private async view(): Promise<SettingsView> {
    const stored = await this.readStoredKey()
    const envKey = this.deps.env.apiKey?.trim() || null
    const key = stored ?? envKey
    return {
      ...this.settings,
      apiKey: {
        set: key !== null,
        source: stored ? 'settings' : envKey ? 'environment' : null,
        hint: key ? `…${key.slice(-4)}` : null,
        storage: this.deps.secretBox.info,
      },
      endpointInUse: this.endpoint(),
      journalFolderInUse: this.journalFolder(),
      dataFolder: this.deps.dataFolder,
      scheduleChosen: this.store.get(SCHEDULE_CHOSEN) === true,
      notices: [...this.notices],
    }
  }

  private async readStoredKey(): Promise<string | null> {
    const sealed = this.store.get('apiKey')
    if (typeof sealed !== 'string' || sealed.length === 0) return null
    try {
      return await this.deps.secretBox.decrypt(sealed)
    } catch {
      if (!this.notices.some((notice) => notice.code === 'key_unreadable')) {
        this.notices.push({
          code: 'key_unreadable',
          message:
            'The saved API key cannot be decrypted here (it was saved by the other mode of Gemba, or its key store changed). Enter it again.',
        })
      }
      return null
    }
  }

  private loadSettings(): StoredSettings {
    const defaults = defaultSettings(this.deps.timeZone)
    const raw = this.store.get('settings')
    if (raw === undefined) return defaults
    const whole = storedSettingsSchema.safeParse(raw)
    if (whole.success) return whole.data
    // Keep every field that is still valid; reset only the broken ones, and say which.
    const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const repaired: Record<string, unknown> = {}
    const reset: string[] = []
    for (const field of Object.keys(defaults) as (keyof StoredSettings)[]) {
      const fieldSchema = storedSettingsSchema.shape[field]
      const value = fieldSchema.safeParse(source[field])
      repaired[field] = value.success ? value.data : defaults[field]
      if (!value.success) reset.push(field)
    }
    const settings = storedSettingsSchema.parse(repaired)
    this.store.set('settings', settings)
    this.notices.push({
      code: 'settings_field_reset',
      message: `Some settings were not valid and were reset to their defaults: ${reset.join(', ')}.`,
    })
    return settings
  }
}
