// What the change service is given at construction besides Claude: the repositories, the settings
// file for small remembered values, and the session it records to. Plain interfaces; the composition
// root passes the real services.
import type { EventMap } from '../../../shared/api.ts'
import type { CallContext } from '../../../shared/contract.ts'
import type { RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { ChangeRecord } from '../sessions/index.ts'

type Ctx = CallContext<EventMap>

export interface ChangeRepos {
  info(repoId: string, ctx: Ctx): Promise<RepoView>
  scan(repoId: string, ctx: Ctx): Promise<ScanResult>
}

/** Small remembered values (test command per repository, commit identity): the settings file. */
export interface ChangePrefs {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

/**
 * Records what the change did in a session's change step (the sessions service), whichever call made
 * it; never the leader's estimate or actual time, which the session step owns.
 */
export interface SessionRecorder {
  record(sessionId: string, patch: ChangeRecord): Promise<void>
}
