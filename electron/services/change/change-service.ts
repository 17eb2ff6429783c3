// Serves the change channels by handing each to the part that owns it: the drafts and the agent's
// turns (drafts/), task proposals (tasks/), landing and undoing (landing/gemba-branches.ts), the
// working tree and its watch (working-tree/), the team's tests (team-tests/) and the words about a
// change (explain/), with Claude for each through claude/. Each method takes its input, the signal that
// cancels it and, where the work reports as it goes, a Progress; it knows nothing of calls. Records to
// the session through the port it is given; writes to a repository only through the landing. What it
// starts (watches, test runs, the drafts it holds, the branches it lets go of when a journal entry is
// written) is registered in its disposables, and dispose() ends all of it.
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { changeChannels } from '../../../shared/channels/change.ts'
import type { ParsedInputOf } from '../../../shared/contract.ts'
import {
  reviewSource,
  type ChangeDraftView,
  type ChangeExplanation,
  type CheckoutView,
  type CommitMessageDraft,
  type DraftCheck,
  type FileChange,
  type GitIdentity,
  type InstallResult,
  type PullRequestDraft,
  type PullRequestOpened,
  type TaskProposals,
  type TestCommandView,
  type TestReadiness,
  type TestRunResult,
  type WorkingChanges,
} from '../../../shared/models/change.ts'
import type { AiClientOptions, AiRuntimeSettings, SdkFactory } from '../ai/index.ts'
import { gitTrackedFiles } from '../git/git-layer.ts'
import { SecretRedactor, type Redactor } from '../secrets/index.ts'
import type { AiModelProfile } from '../../../shared/models/ai.ts'
import type { SpendingPort } from '../sessions/index.ts'
import { DisposableStore, toDisposable } from '../disposables.ts'
import type { DomainEvents } from '../domain-events.ts'
import type { Progress } from '../events-port.ts'
import { stagedFiles, type ChangeDraft } from './drafts/change-draft.ts'
import { Drafting } from './drafts/drafting.ts'
import { draftChecks } from './drafts/draft-checks.ts'
import { ChangeExplainer } from './explain/change-explainer.ts'
import { GembaBranches } from './landing/gemba-branches.ts'
import type { GitFacts, LandedChange } from './landing/git-facts.ts'
import type { ChangePrefs } from './change-prefs.ts'
import type { ChangeRepos, SessionRecorder } from './change-ports.ts'
import { ChangeRuntimes } from './claude/change-runtime.ts'
import { PullRequests } from './pull-request/pull-requests.ts'
import { proposeTasks } from './tasks/propose-tasks.ts'
import { TeamTests } from './team-tests/team-tests.ts'
import type { RegistryProbe } from './team-tests/network-watch.ts'
import { WorkingTree } from './working-tree/working-tree.ts'

type In<M extends keyof typeof changeChannels> = ParsedInputOf<(typeof changeChannels)[M]>

export interface ChangeServiceDeps {
  readonly repos: ChangeRepos
  /** Key, endpoint and model from Settings, read before each call. */
  readonly ai: () => Promise<AiRuntimeSettings>
  readonly createSdk: SdkFactory
  /** Each session's one spending record (the sessions service's port). */
  readonly spending: SpendingPort
  /** Where the change is recorded: the session's change step. */
  readonly session: SessionRecorder
  readonly prefs: ChangePrefs
  /** The leader's home folder, where git's global config (the commit identity) is read. */
  readonly home: string
  readonly xdgConfigHome?: string
  /** The environment the team's tests run in. */
  readonly testEnv: NodeJS.ProcessEnv
  /** Gemba's own folder for the tools it provides the tests (corepack's shims), first on their PATH. */
  readonly testToolsFolder?: string
  /** Asks a package registry whether it can be reached before a setup step downloads from it (a real request by default). */
  readonly registryProbe?: RegistryProbe
  /** How long a setup step may stay silent after a network error before it is stopped. */
  readonly networkSilenceMs?: number
  readonly now?: () => Date
  readonly newId?: () => string
  readonly redactor?: Redactor
  readonly clientOptions?: Pick<AiClientOptions, 'sleep' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'maxRetries' | 'maxAutoWaitSeconds'>
  readonly watchDebounceMs?: number
  /** How long a stopped test run may take to exit before its process group is killed. */
  readonly killGraceMs?: number
  /** What the model can do (the ai domain's Models API catalogue); without it the agent neither thinks nor caches for the hour. */
  readonly modelProfile?: (model: string, signal: AbortSignal) => Promise<AiModelProfile>
  /** What other domains announce: a session's journal entry written lets go of the branches it deleted. */
  readonly domainEvents?: Pick<DomainEvents, 'on'>
  /** The leader's environment, which their own git pushes in (credential helper, SSH agent). */
  readonly gitEnv?: Readonly<Record<string, string | undefined>>
  /** Opens an https page in the system browser (the desktop app); browser mode links instead. */
  readonly openExternal?: ((url: string) => Promise<void>) | undefined
  /** How long a push may take before it is stopped. */
  readonly pushTimeoutMs?: number
}

export class ChangeService {
  readonly #disposables = new DisposableStore()
  readonly #repos: ChangeRepos
  readonly #redactor: Redactor
  readonly #runtimes: ChangeRuntimes
  readonly #drafts: Drafting
  readonly #landing: GembaBranches
  readonly #tree: WorkingTree
  readonly #tests: TeamTests
  readonly #explainer: ChangeExplainer
  readonly #pullRequests: PullRequests

  constructor(deps: ChangeServiceDeps) {
    const now = deps.now ?? (() => new Date())
    const redactor = deps.redactor ?? new SecretRedactor()
    const reviewFiles = (draft: ChangeDraft, signal: AbortSignal) => this.#reviewFiles(draft, signal)
    this.#repos = deps.repos
    this.#redactor = redactor
    this.#runtimes = new ChangeRuntimes({
      settings: deps.ai,
      createSdk: deps.createSdk,
      spending: deps.spending,
      redactor,
      modelProfile: deps.modelProfile,
      clientOptions: deps.clientOptions,
    })
    this.#landing = new GembaBranches({
      repos: deps.repos,
      prefs: deps.prefs,
      session: deps.session,
      redactor,
      reviewFiles,
      leaderView: (repoId, signal) => this.#tree.leaderView(repoId, signal),
      home: deps.home,
      xdgConfigHome: deps.xdgConfigHome,
      now,
    })
    this.#drafts = new Drafting({
      repos: deps.repos,
      runtimes: this.#runtimes,
      session: deps.session,
      redactor,
      now,
      newId: deps.newId ?? randomUUID,
      prepare: (root) => this.#landing.prepare(root),
      check: (draft, signal) => this.#check(draft, signal),
    })
    this.#disposables.add(toDisposable(() => this.#drafts.dispose()))
    this.#tree = new WorkingTree({
      info: (repoId, signal) => deps.repos.info(repoId, signal),
      workingFiles: (repoId, leaveOut, signal) => deps.repos.workingFiles(repoId, leaveOut, signal),
      debounceMs: deps.watchDebounceMs,
      disposables: this.#disposables,
    })
    this.#tests = new TeamTests({
      info: (repoId, signal) => deps.repos.info(repoId, signal),
      prefs: deps.prefs,
      session: deps.session,
      redactor,
      env: deps.testEnv,
      toolsFolder: deps.testToolsFolder ?? join(tmpdir(), 'gemba-tools', 'bin'),
      killGraceMs: deps.killGraceMs,
      probe: deps.registryProbe,
      networkSilenceMs: deps.networkSilenceMs,
      disposables: this.#disposables,
      now,
    })
    this.#explainer = new ChangeExplainer({ runtimes: this.#runtimes, session: deps.session, redactor, reviewFiles })
    this.#pullRequests = new PullRequests({
      redactor,
      env: deps.gitEnv ?? deps.testEnv,
      openExternal: deps.openExternal,
      ...(deps.pushTimeoutMs === undefined ? {} : { pushTimeoutMs: deps.pushTimeoutMs }),
      ...(deps.killGraceMs === undefined ? {} : { killGraceMs: deps.killGraceMs }),
    })
    // The session's journal entry is written: the Gemba branches it deleted (kept under refs/gemba/kept/
    // so the deletion could be undone) are let go. Disposal waits for a release under way.
    const unsubscribe = deps.domainEvents?.on('journal.entryWritten', ({ sessionId }) =>
      this.#disposables.run((signal) => this.#landing.releaseKept(sessionId, signal)),
    )
    if (unsubscribe) this.#disposables.add(toDisposable(unsubscribe))
  }

  /** What is true in git now of a change that landed (the journal's sentences about git are read from this). */
  gitFacts(repoId: string, change: LandedChange, signal: AbortSignal): Promise<GitFacts> {
    return this.#landing.factsNow(repoId, change, signal)
  }

  proposeTasks(input: In<'proposeTasks'>, signal: AbortSignal, progress: Progress): Promise<TaskProposals> {
    return proposeTasks({ repos: this.#repos, runtimes: this.#runtimes, redactor: this.#redactor }, input, signal, progress)
  }

  start(input: In<'start'>, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    return this.#drafts.start(input, signal, progress)
  }

  revise(input: In<'revise'>, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    return this.#drafts.revise(input, signal, progress)
  }

  draft(input: In<'draft'>, signal: AbortSignal): Promise<ChangeDraftView> {
    return this.#landing.current(this.#drafts.get(input.draftId), signal)
  }

  commitMessage(input: In<'commitMessage'>, signal: AbortSignal, progress: Progress): Promise<CommitMessageDraft> {
    return this.#explainer.commitMessage(this.#drafts.get(input.draftId), input.acceptedPaths, signal, progress)
  }

  async apply(input: In<'apply'>, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    const draft = this.#drafts.get(input.draftId)
    const landedBefore = draft.applied !== null && !draft.applied.deleted
    const view = await this.#landing.apply(draft, input, signal, progress)
    // The change's own message says what it is; the leader's follow-up commit (their piece) does not replace it.
    if (!landedBefore) draft.commitMessage = input.message
    return view
  }

  returnToOriginal(input: In<'returnToOriginal'>, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    return this.#landing.returnToOriginal(this.#drafts.get(input.draftId), signal, progress)
  }

  discardBranch(input: In<'discardBranch'>, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    return this.#landing.discardBranch(this.#drafts.get(input.draftId), signal, progress)
  }

  restoreBranch(input: In<'restoreBranch'>, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    return this.#landing.restoreBranch(this.#drafts.get(input.draftId), signal, progress)
  }

  checkouts(_input: In<'checkouts'>, signal: AbortSignal): Promise<CheckoutView[]> {
    return this.#landing.checkouts(signal)
  }

  returnTo(input: In<'returnTo'>, signal: AbortSignal, progress: Progress): Promise<CheckoutView | null> {
    return this.#landing.returnTo(input.repoId, signal, progress)
  }

  /**
   * At start-up, for every repository Gemba knows (the composition root calls this): rolls back a
   * landing the last run was stopped in, its own leftover locks first. Answers the repositories it
   * rolled back, and those it could not (git busy with something else; the next write tries again).
   */
  async recoverLandings(roots: readonly string[]): Promise<{ recovered: string[]; failed: { root: string; error: unknown }[] }> {
    const recovered: string[] = []
    const failed: { root: string; error: unknown }[] = []
    for (const root of roots) {
      try {
        if (await this.#landing.recoverInterrupted(root)) recovered.push(root)
      } catch (error) {
        failed.push({ root, error })
      }
    }
    return { recovered, failed }
  }

  identity(input: In<'identity'>, signal: AbortSignal): Promise<GitIdentity | null> {
    return this.#landing.identity(input.repoId, signal)
  }

  async setIdentity(input: In<'setIdentity'>): Promise<GitIdentity> {
    return this.#landing.setIdentity(input)
  }

  workingChanges(input: In<'workingChanges'>, signal: AbortSignal): Promise<WorkingChanges> {
    return this.#tree.changes(input.repoId, signal)
  }

  watchWorkingTree(input: In<'watchWorkingTree'>, signal: AbortSignal, progress: Progress): Promise<{ stopped: boolean }> {
    return this.#tree.watch(input.repoId, signal, progress)
  }

  testCommand(input: In<'testCommand'>, signal: AbortSignal): Promise<TestCommandView> {
    return this.#tests.command(input.repoId, signal)
  }

  testReadiness(input: In<'testReadiness'>, signal: AbortSignal): Promise<TestReadiness> {
    return this.#tests.readiness(input.repoId, input.command, signal)
  }

  /** What an install leaves that git shows is never the leader's change (working-tree/run-leftovers.ts). */
  installDependencies(input: In<'installDependencies'>, signal: AbortSignal, progress: Progress): Promise<InstallResult> {
    return this.#tree.duringRun(input.repoId, 'install', signal, () =>
      this.#tests.install(input.repoId, input.command, signal, progress, input.sessionId),
    )
  }

  /** What the run leaves that git shows is never the leader's change, so a test run never changes what is applied. */
  async runTests(input: In<'runTests'>, signal: AbortSignal, progress: Progress): Promise<TestRunResult> {
    const draft = input.draftId ? this.#drafts.find(input.draftId) : null
    const landed = draft?.repoId === input.repoId && draft.applied && !draft.applied.deleted ? draft.applied : null
    const run = await this.#tree.duringRun(input.repoId, 'tests', signal, () => this.#tests.run(input, landed, signal, progress))
    if (draft && draft.repoId === input.repoId) draft.lastTestRun = run
    return run
  }

  async explain(input: In<'explain'>, signal: AbortSignal, progress: Progress): Promise<ChangeExplanation> {
    const draft = this.#drafts.get(input.draftId)
    const explanation = await this.#explainer.explain(draft, input.sessionId ?? draft.sessionId, signal, progress)
    draft.explanation = explanation.markdown
    return explanation
  }

  pullRequestDraft(input: In<'pullRequestDraft'>): Promise<PullRequestDraft> {
    return this.#pullRequests.draft(this.#drafts.get(input.draftId))
  }

  openPullRequest(input: In<'openPullRequest'>, signal: AbortSignal): Promise<PullRequestOpened> {
    return this.#pullRequests.open(this.#drafts.get(input.draftId), input, signal)
  }

  /** Stops every watch and test run (their process groups killed, and waited for), lets a release finish, and frees the drafts. */
  dispose(): Promise<void> {
    return this.#disposables.dispose()
  }

  /** Gemba's checks of an agent draft against what happened (draft-checks.ts), with the tests' readiness here. */
  async #check(draft: ChangeDraft, signal: AbortSignal): Promise<DraftCheck[]> {
    const command = (await this.#tests.command(draft.repoId, signal).catch(() => null))?.command ?? null
    const readiness = command ? await this.#tests.readiness(draft.repoId, command, signal).catch(() => null) : null
    const staged = draft.staged.changed()
    return draftChecks({
      files: stagedFiles(draft),
      texts: new Map(staged.map((file) => [file.path, file.current] as const)),
      refused: draft.refused,
      summaries: draft.summaries,
      tracked: await gitTrackedFiles(draft.root)(),
      handsOnKeyboard: draft.handsOnKeyboard,
      readiness,
    })
  }

  /** The files the leader reviews now (shared/models/change.ts's one rule). */
  async #reviewFiles(draft: ChangeDraft, signal: AbortSignal): Promise<readonly FileChange[]> {
    const source = reviewSource(draft)
    if (source === 'staged') return stagedFiles(draft)
    return source === 'working' ? (await this.#tree.changes(draft.repoId, signal)).files : []
  }
}
