// Landing an approved change and undoing where it landed: commits the accepted files on a new gemba/
// branch (or a follow-up commit there), checks the original branch out again, deletes the unpushed
// Gemba branch; and the commit identity it needs. Every outcome is recorded to the session. The only
// part of the change service that writes to a repository.
import type { EventMap } from '../../../shared/api.ts'
import type { CallContext } from '../../../shared/contract.ts'
import { GembaError } from '../../../shared/errors.ts'
import type { AppliedChange, ChangeDraftView, FileChange, GitIdentity } from '../../../shared/models/change.ts'
import type { Redactor } from '../secrets/index.ts'
import { applyStaged, applyWorking, commitFollowUp } from './apply-change.ts'
import { draftView, type ChangeDraft } from './change-draft.ts'
import type { ChangePrefs, ChangeRepos, SessionRecorder } from './change-ports.ts'
import { checkoutRef, deleteBranch, headState, isPushed } from './git/commit-on-branch.ts'
import { readGitIdentity } from './git/git-identity.ts'
import { recoverInterruptedLanding } from './git/land-change.ts'
import { redactedDiff } from './redact-diff.ts'

type Ctx = CallContext<EventMap>

export interface ChangeLandingDeps {
  readonly repos: ChangeRepos
  readonly prefs: ChangePrefs
  readonly session: SessionRecorder
  readonly redactor: Redactor
  /** The files the leader reviews now (the staged change or the working tree). */
  readonly reviewFiles: (draft: ChangeDraft, ctx: Ctx) => Promise<readonly FileChange[]>
  /** Where git's global config is looked for: the leader's home folder (and XDG_CONFIG_HOME). */
  readonly home: string
  readonly xdgConfigHome?: string | undefined
  readonly now: () => Date
}

const IDENTITY_KEY = 'change.identity'

export class ChangeLanding {
  readonly #deps: ChangeLandingDeps

  constructor(deps: ChangeLandingDeps) {
    this.#deps = deps
  }

  async apply(draft: ChangeDraft, input: { acceptedPaths: readonly string[]; message: string }, ctx: Ctx): Promise<ChangeDraftView> {
    const author = await this.#identityFor(draft.root)
    await recoverInterruptedLanding(draft.root)
    const repo = await this.#deps.repos.info(draft.repoId, ctx)
    const accepted = input.acceptedPaths
    const base = { root: draft.root, request: draft.request, accepted, message: input.message, author, changedInWorkingTree: repo.changedFiles, now: this.#deps.now() }
    const before = await this.#deps.reviewFiles(draft, ctx)
    if (draft.applied) draft.applied = await commitFollowUp(base, draft.applied)
    else draft.applied = draft.mode === 'agent' ? await applyStaged(base, draft.staged) : await applyWorking(base)
    const kept = draft.committedFiles.filter((file) => !accepted.includes(file.path))
    draft.committedFiles = [...kept, ...before.filter((file) => accepted.includes(file.path))]
    // The session's diff goes into the journal and its exports: credentials in it are redacted, as for Claude.
    const diff = await redactedDiff(this.#deps.redactor, draft.committedFiles)
    await this.#record(draft, { branch: draft.applied.branch, commit: draft.applied.commit, diff })
    return draftView(draft)
  }

  async returnToOriginal(draft: ChangeDraft): Promise<ChangeDraftView> {
    const applied = appliedOf(draft)
    await checkoutRef(draft.root, applied.originalBranch)
    draft.applied = { ...applied, onGembaBranch: false }
    return draftView(draft)
  }

  async discardBranch(draft: ChangeDraft): Promise<ChangeDraftView> {
    const applied = appliedOf(draft)
    if (await isPushed(draft.root, applied.branch)) {
      throw new GembaError({ code: 'refused', message: `${applied.branch} has been pushed, so Gemba will not delete it.`, next: 'Delete it where it was pushed to, if you mean to.' })
    }
    const head = await headState(draft.root)
    if (head.branch === applied.branch) await checkoutRef(draft.root, applied.originalBranch)
    await deleteBranch(draft.root, applied.branch)
    draft.applied = null
    draft.committedFiles = []
    draft.activity.push({ kind: 'note', text: `Deleted ${applied.branch}; the repository is back on ${applied.originalBranch}.` })
    // The session forgets the branch too: its journal entry must not point at a branch that is gone.
    await this.#record(draft, { branch: null, commit: null })
    return draftView(draft)
  }

  async identity(repoId: string, ctx: Ctx): Promise<GitIdentity | null> {
    const repo = await this.#deps.repos.info(repoId, ctx)
    return (await readGitIdentity(repo.path, this.#deps.home, this.#deps.xdgConfigHome)) ?? this.#savedIdentity()
  }

  setIdentity(input: { name: string; email: string }): GitIdentity {
    this.#deps.prefs.set(IDENTITY_KEY, { name: input.name, email: input.email })
    return { name: input.name, email: input.email, source: 'gemba' }
  }

  async #record(draft: ChangeDraft, patch: Parameters<SessionRecorder['record']>[1]): Promise<void> {
    if (draft.sessionId) await this.#deps.session.record(draft.sessionId, patch)
  }

  async #identityFor(root: string): Promise<GitIdentity> {
    const identity = (await readGitIdentity(root, this.#deps.home, this.#deps.xdgConfigHome)) ?? this.#savedIdentity()
    if (identity) return identity
    throw new GembaError({
      code: 'invalid_input',
      message: 'Gemba needs a name and email for the commit, and git config has none.',
      next: 'Enter them once; Gemba remembers them.',
      details: { needsIdentity: true },
    })
  }

  #savedIdentity(): GitIdentity | null {
    const saved = this.#deps.prefs.get(IDENTITY_KEY) as { name?: unknown; email?: unknown } | undefined
    return typeof saved?.name === 'string' && typeof saved.email === 'string' ? { name: saved.name, email: saved.email, source: 'gemba' } : null
  }
}

function appliedOf(draft: ChangeDraft): AppliedChange {
  if (!draft.applied) throw new GembaError({ code: 'conflict', message: 'This change has not been applied to a branch.', next: 'Apply it first.' })
  return draft.applied
}
