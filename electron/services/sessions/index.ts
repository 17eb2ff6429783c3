// The sessions domain's public face: what other domains and the composition root may use. Anything
// not exported here is the domain's own business.
export { SessionsService, type SessionsServiceDeps } from './sessions-service.ts'
export { SessionSpending, type Spending, type SpendingOwner, type SpendingPort, type SpendingTotals } from './session-spending.ts'
export type { JournalPort } from './journal-record.ts'
export type { TranscriptPort } from './read-conversations.ts'
export type { CoachRecordPort, CoachTurnRecord } from './coach-record.ts'
export type { ChangeRecord, ChangeRecordPort, OfflineTourPort } from './keep-record.ts'
