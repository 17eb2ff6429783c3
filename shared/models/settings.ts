// Settings as the renderer sees them. The API key itself never appears here: only whether one is
// set, where it comes from and its last four characters.
import { z } from 'zod'

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const DEFAULT_MODEL = 'claude-sonnet-5-5'
export const DEFAULT_ENDPOINT = 'https://api.anthropic.com'

export const scheduleSchema = z.object({
  day: z.enum(WEEKDAYS),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:30.'),
  minutes: z.number().int().min(15, 'At least 15 minutes.').max(240, 'At most 4 hours.'),
  timeZone: z.string().min(1).refine(isTimeZone, 'Not a time zone this computer knows (try Europe/London).'),
})
export type Schedule = z.infer<typeof scheduleSchema>

export const stepMinutesSchema = z.object({
  explore: z.number().int().min(1).max(120),
  diagram: z.number().int().min(1).max(120),
  change: z.number().int().min(1).max(120),
  reflect: z.number().int().min(1).max(120),
})
export type StepMinutes = z.infer<typeof stepMinutesSchema>

/**
 * What the coach remembers of a repository the leader visited before (a short note from their journal,
 * shown before it is sent): everything, everything but their private reflections, or nothing.
 */
export const COACH_MEMORY_CHOICES = ['with_reflections', 'without_reflections', 'off'] as const
export type CoachMemory = (typeof COACH_MEMORY_CHOICES)[number]
export const DEFAULT_COACH_MEMORY: CoachMemory = 'with_reflections'

const aiSettingsFields = {
  /** null means the default (Anthropic's), unless ANTHROPIC_BASE_URL is set. */
  endpoint: z.url({ protocol: /^https?$/, error: 'Use an http(s) URL, such as https://api.anthropic.com.' }).nullable(),
  model: z.string().trim().min(1, 'Choose a model.').max(200),
  /** Context budget for the repository context, in tokens; null: automatic, from the model's context window. */
  contextTokens: z.number().int().min(4_000).max(400_000).nullable(),
  /** Per-session spending limit in US dollars; the coach stops cleanly when it is reached. */
  sessionBudgetUsd: z.number().min(0.05).max(100),
  memory: z.enum(COACH_MEMORY_CHOICES),
}

export const aiSettingsSchema = z.object({ ...aiSettingsFields, memory: aiSettingsFields.memory.default(DEFAULT_COACH_MEMORY) })
export type AiSettings = z.infer<typeof aiSettingsSchema>

/** What is stored (apart from the encrypted key). */
export const storedSettingsSchema = z.object({
  schedule: scheduleSchema,
  stepMinutes: stepMinutesSchema,
  ai: aiSettingsSchema,
  /** null means the default folder inside the data folder. */
  journalFolder: z.string().min(1).nullable(),
})
export type StoredSettings = z.infer<typeof storedSettingsSchema>

export const settingsPatchSchema = z
  .object({
    schedule: scheduleSchema.optional(),
    stepMinutes: stepMinutesSchema.optional(),
    // Without defaults: a patch that leaves a field out leaves it as it is.
    ai: z.object(aiSettingsFields).partial().optional(),
    journalFolder: z.string().trim().min(1).max(4096).nullable().optional(),
    /** The leader kept the weekly slot as it is (saving a schedule says so too). */
    scheduleChosen: z.literal(true).optional(),
  })
  .strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export interface KeyStorageInfo {
  /** 'os' when the operating system's key store protects it; 'file' for a user-only key file. */
  readonly kind: 'os' | 'file'
  /** False where the key is only obscured (Linux's basic_text backend). */
  readonly secure: boolean
  readonly description: string
}

export interface ApiKeyView {
  readonly set: boolean
  readonly source: 'settings' | 'environment' | null
  /** "…1234" or null. */
  readonly hint: string | null
  readonly storage: KeyStorageInfo
}

export interface SettingsNotice {
  readonly code: 'settings_reset' | 'settings_field_reset' | 'key_unreadable'
  readonly message: string
}

export interface SettingsView extends StoredSettings {
  readonly apiKey: ApiKeyView
  readonly endpointInUse: { readonly url: string; readonly source: 'settings' | 'environment' | 'default' }
  readonly journalFolderInUse: string
  readonly dataFolder: string
  /** Whether the leader has chosen (or kept) the weekly slot: the first-run guide's second step. */
  readonly scheduleChosen: boolean
  readonly notices: readonly SettingsNotice[]
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
