// Defaults for a first run, and the migrations that bring an older settings file up to date.
import { DEFAULT_COACH_MEMORY, DEFAULT_MODEL, type StoredSettings } from '../../../shared/models/settings.ts'

export const SETTINGS_VERSION = '1.1.0'

export function defaultSettings(timeZone: string): StoredSettings {
  return {
    schedule: { day: 'friday', start: '14:00', minutes: 60, timeZone },
    stepMinutes: { explore: 15, diagram: 10, change: 25, reflect: 10 },
    ai: { endpoint: null, model: DEFAULT_MODEL, contextTokens: null, sessionBudgetUsd: 2, memory: DEFAULT_COACH_MEMORY },
    journalFolder: null,
  }
}
