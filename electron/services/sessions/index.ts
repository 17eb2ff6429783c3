// The sessions domain's public face: what other domains and the composition root may use. Anything
// not exported here is the domain's own business.
export { SessionsService } from './sessions-service.ts'
export { SessionSpending, type Spending, type SpendingOwner, type SpendingPort } from './session-spending.ts'
export type { CoachRecordPort } from './coach-record.ts'
export type { ChangeRecord, ChangeRecordPort } from './keep-record.ts'
export type { ViewerRecordPort } from './sessions-service.ts'
