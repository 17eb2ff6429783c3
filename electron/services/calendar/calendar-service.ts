// Serves the calendar channels: the weekly slot from Settings (or a draft of it) as an .ics file.
// Never writes a file itself; the renderer saves or opens what it gets.
import type { calendarChannels, IcsFile } from '../../../shared/channels/calendar.ts'
import type { ParsedInputOf } from '../../../shared/contract.ts'
import type { Schedule } from '../../../shared/models/settings.ts'
import { weeklyIcs } from './weekly-ics.ts'

type Channels = typeof calendarChannels

export interface CalendarServiceDeps {
  readonly clock: () => Date
  readonly settings: { get(): Promise<{ readonly schedule: Schedule }> }
}

export class CalendarService {
  readonly #deps: CalendarServiceDeps

  constructor(deps: CalendarServiceDeps) {
    this.#deps = deps
  }

  async ics(input: ParsedInputOf<Channels['ics']>): Promise<IcsFile> {
    const schedule = input.schedule ?? (await this.#deps.settings.get()).schedule
    return weeklyIcs(schedule, this.#deps.clock())
  }
}
