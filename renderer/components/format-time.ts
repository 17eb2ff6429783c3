// Times of day as the leader's operating system writes them: one formatter, the page's own locale
// (the OS locale under Electron, the browser's otherwise), never a fixed 12- or 24-hour clock. Pure.

let clock: Intl.DateTimeFormat | null = null

function clockFormat(): Intl.DateTimeFormat {
  clock ??= new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })
  return clock
}

/** "14:05" or "2:05 PM", as the locale has it, for an instant (in the page's time zone, or `timeZone`). */
export function formatClockTime(when: Date, timeZone?: string): string {
  return timeZone
    ? new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone }).format(when)
    : clockFormat().format(when)
}

/** A wall-clock time written "HH:MM" (the weekly slot), shown as the locale writes it. */
export function formatWallTime(hhmm: string): string {
  const [hours, minutes] = hhmm.split(':').map(Number)
  return formatClockTime(new Date(Date.UTC(2000, 0, 3, hours ?? 0, minutes ?? 0)), 'UTC')
}
