// The open session: its steps, timers, and everything the leader types, saved as it changes through
// the sessions channels (text debounced and flushed on blur and on every step change). Holds the
// leader's unsaved text locally so a save answering late never overwrites what is being typed.
// Follows changes saved elsewhere (the small change, the coach; what they made and spent is recorded
// where their calls are made). It writes only what the leader types (notes, estimate, reflection,
// tags, questions); what a step keeps for the journal is picked as an intent (sessions.keepRecord),
// and the sessions service reads the content it keeps itself.
import { create } from 'zustand'
import type { ChannelInput, GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import { STEP_KEYS, type StepKey } from '../../shared/models/curriculum.ts'
import type { FinishResult, RecordChoice, RecordPick, SessionView, StepPayloadPatch } from '../../shared/models/sessions.ts'
import type { StepMinutes } from '../../shared/models/settings.ts'
import { errorData } from '../bridge.ts'
import { createAutosave, type AutosaveStatus, type AutosaveTimers } from './session-autosave.ts'
import { createSessionReloader, isCurrentView } from './session-sync.ts'

/** The free-text fields, each saved on its own. */
export const TEXT_FIELDS = {
  'explore.notes': { step: 'explore', field: 'notes' },
  'diagram.notes': { step: 'diagram', field: 'notes' },
  'reflect.markdown': { step: 'reflect', field: 'markdown' },
} as const satisfies Record<string, { step: StepKey; field: string }>
export type TextField = keyof typeof TEXT_FIELDS

const HEARTBEAT_MS = 60_000
/** A larger SVG is not kept (the journal draws the Mermaid source instead). */
const MAX_SVG = 2_000_000

/** One of Claude's drawings as the page drew it (Mermaid checked the source; the SVG is its drawing). */
interface DrawnDiagram {
  readonly threadId: string
  readonly mermaid: string
  readonly svg: string
}

type StepUpdateInput = ChannelInput<'sessions.updateStep'>

/** One step's update; the union member is chosen by `step` (TypeScript cannot narrow it from a generic). */
function stepUpdate<S extends StepKey>(id: string, step: S, change: { payload?: StepPayloadPatch<S>; status?: 'done' }): StepUpdateInput {
  return { id, step, ...change } as StepUpdateInput
}

export interface RunnerState {
  readonly view: SessionView | null
  readonly loading: boolean
  readonly loadError: GembaErrorData | null
  readonly actionError: GembaErrorData | null
  readonly drafts: Readonly<Record<TextField, string>>
  readonly saveStatus: AutosaveStatus
  readonly saveError: GembaErrorData | null
  readonly finishing: boolean
  readonly finished: FinishResult | null
  /** Opens a session (answering with `view` when the caller already has it). */
  open(id: string, view?: SessionView): Promise<void>
  /** Opens the active session, if any (the Session screen on its own, after a reload). */
  openActive(): Promise<void>
  goToStep(step: StepKey): Promise<void>
  /** Marks the current step done and moves to the next one. */
  next(): Promise<void>
  pause(): Promise<void>
  resume(): Promise<void>
  setTimeboxes(timeboxes: Partial<StepMinutes>): Promise<void>
  type(field: TextField, value: string): void
  flush(field?: TextField): Promise<void>
  /** Saves part of a step; answers whether it was saved (a failure shows as actionError). */
  updateStep<S extends StepKey>(step: S, payload: StepPayloadPatch<S>): Promise<boolean>
  /**
   * Asks the session to keep the offline tour or module diagram the first time it is shown, so the
   * journal has one either way; once per session and step, and only while nothing is kept there.
   */
  keepOffline(step: 'explore' | 'diagram'): void
  /**
   * The leader's pick of what a step keeps: the offline tour or module diagram, or back to Claude's
   * walkthrough as the session recorded it. Their pick holds until they pick again.
   */
  pickRecord(step: 'explore' | 'diagram', pick: 'offline' | 'coach'): Promise<boolean>
  /** Keeps one of Claude's drawings for the journal: as it is drawn ('auto'), or the leader's pick. */
  keepDrawing(drawing: DrawnDiagram, by: RecordChoice): Promise<boolean>
  answerQuestion(questionId: string): Promise<void>
  finish(): Promise<void>
  startHeartbeat(): () => void
}

/** The view with a step's plain fields patched (questions and answers wait for the saved view). */
function withPayload<S extends StepKey>(view: SessionView, step: S, payload: StepPayloadPatch<S>): SessionView {
  const { questionsForTechLead: _questions, answers: _answers, ...plain } = payload as Record<string, unknown>
  const steps = view.session.steps
  const patched = { ...steps[step], payload: { ...steps[step].payload, ...plain } }
  return { ...view, session: { ...view.session, steps: { ...steps, [step]: patched } } }
}

const EMPTY_DRAFTS: Record<TextField, string> = {
  'explore.notes': '',
  'diagram.notes': '',
  'reflect.markdown': '',
}

function draftsOf(view: SessionView): Record<TextField, string> {
  const drafts = { ...EMPTY_DRAFTS }
  for (const [key, { step, field }] of Object.entries(TEXT_FIELDS) as [TextField, (typeof TEXT_FIELDS)[TextField]][]) {
    drafts[key] = String((view.session.steps[step].payload as unknown as Record<string, unknown>)[field] ?? '')
  }
  return drafts
}

export function createSessionRunnerStore(client: GembaApi, options: { readonly timers?: AutosaveTimers } = {}) {
  return create<RunnerState>((set, get) => {
    const id = (): string => {
      const view = get().view
      if (!view) throw new Error('No session is open.')
      return view.session.id
    }

    let actionsInFlight = 0
    const offlineKept = new Set<string>()
    const autosave = createAutosave<TextField>({
      delayMs: 600,
      retryMs: 5_000,
      ...(options.timers ? { timers: options.timers } : {}),
      save: async (key, value) => {
        const { step, field } = TEXT_FIELDS[key]
        const view = await client.invoke('sessions.updateStep', stepUpdate(id(), step, { payload: { [field]: value } }))
        // An action under way (a tag just toggled) answers a newer view; this one would undo it on screen.
        if (actionsInFlight === 0 && isCurrentView(get().view, view)) set({ view })
      },
      onStatus: (saveStatus, error) =>
        set({ saveStatus, saveError: error === undefined ? (saveStatus === 'error' ? get().saveError : null) : errorData(error) }),
    })

    // Saves made elsewhere (the small change, the coach, another window) arrive as sessions.changed.
    const reloader = createSessionReloader<SessionView>({
      delayMs: 150,
      ...(options.timers ? { timers: options.timers } : {}),
      busy: () => actionsInFlight > 0,
      load: async () => client.invoke('sessions.get', { id: id() }),
      apply: (view) => {
        if (isCurrentView(get().view, view)) set({ view, drafts: adoptNewText(get().drafts, view) })
      },
    })

    /** Runs an action that answers a new view, after saving any text still waiting. */
    const act = async (work: (sessionId: string) => Promise<SessionView>): Promise<boolean> => {
      set({ actionError: null })
      actionsInFlight += 1
      try {
        await autosave.flush()
        const view = await work(id())
        set({ view, drafts: adoptNewText(get().drafts, view) })
        return true
      } catch (error) {
        set({ actionError: errorData(error) })
        return false
      } finally {
        actionsInFlight -= 1
        reloader.settle()
      }
    }

    /** Keeps a picked record (the service reads what it keeps); answers whether it was kept. */
    const keep = async (pick: RecordPick): Promise<boolean> => {
      const saved = await act((sessionId) => client.invoke('sessions.keepRecord', { id: sessionId, ...pick }))
      const view = get().view
      if (!saved && view) await reloadAfterFailure(view.session.id)
      return saved
    }

    /** An action whose outcome shows on screen (the new view, or actionError). */
    const run = async (work: (sessionId: string) => Promise<SessionView>): Promise<void> => {
      await act(work)
    }

    /** After a failed save: the saved view back on screen, the error kept, the leader's text untouched. */
    const reloadAfterFailure = async (sessionId: string): Promise<void> => {
      try {
        const view = await client.invoke('sessions.get', { id: sessionId })
        if (get().view?.session.id === sessionId) set({ view })
      } catch {
        // The error already shown says what to do next.
      }
    }

    /** Text the backend filled in (the reflection's first draft) replaces a field the leader left empty. */
    const adoptNewText = (drafts: Readonly<Record<TextField, string>>, view: SessionView): Record<TextField, string> => {
      const fresh = draftsOf(view)
      const next = { ...drafts }
      for (const key of Object.keys(fresh) as TextField[]) {
        if (next[key] === '' && autosave.unsaved(key) === undefined) next[key] = fresh[key]
      }
      return next
    }

    if (typeof window !== 'undefined') {
      // Best effort when the page goes away; everything older than the debounce is already saved.
      window.addEventListener('pagehide', () => void autosave.flush())
    }

    client.subscribe('sessions.changed', ({ sessionId }) => {
      const view = get().view
      if (view && view.session.id === sessionId && view.session.status === 'active') reloader.request()
    })
    return {
      view: null,
      loading: false,
      loadError: null,
      actionError: null,
      drafts: EMPTY_DRAFTS,
      saveStatus: 'idle',
      saveError: null,
      finishing: false,
      finished: null,
      async open(sessionId, view) {
        if (get().view && get().view?.session.id !== sessionId) await autosave.flush()
        set({ loading: !view, loadError: null, actionError: null, finished: null })
        try {
          const loaded = view ?? (await client.invoke('sessions.get', { id: sessionId }))
          set({ view: loaded, drafts: draftsOf(loaded), loading: false, saveStatus: 'idle' })
        } catch (error) {
          set({ loading: false, loadError: errorData(error) })
        }
      },
      async openActive() {
        set({ loading: true, loadError: null })
        try {
          const today = await client.invoke('sessions.today', {})
          if (today.activeSession) await get().open(today.activeSession.id)
          else set({ view: null, loading: false })
        } catch (error) {
          set({ loading: false, loadError: errorData(error) })
        }
      },
      goToStep: (step) => run((sessionId) => client.invoke('sessions.goToStep', { id: sessionId, step })),
      async next() {
        const view = get().view
        if (!view) return
        const current = view.session.currentStep
        const following = STEP_KEYS[STEP_KEYS.indexOf(current) + 1]
        await act(async (sessionId) => {
          const done = await client.invoke('sessions.updateStep', stepUpdate(sessionId, current, { status: 'done' }))
          return following ? client.invoke('sessions.goToStep', { id: sessionId, step: following }) : done
        })
      },
      pause: () => run((sessionId) => client.invoke('sessions.pause', { id: sessionId })),
      resume: () => run((sessionId) => client.invoke('sessions.resume', { id: sessionId })),
      setTimeboxes: (timeboxes) => run((sessionId) => client.invoke('sessions.setTimeboxes', { id: sessionId, timeboxes })),
      type(field, value) {
        set({ drafts: { ...get().drafts, [field]: value } })
        autosave.change(field, value)
      },
      flush: (field) => autosave.flush(field),
      async updateStep(step, payload) {
        // Shown at once (a tag toggles as it is clicked); the saved view replaces it, or a failure reloads.
        const view = get().view
        if (view) set({ view: withPayload(view, step, payload) })
        const saved = await act((sessionId) => client.invoke('sessions.updateStep', stepUpdate(sessionId, step, { payload })))
        if (!saved && view) await reloadAfterFailure(view.session.id)
        return saved
      },
      keepOffline(step) {
        const view = get().view
        const key = `${view?.session.id}|${step}`
        if (!view || view.session.status !== 'active' || offlineKept.has(key)) return
        const payload = view.session.steps[step].payload
        const kept = step === 'explore' ? view.session.steps.explore.payload.walkthrough : view.session.steps.diagram.payload.mermaid
        if (kept.trim() || payload.source !== null) return
        offlineKept.add(key)
        void keep({ step, pick: { kind: 'offline', by: 'auto' } })
      },
      async pickRecord(step, pick) {
        if (pick === 'offline') return keep({ step, pick: { kind: 'offline', by: 'leader' } })
        return step === 'explore' ? keep({ step, pick: { kind: 'coach' } }) : false
      },
      keepDrawing: (drawing, by) =>
        keep({
          step: 'diagram',
          pick: { kind: 'drawing', ...drawing, svg: drawing.svg.length <= MAX_SVG ? drawing.svg : '', by },
        }),
      answerQuestion: (questionId) =>
        run(async (sessionId) => {
          await client.invoke('sessions.answerQuestion', { questionId })
          return client.invoke('sessions.get', { id: sessionId })
        }),
      async finish() {
        set({ finishing: true, actionError: null })
        try {
          await autosave.flush()
          if (get().saveStatus === 'error') throw new Error('Your latest text could not be saved yet, so the session was not finished.')
          const result = await client.invoke('sessions.finish', { id: id() })
          set({ finished: result, finishing: false, view: null })
        } catch (error) {
          set({ finishing: false, actionError: errorData(error) })
        }
      },
      startHeartbeat() {
        const timer = setInterval(() => {
          const view = get().view
          if (view && view.session.status === 'active' && view.session.paused === null) {
            void client.invoke('sessions.heartbeat', { id: view.session.id }).catch(() => undefined)
          }
        }, HEARTBEAT_MS)
        return () => clearInterval(timer)
      },
    }
  })
}
