// The weekly slot and its next start in words, in the leader's time zone, with times written the way
// their operating system writes them ("Fridays at 14:00", or "Fridays at 2:00 PM").
import type { Schedule } from '../../../shared/models/settings.ts'
import { formatWallTime } from '../../components/format-time.ts'

export function slotText(schedule: Schedule): string {
  const day = `${schedule.day[0]?.toUpperCase() ?? ''}${schedule.day.slice(1)}s`
  return `${day} at ${formatWallTime(schedule.start)} for ${schedule.minutes} minutes (${schedule.timeZone.replace(/_/g, ' ')})`
}

export function nextStartText(iso: string, timeZone: string, now: number = Date.now()): string {
  const when = new Date(iso)
  const date = new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(when)
  const days = Math.round((when.getTime() - now) / 86_400_000)
  const hours = Math.round((when.getTime() - now) / 3_600_000)
  const relative =
    hours < 1
      ? 'within the hour'
      : hours < 24
        ? `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`
        : `in ${days} ${days === 1 ? 'day' : 'days'}`
  return `${date} — ${relative}`
}
