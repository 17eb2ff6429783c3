// Settings channels: read, patch, and the API key (write-only from the renderer's side).
import { z } from 'zod'
import { channel } from '../contract.ts'
import { settingsPatchSchema, type SettingsView } from '../models/settings.ts'

export const settingsChannels = {
  get: channel<SettingsView>()({
    description: 'Current settings. The API key is never included, only whether it is set and its last four characters.',
    input: z.object({}).strict(),
  }),
  update: channel<SettingsView>()({
    description: 'Validates and saves a partial change to the settings; answers the settings as saved.',
    input: settingsPatchSchema,
    events: ['settings.changed'],
  }),
  setApiKey: channel<SettingsView>()({
    description: 'Stores the Anthropic API key, encrypted at rest. It can never be read back.',
    input: z
      .object({
        key: z
          .string()
          .trim()
          .min(20, 'That is too short to be an Anthropic API key.')
          .max(400)
          .regex(/^[\x21-\x7e]+$/, 'An API key has no spaces or special characters.'),
      })
      .strict(),
    events: ['settings.changed'],
  }),
  clearApiKey: channel<SettingsView>()({
    description: 'Forgets the stored API key.',
    input: z.object({}).strict(),
    events: ['settings.changed'],
  }),
  dismissNotice: channel<SettingsView>()({
    description: 'Marks a settings notice (such as a reset after a corrupt file) as read.',
    input: z.object({ code: z.enum(['settings_reset', 'settings_field_reset', 'key_unreadable']) }).strict(),
  }),
} as const
