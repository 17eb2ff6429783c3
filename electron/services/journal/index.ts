// The journal domain's public face: the service (which also takes finished sessions from the
// sessions domain) and the git reader it compares cited files with.
export { openRepositoryForDrift } from './git-drift.ts'
export { JournalService } from './journal-service.ts'
export { commitsSince, type CommitLine } from './commits-since.ts'
