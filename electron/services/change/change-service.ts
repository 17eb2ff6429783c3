// Serves the change channels by handing each to the part that owns it: the drafts and the agent's
// turns (drafts/), task proposals (tasks/), landing and undoing (landing/gemba-branches.ts), the
// working tree and its watch (working-tree/), the team's tests (team-tests/) and the words about a
// change (explain/), with Claude for each through claude/. Records to the session through the port it is given; writes
// to a repository only through the landing. dispose() stops watches and test runs and frees drafts.
import { randomUUID } from 'node:crypto'
import type { EventMap } from '../../../shared/api.ts'
import type { changeChannels } from '../../../shared/channels/change.ts'
import type { CallContext, ParsedInputOf, ServiceFor } from '../../../shared/contract.ts'
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
  type TaskProposals,
  type TestCommandView,
  type TestReadiness,
  type TestRunResult,
  type WorkingChanges,
} from '../../../shared/models/change.ts'
import type { AiClientOptions, AiRuntimeSettings, SdkFactory } from '../ai/index.ts'
import { gitTrackedFiles } from '../git/index.ts'
import { SecretRedactor, type Redactor } from '../secrets/index.ts'
import type { AiModelProfile } from '../../../shared/models/ai.ts'
import type { SpendingPort } from '../sessions/index.ts'
import { stagedFiles, type ChangeDraft } from './drafts/change-draft.ts'
import { Drafting } from './drafts/drafting.ts'
import { draftChecks } from './drafts/draft-checks.ts'
import { ChangeExplainer } from './explain/change-explainer.ts'
import { GembaBranches } from './landing/gemba-branches.ts'
import type { ChangePrefs, ChangeRepos, SessionRecorder } from './change-ports.ts'
import { ChangeRuntimes } from './claude/change-runtime.ts'
import { proposeTasks } from './tasks/propose-tasks.ts'
import { TeamTests } from './team-tests/team-tests.ts'
import { WorkingTree } from './working-tree/working-tree.ts'

type Ctx = CallContext<EventMap>
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
  readonly now?: () => Date
  readonly newId?: () => string
  readonly redactor?: Redactor
  readonly clientOptions?: Pick<AiClientOptions, 'sleep' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'maxRetries' | 'maxAutoWaitSeconds'>
  readonly watchDebounceMs?: number
  /** How long a stopped test run may take to exit before its process group is killed. */
  readonly killGraceMs?: number
  /** What the model can do (the ai domain's Models API catalogue); without it the agent neither thinks nor caches for the hour. */
  readonly modelProfile?: (model: string, signal: AbortSignal) => Promise<AiModelProfile>
}

export class ChangeService implements ServiceFor<typeof changeChannels, EventMap> {
  readonly #repos: ChangeRepos
  readonly #redactor: Redactor
  readonly #runtimes: ChangeRuntimes
  readonly #drafts: Drafting
  readonly #landing: GembaBranches
  readonly #tree: WorkingTree
  readonly #tests: TeamTests
  readonly #explainer: ChangeExplainer

  constructor(deps: ChangeServiceDeps) {
    const now = deps.now ?? (() => new Date())
    const redactor = deps.redactor ?? new SecretRedactor()
    const reviewFiles = (draft: ChangeDraft, ctx: Ctx) => this.#reviewFiles(draft, ctx)
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
      check: (draft, ctx) => this.#check(draft, ctx),
    })
    this.#tree = new WorkingTree({ info: (repoId, ctx) => deps.repos.info(repoId, ctx), debounceMs: deps.watchDebounceMs })
    this.#tests = new TeamTests({
      info: (repoId, ctx) => deps.repos.info(repoId, ctx),
      scan: (repoId, ctx) => deps.repos.scan(repoId, ctx),
      prefs: deps.prefs,
      session: deps.session,
      redactor,
      env: deps.testEnv,
      killGraceMs: deps.killGraceMs,
    })
    this.#explainer = new ChangeExplainer({ runtimes: this.#runtimes, session: deps.session, redactor, reviewFiles })
  }

  proposeTasks(input: In<'proposeTasks'>, ctx: Ctx): Promise<TaskProposals> {
    return proposeTasks({ repos: this.#repos, runtimes: this.#runtimes, redactor: this.#redactor }, input, ctx)
  }

  start(input: In<'start'>, ctx: Ctx): Promise<ChangeDraftView> {
    return this.#drafts.start(input, ctx)
  }

  revise(input: In<'revise'>, ctx: Ctx): Promise<ChangeDraftView> {
    return this.#drafts.revise(input, ctx)
  }

  draft(input: In<'draft'>, ctx: Ctx): Promise<ChangeDraftView> {
    return this.#landing.current(this.#drafts.get(input.draftId), ctx)
  }

  commitMessage(input: In<'commitMessage'>, ctx: Ctx): Promise<CommitMessageDraft> {
    return this.#explainer.commitMessage(this.#drafts.get(input.draftId), input.acceptedPaths, ctx)
  }

  apply(input: In<'apply'>, ctx: Ctx): Promise<ChangeDraftView> {
    return this.#landing.apply(this.#drafts.get(input.draftId), input, ctx)
  }

  returnToOriginal(input: In<'returnToOriginal'>, ctx: Ctx): Promise<ChangeDraftView> {
    return this.#landing.returnToOriginal(this.#drafts.get(input.draftId), ctx)
  }

  discardBranch(input: In<'discardBranch'>, ctx: Ctx): Promise<ChangeDraftView> {
    return this.#landing.discardBranch(this.#drafts.get(input.draftId), ctx)
  }

  restoreBranch(input: In<'restoreBranch'>, ctx: Ctx): Promise<ChangeDraftView> {
    return this.#landing.restoreBranch(this.#drafts.get(input.draftId), ctx)
  }

  checkouts(_input: In<'checkouts'>, ctx: Ctx): Promise<CheckoutView[]> {
    return this.#landing.checkouts(ctx)
  }

  returnTo(input: In<'returnTo'>, ctx: Ctx): Promise<CheckoutView | null> {
    return this.#landing.returnTo(input.repoId, ctx)
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

  /** The session's journal entry is written: the Gemba branches it deleted are let go (the composition root calls this). */
  releaseKept(sessionId: string, ctx: Ctx): Promise<void> {
    return this.#landing.releaseKept(sessionId, ctx)
  }

  identity(input: In<'identity'>, ctx: Ctx): Promise<GitIdentity | null> {
    return this.#landing.identity(input.repoId, ctx)
  }

  async setIdentity(input: In<'setIdentity'>): Promise<GitIdentity> {
    return this.#landing.setIdentity(input)
  }

  workingChanges(input: In<'workingChanges'>, ctx: Ctx): Promise<WorkingChanges> {
    return this.#tree.changes(input.repoId, ctx)
  }

  watchWorkingTree(input: In<'watchWorkingTree'>, ctx: Ctx): Promise<{ stopped: boolean }> {
    return this.#tree.watch(input.repoId, ctx)
  }

  testCommand(input: In<'testCommand'>, ctx: Ctx): Promise<TestCommandView> {
    return this.#tests.command(input.repoId, ctx)
  }

  testReadiness(input: In<'testReadiness'>, ctx: Ctx): Promise<TestReadiness> {
    return this.#tests.readiness(input.repoId, input.command, ctx)
  }

  installDependencies(input: In<'installDependencies'>, ctx: Ctx): Promise<InstallResult> {
    return this.#tests.install(input.repoId, input.command, ctx)
  }

  async runTests(input: In<'runTests'>, ctx: Ctx): Promise<TestRunResult> {
    const draft = input.draftId ? this.#drafts.find(input.draftId) : null
    const landed = draft?.repoId === input.repoId && draft.applied && !draft.applied.deleted ? draft.applied : null
    const run = await this.#tests.run(input, landed, ctx)
    if (draft && draft.repoId === input.repoId) draft.lastTestRun = run
    return run
  }

  explain(input: In<'explain'>, ctx: Ctx): Promise<ChangeExplanation> {
    const draft = this.#drafts.get(input.draftId)
    return this.#explainer.explain(draft, input.sessionId ?? draft.sessionId, ctx)
  }

  /** Stops every watch and test run (their process groups killed) and frees the drafts. */
  async dispose(): Promise<void> {
    this.#tree.dispose()
    this.#drafts.dispose()
    await this.#tests.dispose()
  }

  /** Gemba's checks of an agent draft against what happened (draft-checks.ts), with the tests' readiness here. */
  async #check(draft: ChangeDraft, ctx: Ctx): Promise<DraftCheck[]> {
    const command = (await this.#tests.command(draft.repoId, ctx).catch(() => null))?.command ?? null
    const readiness = command ? await this.#tests.readiness(draft.repoId, command, ctx).catch(() => null) : null
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
  async #reviewFiles(draft: ChangeDraft, ctx: Ctx): Promise<readonly FileChange[]> {
    const source = reviewSource(draft)
    if (source === 'staged') return stagedFiles(draft)
    return source === 'working' ? (await this.#tree.changes(draft.repoId, ctx)).files : []
  }
}
