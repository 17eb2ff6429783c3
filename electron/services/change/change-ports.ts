// What the change service is given at construction besides Claude: the repositories and the session it
// records to (the small remembered values are change-prefs.ts). Plain interfaces over the other domains;
// the composition root passes the real services.
import type { RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { ChangeRecord } from '../sessions/index.ts'

export interface ChangeRepos {
  /** The repository, its changes as `git status` lists them. */
  info(repoId: string, signal: AbortSignal): Promise<RepoView>
  /** The repository, its changes file by file (each untracked file), less the untracked paths `leaveOut` names. */
  workingFiles(repoId: string, leaveOut: readonly string[], signal: AbortSignal): Promise<RepoView>
  scan(repoId: string, signal: AbortSignal): Promise<ScanResult>
}

/**
 * Records what the change did in a session's change step (the sessions service), whichever call made
 * it; never the leader's estimate or actual time, which the session step owns.
 */
export interface SessionRecorder {
  record(sessionId: string, patch: ChangeRecord): Promise<void>
}
