// What a coach thread is given of a repository: the packed, redacted context with its manifest, and
// what the context port is asked for. Types only; the port is RepoContextProvider (or a test's own).
import type { AiPurpose } from '../../../../shared/models/ai.ts'
import type { RepoSnapshot } from '../../git/git-layer.ts'
import type { ContextManifest } from '../conversation/conversation.ts'
import type { PackedContext } from './pack-context.ts'

/** A repository's packed context: already redacted, with the manifest of what it carries. */
export interface RepoContext {
  /**
   * What the context was read from, and what the thread's tools, viewer and citation checks read too:
   * the root, the commit, the paths read from the working tree.
   */
  readonly snapshot: RepoSnapshot
  readonly text: string
  readonly manifest: ContextManifest
  /** Tracked files for the tools; defaults to the git index of the snapshot's root. */
  readonly listFiles?: () => Promise<readonly string[]>
  /** The pack's own account (scope applied, forms, what did not fit), when the port packs with packContext. */
  readonly packed?: PackedContext
}

export interface RepoContextRequest {
  readonly repoId: string
  readonly scope: string | null
  readonly purpose: AiPurpose
  readonly contextTokens: number
}

/** Packs a repository's context for one request (the repos domain's scan, the leader's scope and patterns). */
export type RepoContextPort = (request: RepoContextRequest, signal: AbortSignal) => Promise<RepoContext>
