// Landing an approved change and the way back from it: commits the accepted files on a new gemba/
// branch (or a follow-up commit there), takes the clone back to the branch it was on, deletes the
// unpushed Gemba branch (its commit kept under refs/gemba/kept/ so the deletion can be undone until
// the session's journal entry is written) and restores it; and the commit identity it needs. Before
// anything else it rolls back a landing that was cut short (a kill can leave its own index.lock, which
// the write check would take for another program's); then it checks git is not in the middle of
// something (the git layer's write check): a refusal touches no ref, no index and no file. Remembers
// per repository where "back" is, records every outcome to the session, and tells the page
// (change.checkout). The only part of the change service that writes to a repository.
import { GembaError } from '../../../../shared/errors.ts'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  AppliedChange,
  ChangeDraftView,
  CheckoutView,
  DraftCheck,
  FileChange,
  GitIdentity,
  LeftByRun,
} from '../../../../shared/models/change.ts'
import {
  branchCommit,
  checkCanWrite,
  createBranch,
  deleteBranchRef,
  isPushed,
  keepCommit,
  keptCommit,
  readGitIdentity,
  readHead,
  releaseKept,
  switchToBranch,
  withGitErrors,
  withRepository,
  type GitRepo,
} from '../../git/git-layer.ts'
import type { RepoView } from '../../../../shared/models/repos.ts'
import type { Progress } from '../../events-port.ts'
import type { Redactor } from '../../secrets/index.ts'
import { applyStaged, applyWorking, commitFollowUp } from './commit-change.ts'
import { gitFactsNow, type GitFacts, type LandedChange } from './git-facts.ts'
import { addedLines } from '../diffs/authorship.ts'
import { draftView, type ChangeDraft } from '../drafts/change-draft.ts'
import type { ChangePrefs, CheckoutRecord } from '../change-prefs.ts'
import type { ChangeRepos, SessionRecorder } from '../change-ports.ts'
import { CheckoutRecords } from './checkout-records.ts'
import { hasInterruptedLanding, recoverInterruptedLanding } from './crash-safe-landing.ts'
import { redactedDiff } from '../diffs/redact-diff.ts'
import { LEADER_MARKER } from '../drafts/staged-copy.ts'

export interface GembaBranchesDeps {
  readonly repos: ChangeRepos
  readonly prefs: ChangePrefs
  readonly session: SessionRecorder
  readonly redactor: Redactor
  /** The files the leader reviews now (the staged change or the working tree). */
  readonly reviewFiles: (draft: ChangeDraft, signal: AbortSignal) => Promise<readonly FileChange[]>
  /** The repository with the leader's changes only, file by file: nothing a test run or an install left. */
  readonly leaderView: (
    repoId: string,
    signal: AbortSignal,
  ) => Promise<{ readonly repo: RepoView; readonly leftByRuns: readonly LeftByRun[] }>
  /** Where git's global config is looked for: the leader's home folder (and XDG_CONFIG_HOME). */
  readonly home: string
  readonly xdgConfigHome?: string | undefined
  readonly now: () => Date
}

/** A deleted branch kept without a session (the Repositories screen) is let go after a day. */
const KEPT_WITHOUT_SESSION_MS = 24 * 60 * 60 * 1000

export class GembaBranches {
  readonly #deps: GembaBranchesDeps
  readonly #records: CheckoutRecords
  readonly #recovering = new Map<string, Promise<boolean>>()

  constructor(deps: GembaBranchesDeps) {
    this.#deps = deps
    this.#records = new CheckoutRecords(deps.prefs)
  }

  async apply(
    draft: ChangeDraft,
    input: { acceptedPaths: readonly string[]; message: string },
    signal: AbortSignal,
    progress: Progress,
  ): Promise<ChangeDraftView> {
    const accepted = input.acceptedPaths
    await this.recoverInterrupted(draft.root)
    await whenWritable(draft.root, { doing: 'land the change', paths: accepted }, async () => undefined)
    const author = await this.#identityFor(draft.root)
    const { repo, leftByRuns } = await this.#deps.leaderView(draft.repoId, signal)
    const base = {
      root: draft.root,
      request: draft.request,
      accepted,
      message: input.message,
      author,
      changedInWorkingTree: repo.changedFiles,
      leftByRuns,
      workingTreeUnknown: repo.state === 'unknown',
      now: this.#deps.now(),
    }
    const before = await this.#deps.reviewFiles(draft, signal)
    const landing = draft.applied
    await withGitErrors('land the change', async () => {
      if (landing && !landing.deleted) draft.applied = await commitFollowUp(base, landing)
      else draft.applied = draft.mode === 'agent' ? await applyStaged(base, draft.staged) : await applyWorking(base)
    })
    const committed = before.filter((file) => accepted.includes(file.path))
    const kept = landing && !landing.deleted ? draft.committedFiles.filter((file) => !accepted.includes(file.path)) : []
    draft.committedFiles = [...kept, ...committed]
    // Whose hands wrote what: the agent's staged change is its own; the working tree is the leader's.
    const byLeader = draft.mode === 'manual' || (landing !== null && !landing.deleted)
    const lines = addedLines(committed)
    draft.authorship = landing && !landing.deleted ? { ...draft.authorship } : { leaderLines: 0, agentLines: 0 }
    if (byLeader) draft.authorship.leaderLines += lines
    else draft.authorship.agentLines += lines
    if (landing && !landing.deleted) draft.checks = await leaderPieceChecks(draft.root, accepted)
    const applied = draft.applied!
    if (!landing || landing.deleted)
      this.#records.setCheckout(draft.repoId, {
        branch: applied.branch,
        originalBranch: applied.originalBranch,
        commit: applied.commit,
        sessionId: draft.sessionId,
        landedAt: this.#deps.now().toISOString(),
      })
    // The session's diff goes into the journal and its exports: credentials in it are redacted, as for Claude.
    const diff = await redactedDiff(this.#deps.redactor, draft.committedFiles)
    await this.#record(draft, {
      branch: applied.branch,
      commit: applied.commit,
      diff,
      originalBranch: applied.originalBranch,
      authorship: { ...draft.authorship },
      ...(await gitFactsNow(draft.root, applied)),
    })
    this.#changed(draft.repoId, progress)
    return draftView(draft)
  }

  async returnToOriginal(draft: ChangeDraft, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    appliedOf(draft)
    await this.returnTo(draft.repoId, signal, progress)
    return this.current(draft, signal)
  }

  /** The draft with where its branch is now (the leader may have gone back from a banner, or in git). */
  async current(draft: ChangeDraft, signal: AbortSignal): Promise<ChangeDraftView> {
    const applied = draft.applied
    if (applied && !applied.deleted) {
      const repo = await this.#deps.repos.info(draft.repoId, signal)
      draft.applied = { ...applied, onGembaBranch: repo.branch === applied.branch }
    }
    return draftView(draft)
  }

  /** Takes the clone back to the branch it was on before Gemba's last change there; the Gemba branch stays. */
  async returnTo(repoId: string, signal: AbortSignal, progress: Progress): Promise<CheckoutView | null> {
    const record = this.#records.checkout(repoId)
    if (!record)
      throw new GembaError({
        code: 'not_found',
        message: 'Gemba has not left this repository on one of its branches.',
        next: 'Check out the branch you want in git.',
      })
    const repo = await this.#deps.repos.info(repoId, signal)
    if (repo.branch === record.originalBranch) return this.#view(repoId, signal)
    if (repo.branch !== record.branch) {
      throw new GembaError({
        code: 'conflict',
        message: `The clone is on ${repo.branch ?? 'a detached HEAD'} now, not on ${record.branch}, so Gemba leaves it where you put it.`,
        next: `Check out ${record.originalBranch} in git if you want to go back.`,
      })
    }
    await this.recoverInterrupted(repo.path)
    await whenWritable(repo.path, { doing: `return to ${record.originalBranch}` }, (opened) =>
      withGitErrors(`return to ${record.originalBranch}`, () => switchToBranch(opened, record.originalBranch)),
    )
    if (record.sessionId) await this.#recordTo(record.sessionId, await gitFactsNow(repo.path, record))
    this.#changed(repoId, progress)
    return this.#view(repoId, signal)
  }

  /** Deletes the unpushed Gemba branch (back on the original branch first); its commit is kept so it can be restored. */
  async discardBranch(draft: ChangeDraft, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    const applied = appliedOf(draft)
    if (applied.deleted) return draftView(draft)
    await this.recoverInterrupted(draft.root)
    const tip = await whenWritable(draft.root, { doing: `delete ${applied.branch}` }, async (repo) => {
      if (await withGitErrors(`delete ${applied.branch}`, () => isPushed(repo, applied.branch))) {
        throw new GembaError({
          code: 'refused',
          message: `${applied.branch} has been pushed, so Gemba will not delete it.`,
          next: 'Delete it where it was pushed to, if you mean to.',
        })
      }
      return withGitErrors(`delete ${applied.branch}`, async () => {
        if ((await readHead(repo)).branch === applied.branch) await switchToBranch(repo, applied.originalBranch)
        // The branch's tip, which may be past the change's commit (a commit the leader made there by hand).
        const commit = (await branchCommit(repo, applied.branch)) ?? applied.commit
        await keepCommit(repo, applied.branch, commit)
        await deleteBranchRef(repo, applied.branch)
        return commit
      })
    })
    this.#records.addKept({
      repoId: draft.repoId,
      branch: applied.branch,
      commit: tip,
      sessionId: draft.sessionId,
      keptAt: this.#deps.now().toISOString(),
    })
    if (this.#records.checkout(draft.repoId)?.branch === applied.branch) this.#records.setCheckout(draft.repoId, null)
    draft.applied = { ...applied, onGembaBranch: false, deleted: true, restorable: true }
    draft.activity.push({
      kind: 'note',
      text: `Deleted ${applied.branch}; the repository is on ${applied.originalBranch}. Its commit is kept until the journal entry is written, so you can restore it.`,
    })
    // The session says what happened: the journal keeps the branch's name and says it was deleted.
    await this.#record(draft, await gitFactsNow(draft.root, applied))
    this.#changed(draft.repoId, progress)
    return draftView(draft)
  }

  /** Undoes a deletion: the branch comes back at its kept commit (the clone stays where it is). */
  async restoreBranch(draft: ChangeDraft, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    const applied = appliedOf(draft)
    if (!applied.deleted) return draftView(draft)
    await this.recoverInterrupted(draft.root)
    const commit = await withRepository(draft.root, async (repo) => {
      const kept = await keptCommit(repo, applied.branch)
      if (kept === null) {
        draft.applied = { ...applied, restorable: false }
        throw new GembaError({
          code: 'not_found',
          message: `${applied.branch} can no longer be restored: its commit is not kept any more.`,
          next: `Its commit was ${applied.commit.slice(0, 10)}; \`git branch ${applied.branch} ${applied.commit.slice(0, 10)}\` brings it back while git still has it.`,
        })
      }
      await withGitErrors(`restore ${applied.branch}`, async () => {
        await createBranch(repo, applied.branch, kept)
        await releaseKept(repo, applied.branch)
      })
      return kept
    })
    this.#records.removeKept(draft.repoId, applied.branch)
    this.#records.setCheckout(draft.repoId, {
      branch: applied.branch,
      originalBranch: applied.originalBranch,
      commit,
      sessionId: draft.sessionId,
      landedAt: this.#deps.now().toISOString(),
    })
    draft.applied = { ...applied, deleted: false, restorable: false }
    draft.activity.push({ kind: 'note', text: `Restored ${applied.branch} at ${commit.slice(0, 10)}.` })
    await this.#record(draft, await gitFactsNow(draft.root, applied))
    this.#changed(draft.repoId, progress)
    return draftView(draft)
  }

  /** Every repository Gemba left a branch in, with where its clone is now. */
  async checkouts(signal: AbortSignal): Promise<CheckoutView[]> {
    await this.#letGoOfStaleKept(signal)
    const views: CheckoutView[] = []
    for (const repoId of Object.keys(this.#records.checkouts())) {
      const view = await this.#view(repoId, signal)
      if (view) views.push(view)
    }
    return views
  }

  /** What is true in git now of a change that landed in the repository (read as a journal entry is written). */
  async factsNow(repoId: string, change: LandedChange, signal: AbortSignal): Promise<GitFacts> {
    const repo = await this.#deps.repos.info(repoId, signal)
    return gitFactsNow(repo.path, change)
  }

  /** The session's journal entry is written: the branches it deleted are let go (git gc may now remove their commits). */
  async releaseKept(sessionId: string, signal: AbortSignal): Promise<void> {
    for (const record of this.#records.kept().filter((kept) => kept.sessionId === sessionId))
      await this.#release(record.repoId, record.branch, signal)
  }

  async identity(repoId: string, signal: AbortSignal): Promise<GitIdentity | null> {
    const repo = await this.#deps.repos.info(repoId, signal)
    return (await this.#gitIdentity(repo.path)) ?? this.#savedIdentity()
  }

  setIdentity(input: { name: string; email: string }): GitIdentity {
    this.#deps.prefs.set('change.identity', { name: input.name, email: input.email })
    return { name: input.name, email: input.email, source: 'gemba' }
  }

  /**
   * Before a change starts: rolls back a landing cut short (the app killed mid-apply), then refuses
   * while git is in the middle of something (the change could not land). Answers whether it rolled back.
   */
  async prepare(root: string): Promise<boolean> {
    const recovered = await this.recoverInterrupted(root)
    await whenWritable(root, { doing: 'start a change' }, async () => undefined)
    return recovered
  }

  /**
   * Rolls back a landing that was cut short in the repository at `root`, its own leftover locks first;
   * answers whether there was one. Runs before any write check, and for every repository at start-up.
   */
  async recoverInterrupted(root: string): Promise<boolean> {
    // One at a time per repository: the start-up pass and a first call may meet.
    const previous = this.#recovering.get(root) ?? Promise.resolve(false)
    const next = previous
      .catch(() => false)
      .then(async () => {
        if (!(await hasInterruptedLanding(root))) return false
        return (await withGitErrors('roll back a landing that was cut short', () => recoverInterruptedLanding(root))) !== null
      })
    this.#recovering.set(root, next)
    try {
      return await next
    } finally {
      if (this.#recovering.get(root) === next) this.#recovering.delete(root)
    }
  }

  async #view(repoId: string, signal: AbortSignal): Promise<CheckoutView | null> {
    const record = this.#records.checkout(repoId)
    if (!record) return null
    const repo = await this.#deps.repos.info(repoId, signal).catch((error: unknown) => {
      if (error instanceof GembaError && error.code === 'not_found') return null
      throw error
    })
    if (!repo) {
      this.#records.setCheckout(repoId, null)
      return null
    }
    return viewOf(repoId, repo.name, repo.branch, record)
  }

  async #release(repoId: string, branch: string, signal: AbortSignal): Promise<void> {
    const repo = await this.#deps.repos.info(repoId, signal).catch(() => null)
    if (repo)
      await withGitErrors(`let go of ${branch}`, () => withRepository(repo.path, (opened) => releaseKept(opened, branch))).catch(
        () => undefined,
      )
    this.#records.removeKept(repoId, branch)
  }

  async #letGoOfStaleKept(signal: AbortSignal): Promise<void> {
    const cutoff = this.#deps.now().getTime() - KEPT_WITHOUT_SESSION_MS
    for (const record of this.#records.kept()) {
      if (record.sessionId === null && Date.parse(record.keptAt) < cutoff) await this.#release(record.repoId, record.branch, signal)
    }
  }

  #changed(repoId: string, progress: Progress): void {
    progress.report('change.checkout', { repoId })
  }

  async #record(draft: ChangeDraft, patch: Parameters<SessionRecorder['record']>[1]): Promise<void> {
    if (draft.sessionId) await this.#recordTo(draft.sessionId, patch)
  }

  /** Records to a session; one already finished (its journal entry written) is left as it is. */
  async #recordTo(sessionId: string, patch: Parameters<SessionRecorder['record']>[1]): Promise<void> {
    await this.#deps.session.record(sessionId, patch).catch((error: unknown) => {
      if (!(error instanceof GembaError && error.code === 'conflict')) throw error
    })
  }

  async #identityFor(root: string): Promise<GitIdentity> {
    const identity = (await this.#gitIdentity(root)) ?? this.#savedIdentity()
    if (identity) return identity
    throw new GembaError({
      code: 'invalid_input',
      message: 'Gemba needs a name and email for the commit, and git config has none.',
      next: 'Enter them once; Gemba remembers them.',
      details: { needsIdentity: true },
    })
  }

  /** user.name and user.email as git itself would take them for the repository at `root`; null when it cannot be opened. */
  async #gitIdentity(root: string): Promise<GitIdentity | null> {
    return withRepository(root, (repo) => readGitIdentity(repo, this.#deps.home, this.#deps.xdgConfigHome)).catch(() => null)
  }

  #savedIdentity(): GitIdentity | null {
    const saved = this.#deps.prefs.get('change.identity')
    return saved ? { name: saved.name, email: saved.email, source: 'gemba' } : null
  }
}

/** Opens the repository at `root`, refuses (changing nothing) when anything stands in the way of `intent`, else runs `work`. */
async function whenWritable<T>(root: string, intent: Parameters<typeof checkCanWrite>[1], work: (repo: GitRepo) => Promise<T>): Promise<T> {
  return withRepository(root, async (repo) => {
    await checkCanWrite(repo, intent)
    return work(repo)
  })
}

/** After the leader commits their part: a TODO(human) marker still in a committed file is worth saying. */
async function leaderPieceChecks(root: string, paths: readonly string[]): Promise<DraftCheck[]> {
  const left: string[] = []
  for (const path of paths)
    if ((await readFile(join(root, ...path.split('/')), 'utf8').catch(() => '')).includes(LEADER_MARKER)) left.push(path)
  return left.length === 0
    ? []
    : [
        {
          kind: 'leader_marker_left',
          message: `The TODO(human) comment is still in ${left.join(', ')}: remove it once your piece is written.`,
          paths: left,
        },
      ]
}

function viewOf(repoId: string, repoName: string, branch: string | null, record: CheckoutRecord): CheckoutView {
  return {
    repoId,
    repoName,
    branch,
    gembaBranch: record.branch,
    returnTo: record.originalBranch,
    onGembaBranch: branch === record.branch,
    sessionId: record.sessionId,
    landedAt: record.landedAt,
  }
}

function appliedOf(draft: ChangeDraft): AppliedChange {
  if (!draft.applied)
    throw new GembaError({ code: 'conflict', message: 'This change has not been applied to a branch.', next: 'Apply it first.' })
  return draft.applied
}
