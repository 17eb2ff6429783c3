// Starting a change and the agent's turns on it: a draft per change (kept among the open drafts,
// which free it), the agent's edits staged in memory, revisions with the leader's comment. The
// request and mode are recorded to the session as the change starts (the estimate is the session
// step's own). Never writes to a repository.
import type { Progress } from '../../events-port.ts'
import { GembaError } from '../../../../shared/errors.ts'
import type { ChangeDraftView, ChangeMode, DraftCheck, RefusedEdit } from '../../../../shared/models/change.ts'
import { plural } from '../../../../shared/plural.ts'
import { gitTrackedFiles } from '../../git/git-layer.ts'
import type { Redactor } from '../../secrets/index.ts'
import { ChangeAgent } from '../claude/change-conversations.ts'
import { changeContext } from '../claude/change-context.ts'
import { draftView, type ChangeDraft } from './change-draft.ts'
import type { ChangeRepos, SessionRecorder } from '../change-ports.ts'
import { changeHandlers, type ChangeRuntimes } from '../claude/change-runtime.ts'
import { OpenDrafts } from './open-drafts.ts'
import { StagedCopy } from './staged-copy.ts'

export interface DraftingDeps {
  readonly repos: ChangeRepos
  readonly runtimes: ChangeRuntimes
  readonly session: SessionRecorder
  readonly redactor: Redactor
  readonly now: () => Date
  readonly newId: () => string
  /** Refuses while git is mid-operation; rolls back a landing cut short; answers whether it rolled one back. */
  readonly prepare: (root: string) => Promise<boolean>
  /** Gemba's checks of the draft after the agent's turn (refusals, claims, imports, tests that cannot run). */
  readonly check: (draft: ChangeDraft, signal: AbortSignal) => Promise<DraftCheck[]>
}

export interface StartInput {
  readonly repoId: string
  readonly sessionId?: string | undefined
  readonly request: string
  readonly estimateMinutes: number
  readonly mode: ChangeMode
  readonly handsOnKeyboard?: boolean | undefined
}

export class Drafting {
  readonly #deps: DraftingDeps
  readonly #open: OpenDrafts

  constructor(deps: DraftingDeps) {
    this.#deps = deps
    this.#open = new OpenDrafts({ now: deps.now })
  }

  get(draftId: string): ChangeDraft {
    return this.#open.get(draftId)
  }

  /** The draft, or null when it is no longer open. */
  find(draftId: string): ChangeDraft | null {
    try {
      return this.#open.get(draftId)
    } catch {
      return null
    }
  }

  async start(input: StartInput, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    let repo = await this.#deps.repos.info(input.repoId, signal)
    // A landing cut short (the app killed mid-apply) is rolled back before anything reads the files.
    if (await this.#deps.prepare(repo.path)) repo = await this.#deps.repos.info(input.repoId, signal)
    const scan = input.mode === 'agent' ? await this.#deps.repos.scan(input.repoId, signal) : null
    const draft: ChangeDraft = {
      id: this.#deps.newId(),
      repoId: input.repoId,
      root: repo.path,
      sessionId: input.sessionId ?? null,
      request: input.request,
      estimateMinutes: input.estimateMinutes,
      mode: input.mode,
      handsOnKeyboard: input.handsOnKeyboard ?? false,
      staged: new StagedCopy({
        root: repo.path,
        exclusion: (path, content) => this.#deps.redactor.exclusion(path, content),
        redactor: this.#deps.redactor,
      }),
      contextText: scan ? changeContext(scan) : '',
      agent: null,
      plan: '',
      refused: [],
      activity: [],
      stopReason: null,
      costUsd: 0,
      applied: null,
      committedFiles: [],
      authorship: { leaderLines: 0, agentLines: 0 },
      checks: [],
      summaries: [],
      lastTestRun: null,
      commitMessage: null,
      explanation: null,
      pullRequest: null,
      busy: false,
    }
    this.#open.open(draft)
    if (draft.sessionId)
      // The estimate is the session step's, written there by the leader before the change opened.
      await this.#deps.session.record(draft.sessionId, { request: input.request, manual: input.mode === 'manual' })
    if (input.mode === 'manual') return draftView(draft)
    const runtime = await this.#deps.runtimes.runtime({ sessionId: draft.sessionId, key: draft.id }, signal)
    if (!runtime) throw noKey()
    draft.agent = new ChangeAgent(runtime, draft.staged, draft.contextText, draft.handsOnKeyboard, gitTrackedFiles(repo.path), (refusal) =>
      draft.refused.push(refusal),
    )
    return this.#turn(draft, input.request, signal, progress)
  }

  async revise(
    input: { draftId: string; comment: string; rejectedPaths?: readonly string[] | undefined },
    signal: AbortSignal,
    progress: Progress,
  ): Promise<ChangeDraftView> {
    const draft = this.#open.get(input.draftId)
    if (!draft.agent || draft.applied)
      throw new GembaError({
        code: 'conflict',
        message: 'Only an agent change that is not applied yet can be revised.',
        next: 'Start a new change.',
      })
    for (const path of input.rejectedPaths ?? []) draft.staged.revert(path)
    const rejected = input.rejectedPaths?.length
      ? `\n\nThe leader rejected these files, so their edits were undone: ${input.rejectedPaths.join(', ')}.`
      : ''
    return this.#turn(draft, `Please revise the change. The leader's comment: ${input.comment}${rejected}`, signal, progress)
  }

  /** Frees every draft (the service is going away). */
  dispose(): void {
    this.#open.clear()
  }

  async #turn(draft: ChangeDraft, message: string, signal: AbortSignal, progress: Progress): Promise<ChangeDraftView> {
    if (draft.busy)
      throw new GembaError({
        code: 'conflict',
        message: 'The agent is still working on this change.',
        next: 'Wait for it, or stop it first.',
      })
    draft.busy = true
    // How long the leader waited on the agent is a developer-loop fact the session keeps.
    const start = this.#deps.now().toISOString()
    try {
      const agent = draft.agent!
      const handlers = changeHandlers(progress, draft.id, draft.sessionId, draft)
      const refusedBefore = draft.refused.length
      const turns = [await agent.turn(message, handlers, signal)]
      // An edit Gemba refused that the change still lacks: the agent is told, and must revise or say what it could not do.
      const changed = new Set(draft.staged.changed().map((file) => file.path))
      const standing = draft.refused.slice(refusedBefore).filter((refusal) => !changed.has(refusal.path))
      if (standing.length > 0 && turns[0]!.stopReason === 'end_turn') {
        draft.activity.push({
          kind: 'note',
          text: `Gemba told the agent about ${plural(standing.length, 'refused edit')} and asked it to revise the change or say what it could not do.`,
        })
        turns.push(await agent.turn(refusalNotice(standing), handlers, signal))
      }
      draft.plan = turns
        .map((turn) => turn.text)
        .filter(Boolean)
        .join('\n\n')
      draft.summaries = turns.map((turn) => turn.summary).filter(Boolean)
      draft.stopReason = turns.at(-1)!.stopReason
      draft.costUsd += turns.reduce((sum, turn) => sum + turn.costUsd, 0)
      draft.checks = await this.#deps.check(draft, signal)
      if (draft.sessionId) await this.#deps.session.record(draft.sessionId, { agentWait: { start, end: this.#deps.now().toISOString() } })
      return draftView(draft)
    } finally {
      draft.busy = false
    }
  }
}

function refusalNotice(refused: readonly RefusedEdit[]): string {
  const list = refused.map((refusal) => `- ${refusal.command} ${refusal.path}: ${refusal.reason}`).join('\n')
  return `Gemba refused ${refused.length} of your edits, so they are not in the change:\n${list}\n\nRevise the change so it works without them (inside the repository, within Gemba's rules), or say plainly what you could not do and what is missing. Do not claim anything the change does not contain.`
}

function noKey(): GembaError {
  return new GembaError({
    code: 'no_api_key',
    message: 'No Anthropic API key is set, so the agent cannot make the change.',
    next: 'Make the change yourself in your editor (“I’ll edit it myself”): Gemba shows the diff, commits it on a branch and runs the tests. Or add a key in Settings.',
    details: { offline: true },
  })
}
