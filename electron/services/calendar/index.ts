// The calendar domain's public face: the service, the weekly reminder's scheduler, and the time-zone
// arithmetic the sessions domain builds its weeks with.
export { CalendarService } from './calendar-service.ts'
export { nextOccurrence } from './next-occurrence.ts'
export { ReminderScheduler } from './reminder-scheduler.ts'
export { addDays, civilDateIn, daysBetween, mondayOf } from './zoned-time.ts'
