// What the change service is given at construction besides Claude: the repositories, the settings
// file for small remembered values, and the session it records to. Plain interfaces; the composition
// root passes the real services.
import type { EventMap } from '../../../shared/api.ts'
import type { CallContext } from '../../../shared/contract.ts'
import type { RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { ChangePayload } from '../../../shared/models/sessions.ts'

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

/** Saves part of a session's change step (the sessions service), whichever call made the change. */
export interface SessionRecorder {
  record(sessionId: string, patch: Partial<ChangePayload>): Promise<void>
}
