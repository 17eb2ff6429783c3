// Calendar channels: the weekly hour as an .ics file the leader saves or opens in their calendar.
import { z } from 'zod'
import { channel } from '../contract.ts'
import { scheduleSchema } from '../models/settings.ts'

export interface IcsFile {
  readonly filename: string
  /** text/calendar, CRLF line endings. */
  readonly content: string
  /** The first occurrence (ISO, UTC), for the confirmation shown to the leader. */
  readonly firstStart: string
}

export const calendarChannels = {
  ics: channel<IcsFile>()({
    description: 'The weekly schedule as an .ics calendar event that repeats every week in your time zone.',
    input: z.object({ schedule: scheduleSchema.optional() }).strict(),
  }),
} as const
