// The small-change step's UI state and actions: task proposals, the agent's staged change and the
// leader's per-file decisions, applying it on a branch and the way back, the leader's own edits
// (watched), the repository's git state, and the explanation with its citations checked against the
// change's commit (they open the file viewer). The team's tests are test-run-store.ts's. Follows its
// own calls' events by call id; the call under way (its id and the controller Stop aborts) is part of
// the state. No disk access.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import {
  reviewSource,
  type ChangeDraftView,
  type ChangeExplanation,
  type ChangeMode,
  type GitIdentity,
  type TaskProposals,
  type WorkingChanges,
} from '../../shared/models/change.ts'
import type { CitationCheck } from '../../shared/models/ai.ts'
import type { RepoView } from '../../shared/models/repos.ts'
import { citationKey, findCitations } from './citations.ts'
import { trackedCall } from './tracked-call.ts'

type Busy = 'proposing' | 'agent' | 'message' | 'applying' | 'explaining' | 'branch'

/** A file the explanation cites, open in the read-only viewer. */
export interface ChangeViewerTarget {
  readonly repoId: string
  readonly path: string
  readonly line: number | null
}

export interface ChangeState {
  readonly repoId: string | null
  /** The repository as it is now: its branch and what git is in the middle of (which blocks landing). */
  readonly repo: RepoView | null
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
  /**
   * The message as drafted and the files it was drafted for (null: the leader's own words). A file
   * rejected since is named in a stale draft: an untouched draft is cleared, an edited one is flagged.
   */
  readonly drafted: { readonly message: string; readonly paths: readonly string[] } | null
  /** The rejected files a cleared draft of the message described (shown until a message is there again). */
  readonly clearedFor: readonly string[] | null
  readonly identity: GitIdentity | null
  readonly needsIdentity: boolean
  readonly working: WorkingChanges | null
  readonly explanation: ChangeExplanation | null
  /** The explanation's path:line citations, checked against the change's commit (key: path:line). */
  readonly explanationChecks: Readonly<Record<string, CitationCheck>>
  readonly explanationChecked: boolean
  readonly viewer: ChangeViewerTarget | null
  readonly busy: Busy | null
  readonly error: GembaErrorData | null
  /** The latest call's id: its events (which may arrive after its answer) are followed. */
  readonly callId: string | null
  /** Aborts the call under way (Stop); null when none is. */
  readonly controller: AbortController | null
  open(repoId: string, sessionId: string | null): void
  /** Uses the estimate the session already holds (null: none yet, ask for one here). */
  presetEstimate(minutes: number | null): void
  set(patch: Partial<Pick<ChangeState, 'request' | 'estimate' | 'mode' | 'handsOnKeyboard' | 'comment' | 'message'>>): void
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
  /** Undoes discard while the branch's commit is kept. */
  restore(): Promise<void>
  /** Reads the repository again (after finishing a rebase, say); `retry` also clears a refusal git's state caused. */
  recheck(retry?: boolean): Promise<void>
  watch(): () => void
  explain(): Promise<void>
  openFile(target: ChangeViewerTarget): void
  closeViewer(): void
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
  drafted: null,
  clearedFor: null,
  working: null,
  explanation: null,
  explanationChecks: {},
  explanationChecked: false,
  viewer: null,
  busy: null,
  error: null,
  needsIdentity: false,
}

/** The files a drafted commit message was drafted for that the leader has rejected since (none: it is current). */
export function rejectedSinceDrafted(state: Pick<ChangeState, 'draft' | 'working' | 'decisions' | 'drafted'>): string[] {
  if (!state.drafted) return []
  const accepted = new Set(acceptedPaths(state))
  return state.drafted.paths.filter((path) => !accepted.has(path))
}

/** The reviewed files the leader has not rejected. */
export function acceptedPaths(state: Pick<ChangeState, 'draft' | 'working' | 'decisions'>): string[] {
  return reviewFiles(state)
    .map((file) => file.path)
    .filter((path) => state.decisions[path] !== false)
}

/** The files the leader is reviewing now (shared/models/change.ts's one rule, as the backend applies it). */
export function reviewFiles(state: Pick<ChangeState, 'draft' | 'working'>) {
  const draft = state.draft
  if (!draft) return []
  const source = reviewSource(draft)
  return source === 'working' ? (state.working?.files ?? []) : source === 'staged' ? draft.files : []
}

/** The repositories list, told when the change step finds a repository's git state has moved on. */
export interface ChangeStoreDeps {
  readonly repos?: { getState(): { refresh(id: string): Promise<void> } }
}

export function createChangeStore(client: GembaApi, stores: ChangeStoreDeps = {}) {
  return create<ChangeState>((set, get) => {
    client.subscribe('change.agent', (event) => {
      if (event.callId !== get().callId) return
      if (event.kind === 'text') set({ streamed: get().streamed + event.text })
      else set({ activity: [...get().activity, `${event.kind === 'refused' ? 'Refused: ' : ''}${event.text}`].slice(-100) })
    })
    client.subscribe('change.workingTree', (event) => {
      if (event.repoId === get().repoId) set({ working: event.changes })
    })
    // The clone moved (a banner's "Return to…", another page): the repository and the draft follow.
    client.subscribe('change.checkout', (event) => {
      if (event.repoId !== get().repoId) return
      void get().recheck()
      const draft = get().draft
      if (draft?.applied)
        void client.invoke('change.draft', { draftId: draft.draftId }).then(
          (next) => get().draft?.draftId === next.draftId && set({ draft: next }),
          () => undefined,
        )
    })

    const call = trackedCall<Busy | null, ChangeState>(get, set, (error) => {
      set({ needsIdentity: error.details?.needsIdentity === true || get().needsIdentity })
      // Refused because git is mid-operation: the repository's state shows what to finish.
      if (error.details?.gitBlockers) void get().recheck()
    })

    const accepted = (): string[] => acceptedPaths(get())

    return {
      repoId: null,
      repo: null,
      sessionId: null,
      identity: null,
      estimateFromSession: false,
      callId: null,
      controller: null,
      ...FRESH,
      open(repoId, sessionId) {
        if (get().repoId === repoId && get().sessionId === sessionId) return
        set({ repoId, sessionId, ...FRESH, estimateFromSession: false, identity: null, repo: null })
        void get().recheck()
        void client.invoke('change.identity', { repoId }).then(
          (identity) => set({ identity }),
          () => undefined,
        )
      },
      presetEstimate(minutes) {
        set({ estimate: minutes === null ? '' : String(minutes), estimateFromSession: minutes !== null })
      },
      set: (patch) => set(patch),
      async propose(offline) {
        const { repoId, sessionId } = get()
        if (!repoId) return
        const proposals = await call('proposing', (options) =>
          client.invoke('change.proposeTasks', { repoId, ...(sessionId ? { sessionId } : {}), ...(offline ? { offline } : {}) }, options),
        )
        if (proposals) set({ proposals })
      },
      async start() {
        const { repoId, sessionId, request, estimate, mode, handsOnKeyboard } = get()
        if (!repoId) return
        set({ streamed: '', activity: [] })
        const draft = await call('agent', (options) =>
          client.invoke(
            'change.start',
            {
              repoId,
              request,
              estimateMinutes: Number(estimate),
              mode,
              handsOnKeyboard: mode === 'agent' && handsOnKeyboard,
              ...(sessionId ? { sessionId } : {}),
            },
            options,
          ),
        )
        if (draft) set({ draft, decisions: {} })
      },
      async revise() {
        const { draft, comment, decisions } = get()
        if (!draft) return
        const rejectedPaths = Object.entries(decisions)
          .filter(([, ok]) => !ok)
          .map(([path]) => path)
        set({ streamed: '' })
        const next = await call('agent', (options) =>
          client.invoke('change.revise', { draftId: draft.draftId, comment, rejectedPaths }, options),
        )
        if (!next) return
        set({ draft: next, decisions: {}, comment: '' })
        // A message drafted for the draft before it was revised no longer describes it (unless the leader made it theirs).
        const { drafted, message } = get()
        if (drafted) set(drafted.message === message ? { message: '', messageSource: null, drafted: null } : { drafted: null })
        set({ clearedFor: null })
      },
      stop: () => get().controller?.abort(),
      decide(path, ok) {
        set({ decisions: { ...get().decisions, [path]: ok } })
        // A drafted message still as drafted describes a file just rejected: it goes, to be drafted again.
        const { drafted, message } = get()
        const rejected = rejectedSinceDrafted(get())
        if (drafted && drafted.message === message && rejected.length > 0)
          set({ message: '', messageSource: null, drafted: null, clearedFor: rejected })
      },
      async draftMessage() {
        const draft = get().draft
        if (!draft) return
        const paths = accepted()
        const result = await call('message', (options) =>
          client.invoke('change.commitMessage', { draftId: draft.draftId, acceptedPaths: paths }, options),
        )
        if (result)
          set({ message: result.message, messageSource: result.source, drafted: { message: result.message, paths }, clearedFor: null })
      },
      async saveIdentity(name, email) {
        const identity = await call(null, () => client.invoke('change.setIdentity', { name, email }))
        if (identity) set({ identity, needsIdentity: false })
      },
      async apply() {
        const { draft, message } = get()
        if (!draft) return
        const next = await call('applying', (options) =>
          client.invoke('change.apply', { draftId: draft.draftId, acceptedPaths: accepted(), message }, options),
        )
        if (next) set({ draft: next, message: '', messageSource: null, drafted: null, clearedFor: null, decisions: {}, working: null })
      },
      async returnToOriginal() {
        const draft = get().draft
        if (!draft) return
        const next = await call('branch', () => client.invoke('change.returnToOriginal', { draftId: draft.draftId }))
        if (next) set({ draft: next })
      },
      async discard() {
        const draft = get().draft
        if (!draft) return
        const next = await call('branch', () => client.invoke('change.discardBranch', { draftId: draft.draftId }))
        if (next) set({ draft: next })
      },
      async restore() {
        const draft = get().draft
        if (!draft) return
        const next = await call('branch', () => client.invoke('change.restoreBranch', { draftId: draft.draftId }))
        if (next) set({ draft: next })
      },
      async recheck(retry = false) {
        const repoId = get().repoId
        if (!repoId) return
        if (retry && get().error?.details?.gitBlockers) set({ error: null })
        const repo = await client.invoke('repos.info', { id: repoId }).catch(() => null)
        if (repo && get().repoId === repoId) set({ repo })
        if (repo) void stores.repos?.getState().refresh(repoId)
      },
      watch() {
        const repoId = get().repoId
        if (!repoId) return () => undefined
        const watcher = new AbortController()
        void client.invoke('change.watchWorkingTree', { repoId }, { signal: watcher.signal }).catch(() => undefined)
        return () => watcher.abort()
      },
      async explain() {
        const { draft, sessionId } = get()
        if (!draft) return
        set({ streamed: '', explanationChecks: {}, explanationChecked: false })
        const explanation = await call('explaining', (options) =>
          client.invoke('change.explain', { draftId: draft.draftId, ...(sessionId ? { sessionId } : {}) }, options),
        )
        if (!explanation) return
        set({ explanation })
        // Its citations are checked against the change as committed; until then they stay plain.
        const cited = findCitations(explanation.markdown)
        const checks =
          cited.length === 0
            ? []
            : await client
                .invoke('ai.verifyCitations', {
                  repoId: draft.repoId,
                  commit: draft.applied?.commit ?? null,
                  citations: cited.map((c) => ({ path: c.path, line: c.line })),
                })
                .catch(() => [])
        if (get().explanation === explanation)
          set({
            explanationChecks: Object.fromEntries(checks.map((check) => [citationKey(check.path, check.line), check])),
            explanationChecked: true,
          })
      },
      openFile: (target) => set({ viewer: target }),
      closeViewer: () => set({ viewer: null }),
      reset() {
        get().controller?.abort()
        // Another change keeps the session's estimate and the suggested tasks (they may have been paid for).
        set({ ...FRESH, proposals: get().proposals, ...(get().estimateFromSession ? { estimate: get().estimate } : {}) })
      },
    }
  })
}
