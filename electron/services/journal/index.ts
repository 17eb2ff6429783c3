// The journal domain's public face: the service (which also takes finished sessions from the
// sessions domain) and the git reader of what became of a session's cited code.
export { readDriftFromGit } from './git-drift.ts'
export { JournalService } from './journal-service.ts'
