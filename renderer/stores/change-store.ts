// The small-change step's UI state and actions: task proposals, the agent's staged change and the
// leader's per-file decisions, applying it on a branch, the leader's own edits (watched), the team's
// tests and the explanation. Follows its own calls' events by call id. No disk access.
import { create } from 'zustand'
import type { GembaErrorData } from '../../shared/errors.ts'
import type {
  ChangeDraftView,
  ChangeExplanation,
  ChangeMode,
  GitIdentity,
  TaskProposals,
  TestRunResult,
  WorkingChanges,
} from '../../shared/models/change.ts'
import { errorData, gemba } from '../bridge.ts'

type Busy = 'proposing' | 'agent' | 'message' | 'applying' | 'tests' | 'explaining' | 'branch' | null

export interface ChangeState {
  readonly repoId: string | null
  readonly sessionId: string | null
  readonly proposals: TaskProposals | null
  readonly request: string
  readonly estimate: string
  /** The estimate is the session's (written in its estimate step), not asked for again here. */
  readonly estimateFromSession: boolean
  readonly mode: ChangeMode
  readonly handsOnKeyboard: boolean
  readonly draft: ChangeDraftView | null
  readonly streamed: string
  readonly activity: readonly string[]
  /** path → accepted? (files not listed count as accepted). */
  readonly decisions: Readonly<Record<string, boolean>>
  readonly comment: string
  readonly message: string
  readonly messageSource: 'ai' | 'offline' | null
  readonly identity: GitIdentity | null
  readonly needsIdentity: boolean
  readonly working: WorkingChanges | null
  readonly testCommand: string
  readonly testOutput: string
  readonly testRun: TestRunResult | null
  readonly explanation: ChangeExplanation | null
  readonly busy: Busy
  readonly error: GembaErrorData | null
  open(repoId: string, sessionId: string | null): void
  /** Uses the estimate the session already holds (null: none yet, ask for one here). */
  presetEstimate(minutes: number | null): void
  set(patch: Partial<Pick<ChangeState, 'request' | 'estimate' | 'mode' | 'handsOnKeyboard' | 'comment' | 'message' | 'testCommand'>>): void
  propose(offline?: boolean): Promise<void>
  start(): Promise<void>
  revise(): Promise<void>
  stop(): void
  decide(path: string, accepted: boolean): void
  draftMessage(): Promise<void>
  saveIdentity(name: string, email: string): Promise<void>
  apply(): Promise<void>
  returnToOriginal(): Promise<void>
  discard(): Promise<void>
  watch(): () => void
  runTests(): Promise<void>
  explain(): Promise<void>
  reset(): void
}

const FRESH = {
  proposals: null,
  request: '',
  estimate: '',
  mode: 'agent' as ChangeMode,
  handsOnKeyboard: false,
  draft: null,
  streamed: '',
  activity: [],
  decisions: {},
  comment: '',
  message: '',
  messageSource: null,
  working: null,
  testOutput: '',
  testRun: null,
  explanation: null,
  busy: null,
  error: null,
  needsIdentity: false,
}

let controller: AbortController | null = null
let activeCall: string | null = null
/** The files the leader is reviewing now: the staged change, or their own edits in the working tree. */
export function reviewFiles(state: Pick<ChangeState, 'draft' | 'working'>) {
  const draft = state.draft
  if (!draft) return []
  const ownEdits = draft.mode === 'manual' || (draft.applied !== null && draft.applied.onGembaBranch)
  return ownEdits ? (state.working?.files ?? []) : draft.applied ? [] : draft.files
}

export const useChange = create<ChangeState>((set, get) => {
  gemba.subscribe('change.agent', (event) => {
    if (event.callId !== activeCall) return
    if (event.kind === 'text') set({ streamed: get().streamed + event.text })
    else set({ activity: [...get().activity, `${event.kind === 'refused' ? 'Refused: ' : ''}${event.text}`].slice(-100) })
  })
  gemba.subscribe('change.testOutput', (event) => {
    if (event.callId === activeCall) set({ testOutput: (get().testOutput + event.text).slice(-100_000) })
  })
  gemba.subscribe('change.workingTree', (event) => {
    if (event.repoId === get().repoId) set({ working: event.changes })
  })

  async function call<T>(busy: Busy, run: (options: { signal: AbortSignal; callId: string }) => Promise<T>): Promise<T | null> {
    controller = new AbortController()
    activeCall = crypto.randomUUID()
    set({ busy, error: null })
    try {
      return await run({ signal: controller.signal, callId: activeCall })
    } catch (error) {
      const data = errorData(error)
      set({ error: data, needsIdentity: data.details?.needsIdentity === true || get().needsIdentity })
      return null
    } finally {
      set({ busy: null })
      controller = null
    }
  }

  const accepted = (): string[] => reviewFiles(get()).map((file) => file.path).filter((path) => get().decisions[path] !== false)

  return {
    repoId: null,
    sessionId: null,
    identity: null,
    testCommand: '',
    estimateFromSession: false,
    ...FRESH,
    open(repoId, sessionId) {
      if (get().repoId === repoId && get().sessionId === sessionId) return
      set({ repoId, sessionId, ...FRESH, estimateFromSession: false, identity: null, testCommand: '' })
      void gemba.invoke('change.testCommand', { repoId }).then((view) => get().repoId === repoId && !get().testCommand && set({ testCommand: view.command ?? '' }), () => undefined)
      void gemba.invoke('change.identity', { repoId }).then((identity) => set({ identity }), () => undefined)
    },
    presetEstimate(minutes) {
      set({ estimate: minutes === null ? '' : String(minutes), estimateFromSession: minutes !== null })
    },
    set: (patch) => set(patch),
    async propose(offline) {
      const { repoId, sessionId } = get()
      if (!repoId) return
      const proposals = await call('proposing', (options) => gemba.invoke('change.proposeTasks', { repoId, ...(sessionId ? { sessionId } : {}), ...(offline ? { offline } : {}) }, options))
      if (proposals) set({ proposals })
    },
    async start() {
      const { repoId, sessionId, request, estimate, mode, handsOnKeyboard } = get()
      if (!repoId) return
      set({ streamed: '', activity: [] })
      const draft = await call('agent', (options) =>
        gemba.invoke('change.start', { repoId, request, estimateMinutes: Number(estimate), mode, handsOnKeyboard: mode === 'agent' && handsOnKeyboard, ...(sessionId ? { sessionId } : {}) }, options),
      )
      if (draft) set({ draft, decisions: {} })
    },
    async revise() {
      const { draft, comment, decisions } = get()
      if (!draft) return
      const rejectedPaths = Object.entries(decisions).filter(([, ok]) => !ok).map(([path]) => path)
      set({ streamed: '' })
      const next = await call('agent', (options) => gemba.invoke('change.revise', { draftId: draft.draftId, comment, rejectedPaths }, options))
      if (next) set({ draft: next, decisions: {}, comment: '' })
    },
    stop: () => controller?.abort(),
    decide: (path, ok) => set({ decisions: { ...get().decisions, [path]: ok } }),
    async draftMessage() {
      const draft = get().draft
      if (!draft) return
      const result = await call('message', (options) => gemba.invoke('change.commitMessage', { draftId: draft.draftId, acceptedPaths: accepted() }, options))
      if (result) set({ message: result.message, messageSource: result.source })
    },
    async saveIdentity(name, email) {
      const identity = await call(null, () => gemba.invoke('change.setIdentity', { name, email }))
      if (identity) set({ identity, needsIdentity: false })
    },
    async apply() {
      const { draft, message } = get()
      if (!draft) return
      const next = await call('applying', (options) => gemba.invoke('change.apply', { draftId: draft.draftId, acceptedPaths: accepted(), message }, options))
      if (next) set({ draft: next, message: '', messageSource: null, decisions: {}, working: null })
    },
    async returnToOriginal() {
      const draft = get().draft
      if (!draft) return
      const next = await call('branch', () => gemba.invoke('change.returnToOriginal', { draftId: draft.draftId }))
      if (next) set({ draft: next })
    },
    async discard() {
      const draft = get().draft
      if (!draft) return
      const next = await call('branch', () => gemba.invoke('change.discardBranch', { draftId: draft.draftId }))
      if (next) set({ draft: next, testRun: null, explanation: null })
    },
    watch() {
      const repoId = get().repoId
      if (!repoId) return () => undefined
      const watcher = new AbortController()
      void gemba.invoke('change.watchWorkingTree', { repoId }, { signal: watcher.signal }).catch(() => undefined)
      return () => watcher.abort()
    },
    async runTests() {
      const { repoId, testCommand, sessionId } = get()
      if (!repoId) return
      set({ testOutput: '', testRun: null })
      const run = await call('tests', (options) => gemba.invoke('change.runTests', { repoId, command: testCommand, ...(sessionId ? { sessionId } : {}) }, options))
      if (run) set({ testRun: run })
    },
    async explain() {
      const { draft, sessionId } = get()
      if (!draft) return
      set({ streamed: '' })
      const explanation = await call('explaining', (options) => gemba.invoke('change.explain', { draftId: draft.draftId, ...(sessionId ? { sessionId } : {}) }, options))
      if (explanation) set({ explanation })
    },
    reset() {
      controller?.abort()
      // Another change in the same session keeps the session's estimate.
      set({ ...FRESH, ...(get().estimateFromSession ? { estimate: get().estimate } : {}) })
    },
  }
})
