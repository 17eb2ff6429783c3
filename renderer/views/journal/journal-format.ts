// How the journal shows dates, durations and money: one place, so every screen reads the same.

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** "24 Nov 2026" for "2026-11-24" (a calendar date: no time-zone shift). */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return dayFormat.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)))
}

/** "1 h 5 min", "28 min", "30 s". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`
  const rounded = Math.round(minutes)
  const hours = Math.floor(rounded / 60)
  const rest = rounded % 60
  return hours > 0 ? `${hours} h${rest ? ` ${rest} min` : ''}` : `${rest} min`
}

export function formatCost(usd: number): string {
  return usd === 0 ? 'no AI cost' : `$${usd.toFixed(2)}`
}

export function shortCommit(commit: string | null | undefined): string {
  return commit ? commit.slice(0, 8) : '—'
}

/** "20 min estimated, 27 min taken (1.4× the estimate)", or null when neither was recorded. */
export function effortSentence(estimateMinutes: number | null, actualMinutes: number | null): string | null {
  if (estimateMinutes === null && actualMinutes === null) return null
  if (estimateMinutes === null) return `No estimate written down; the change took ${formatMinutes(actualMinutes ?? 0)}.`
  if (actualMinutes === null || actualMinutes < 1) return `${formatMinutes(estimateMinutes)} estimated; the change was not timed.`
  const ratio = estimateMinutes > 0 ? ` (${(actualMinutes / estimateMinutes).toFixed(1)}× the estimate)` : ''
  return `${formatMinutes(estimateMinutes)} estimated, ${formatMinutes(actualMinutes)} taken${ratio}.`
}
