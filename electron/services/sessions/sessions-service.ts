// The weekly hour's service: serves the sessions channels over the session files in one folder.
// Every change is saved (atomically) before it is answered; changes run one at a time in its queue,
// which dispose() lets drain before it refuses more. It never writes the journal itself: finishing
// hands a record to the injected journal port. The page writes only what the leader types
// (updateStep) and picks (keepRecord); the coach's answers and the change are recorded by the
// services that made them, through the ports this service hands them.
import { randomBytes } from 'node:crypto'
import type { sessionsChannels } from '../../../shared/channels/sessions.ts'
import type { ParsedInputOf } from '../../../shared/contract.ts'
import { defaultCurriculum, curriculumWeekFor } from '../../../shared/curriculum/load-curriculum.ts'
import { GembaError } from '../../../shared/errors.ts'
import type { Curriculum, CurriculumWeek } from '../../../shared/models/curriculum.ts'
import {
  STEP_KEYS,
  type FinishResult,
  type NextArea,
  type OpenQuestion,
  type RepoVisits,
  type ProgrammeHistory,
  type Session,
  type SessionUsage,
  type SessionView,
  type TodayView,
  type WeekFit,
} from '../../../shared/models/sessions.ts'
import type { RepoKindReading, ScanResult } from '../../../shared/models/repos.ts'
import type { Schedule, StepMinutes } from '../../../shared/models/settings.ts'
import type { EventsPort } from '../events-port.ts'
import { applyStepPatch } from './apply-step-patch.ts'
import { withCoachTurn, type CoachRecordPort, type CoachTurnRecord } from './coach-record.ts'
import {
  drawingFromAnswers,
  withChangeRecord,
  withCoachWalkthrough,
  withDrawing,
  withOfflineRecord,
  type ChangeRecord,
  type ChangeRecordPort,
  type KeptDrawing,
  type OfflineTourPort,
} from './keep-record.ts'
import { toJournalRecord, type JournalPort } from './journal-record.ts'
import { readConversations, type TranscriptPort } from './read-conversations.ts'
import { newSession } from './new-session.ts'
import { allQuestions, answerQuestion, carriedQuestions } from './open-questions.ts'
import * as programme from './programme.ts'
import { buildReflectDraft } from './reflect-draft.ts'
import { reflectPromptsFor } from '../../../shared/curriculum/reflect-prompts.ts'
import { kindSentence } from '../../../shared/curriculum/kind-sentence.ts'
import { weekForKind } from '../../../shared/curriculum/week-for-kind.ts'
import { SessionStore, type LoadedSessions } from './session-store.ts'
import { SessionSpending, type SpendingPort } from './session-spending.ts'
import { goToStep, pause, recoverInterrupted, resume, sessionTimer, stopClock } from './session-timer.ts'
import { buildToday, currentWeekOf, summarise, todayWeek, type ListedRepo } from './today-view.ts'
import { suggestNextArea } from './next-area.ts'
import { repoVisits, withViewed } from './visits.ts'
import { repoRotation } from './repo-rotation.ts'

type Channels = typeof sessionsChannels
type In<M extends keyof Channels> = ParsedInputOf<Channels[M]>

export interface SessionsServiceDeps {
  /** The folder that holds one JSON file per session (e.g. <data folder>/sessions). */
  readonly folder: string
  readonly clock: () => Date
  readonly settings: {
    get(): Promise<{ readonly schedule: Schedule; readonly stepMinutes: StepMinutes; readonly ai: { readonly sessionBudgetUsd: number } }>
  }
  /** The leader's repositories in the order they were added. */
  readonly repos: { list(): Promise<readonly ListedRepo[]> }
  readonly journal: JournalPort
  /** Where sessions.changed is told. */
  readonly events: EventsPort
  /** Where the coach keeps conversations; without it the journal gets no transcript and no drawing is kept. */
  readonly transcripts?: TranscriptPort
  /** The repository's offline tour and module diagram; without it they cannot be kept. */
  readonly tours?: OfflineTourPort
  /** The repository's modules and history (the repos service's scan); without it Today suggests no area. */
  readonly scans?: ScanPort
  readonly curriculum?: Curriculum
  /**
   * What is true in git now of a change that landed (the change service's): the journal's sentences
   * about the branch and the clone are read from it as the entry is written. Without it, or when git
   * cannot be read, the session's last record is used.
   */
  readonly landing?: {
    gitFacts(
      repoId: string,
      change: { branch: string; originalBranch: string | null; commit: string },
      signal: AbortSignal,
    ): Promise<ChangeRecord>
  }
  readonly newId?: () => string
}

/** What the next-area suggestion reads of a repository's scan, and the kind of codebase the scan reads it as. */
export interface ScanPort {
  scan(repoId: string, signal: AbortSignal): Promise<Pick<ScanResult, 'modules' | 'history'>>
  /** Without it every hour reads the week's own text. */
  kind?(repoId: string, signal: AbortSignal): Promise<RepoKindReading>
}

/** Where the viewer records a file the leader opened during a session (the AI service's viewer calls it). */
export interface ViewerRecordPort {
  opened(sessionId: string, path: string): Promise<void>
}

export class SessionsService {
  readonly #deps: SessionsServiceDeps
  readonly #store: SessionStore
  readonly #curriculum: Curriculum
  readonly #newId: () => string
  #state: Promise<LoadedSessions> | null = null
  #queue: Promise<unknown> = Promise.resolve()
  #closing = false
  /** Each session's one spending record, given to the AI and change services (they record into it). */
  readonly spending: SpendingPort
  /** Where the AI service records each answered question of a session's coach, as it happens. */
  readonly coachRecords: CoachRecordPort
  /** Where the change service records what it did (the request, the diff, branch, commit, tests, explanation). */
  readonly changeRecords: ChangeRecordPort
  /** Where the file viewer records what the leader opened during a session (paths only). */
  readonly viewerRecords: ViewerRecordPort

  constructor(deps: SessionsServiceDeps) {
    this.#deps = deps
    this.#store = new SessionStore(deps.folder, deps.clock)
    this.#curriculum = deps.curriculum ?? defaultCurriculum()
    this.#newId = deps.newId ?? (() => randomBytes(5).toString('hex'))
    this.spending = new SessionSpending({
      limitUsd: async () => (await this.#deps.settings.get()).ai.sessionBudgetUsd,
      usageOf: async (id) => (await this.#load()).sessions.find((session) => session.id === id)?.usage ?? null,
      add: (id, usage) => this.#addUsage(id, usage),
    })
    this.coachRecords = { keep: (record) => this.#keepCoachTurn(record) }
    // Recording is part of work already done: nothing cancels it.
    const recording = new AbortController().signal
    this.changeRecords = {
      record: async (sessionId, patch) => void (await this.#change(recording, sessionId, (session) => withChangeRecord(session, patch))),
    }
    this.viewerRecords = { opened: (sessionId, path) => this.#keepViewed(sessionId, path) }
  }

  /** Lets every change asked for be saved (the queue drains), then refuses more. */
  async dispose(): Promise<void> {
    const drained = this.#enqueue(async () => undefined)
    this.#closing = true
    await drained
  }

  async today(_input: In<'today'>): Promise<TodayView> {
    return this.#today(await this.#load())
  }

  async programme(_input: In<'programme'>): Promise<ProgrammeHistory> {
    const [state, settings] = await Promise.all([this.#load(), this.#deps.settings.get()])
    return programme.programmeHistory(state.programme, currentWeekOf(this.#deps.clock(), settings.schedule.timeZone))
  }

  async list(_input: In<'list'>): Promise<ReturnType<typeof summarise>[]> {
    const state = await this.#load()
    return [...state.sessions].reverse().map(summarise)
  }

  async get(input: In<'get'>): Promise<SessionView> {
    const state = await this.#load()
    return this.#view(state, find(state, input.id))
  }

  async start(input: In<'start'>, signal: AbortSignal): Promise<SessionView> {
    // The kind is read before the change is queued, so a scan still running never holds up the leader's
    // typing; it is kept only if the hour goes to the repository it was read for.
    const likely = input.repoId ?? repoRotation(await this.#deps.repos.list(), (await this.#load()).sessions)[0]?.id ?? null
    const kindRead = likely ? await this.#kindOf(likely, signal) : null
    return this.#mutate(signal, async (state) => {
      const now = this.#deps.clock()
      const settings = await this.#deps.settings.get()
      const weekOf = currentWeekOf(now, settings.schedule.timeZone)
      const position = programme.programmePosition(state.programme, weekOf)
      const wanted = input.programmeWeek ?? position.programmeWeek
      const active = state.sessions.find((session) => session.status === 'active')
      if (active && active.programmeWeek === wanted) return { session: active, changed: false, result: this.#view(state, active) }
      if (active) {
        throw new GembaError({
          code: 'conflict',
          message: `Your hour for week ${active.weekNumber} (${active.theme}) is not finished yet.`,
          next: 'Resume it, finish it, or set it aside before starting another week.',
        })
      }
      if (wanted > position.programmeWeek) {
        throw new GembaError({ code: 'refused', message: `Week ${wanted} has not come yet.`, next: "Start this week's hour instead." })
      }
      const repos = await this.#deps.repos.list()
      // Unpicked, the hour goes where the rotation says (for an extra hour too: not where this week's was).
      const repo = input.repoId
        ? repos.find((candidate) => candidate.id === input.repoId)
        : (repoRotation(repos, state.sessions)[0] ?? null)
      if (!repo) {
        throw new GembaError({
          code: 'not_found',
          message: input.repoId ? 'That repository is no longer in your list.' : "There is no team's repository to work in yet.",
          next: "Add a team's repository first.",
        })
      }
      let next = programme.ensureStarted(state.programme, weekOf)
      if (position.paused && wanted === position.programmeWeek) next = programme.resumeProgramme(next, weekOf)
      if (next !== state.programme) {
        await this.#store.saveProgramme(next)
        state.programme = next
      }
      const repoKind = likely === repo.id ? kindRead : null
      const session = newSession({
        id: `${now.toISOString().slice(0, 10)}-w${String(wanted).padStart(2, '0')}-${this.#newId()}`,
        programmeWeek: wanted,
        week: weekForKind(curriculumWeekFor(this.#curriculum, wanted), repoKind?.kind),
        repo: { id: repo.id, name: repo.name, path: repo.path, commit: input.commit ?? null },
        repoKind,
        timeboxes: settings.stepMinutes,
        offline: input.offline ?? false,
        now,
      })
      return { session, changed: true, result: this.#view(state, session) }
    })
  }

  goToStep(input: In<'goToStep'>, signal: AbortSignal): Promise<SessionView> {
    return this.#change(signal, input.id, (session, now) => {
      const moved = goToStep(session, input.step, now)
      const reflect = moved.steps.reflect
      if (input.step !== 'reflect' || reflect.payload.prefilledAt !== null || reflect.payload.markdown.trim()) return moved
      const draft = buildReflectDraft(moved, this.#weekOf(moved))
      const payload = { ...reflect.payload, markdown: draft, prefilledAt: now.toISOString() }
      return { ...moved, steps: { ...moved.steps, reflect: { ...reflect, payload } } }
    })
  }

  updateStep(input: In<'updateStep'>, signal: AbortSignal): Promise<SessionView> {
    return this.#change(signal, input.id, (session, now) => applyStepPatch(session, input, now, () => `q-${this.#newId()}`))
  }

  /**
   * Keeps a picked record for a step. What it keeps is read here (the tour from the repository, the
   * drawing from Claude's answers) before the change is queued, so a slow read never holds up the
   * leader's typing; the pick is then weighed against the session as it is by then.
   */
  async keepRecord(input: In<'keepRecord'>, signal: AbortSignal): Promise<SessionView> {
    const session = find(await this.#load(), input.id)
    let keep: (session: Session) => Session | null
    if (input.pick.kind === 'offline') {
      const tour = await this.#offlineTour(session.repo.id, signal)
      const { step, pick } = input
      keep = (current) => withOfflineRecord(current, step, tour, pick.by)
    } else if (input.pick.kind === 'coach') {
      keep = withCoachWalkthrough
    } else {
      const { by } = input.pick
      const drawing = await this.#drawing(session, input.pick, signal)
      keep = (current) => withDrawing(current, drawing, by)
    }
    return this.#mutate(signal, async (state) => {
      const current = requireActive(find(state, input.id))
      const kept = keep(current)
      if (!kept) return { session: current, changed: false, result: this.#view(state, current) }
      const next = { ...kept, updatedAt: this.#deps.clock().toISOString() }
      return { session: next, changed: true, result: this.#view(state, next) }
    })
  }

  pause(input: In<'pause'>, signal: AbortSignal): Promise<SessionView> {
    return this.#change(signal, input.id, (session, now) => pause(session, now))
  }

  resume(input: In<'resume'>, signal: AbortSignal): Promise<SessionView> {
    return this.#change(signal, input.id, (session, now) => resume(session, now))
  }

  async heartbeat(input: In<'heartbeat'>, signal: AbortSignal): Promise<{ at: string }> {
    const view = await this.#change(signal, input.id, (session) => session, { quiet: true })
    return { at: view.session.updatedAt }
  }

  setTimeboxes(input: In<'setTimeboxes'>, signal: AbortSignal): Promise<SessionView> {
    return this.#change(signal, input.id, (session) => {
      const steps = { ...session.steps }
      for (const step of STEP_KEYS) {
        const minutes = input.timeboxes[step]
        if (minutes !== undefined) (steps as Record<string, unknown>)[step] = { ...steps[step], timeboxMinutes: minutes }
      }
      return { ...session, steps }
    })
  }

  abandon(input: In<'abandon'>, signal: AbortSignal): Promise<SessionView> {
    return this.#change(signal, input.id, (session, now) => ({ ...stopClock(session, now), status: 'abandoned', paused: null }))
  }

  finish(input: In<'finish'>, signal: AbortSignal): Promise<FinishResult> {
    return this.#mutate(signal, async (state) => {
      const now = this.#deps.clock()
      const session = requireActive(find(state, input.id))
      const settings = await this.#deps.settings.get()
      const finished = await this.#withGitNow(this.#finished(state, session, now), signal)
      const { transcript, sent } = await readConversations(session, this.#deps.transcripts, signal, now)
      const record = toJournalRecord({
        session: finished,
        carried: this.#carried(state, session),
        transcript,
        sent,
        prompts: reflectPromptsFor(this.#weekOf(session)),
        timeZone: settings.schedule.timeZone,
        now,
      })
      const written = await this.#deps.journal.saveSession(record).then(
        ({ path }) => ({ path, pending: null }),
        (error: unknown) => {
          // The journal keeps an entry it cannot write yet (folder gone, read-only) and says so:
          // the session is finished; the entry follows when the folder is back.
          if (error instanceof GembaError && error.details?.['pending'] === true) return { path: null, pending: { message: error.message } }
          throw error
        },
      )
      const saved: Session = { ...finished, journalPath: written.path }
      const notDone = STEP_KEYS.filter((step) => saved.steps[step].status !== 'done')
      const result: FinishResult = {
        session: saved,
        journalPath: written.path,
        journalPending: written.pending,
        practised: programme.isPractised(saved),
        notDone,
      }
      return { session: saved, changed: true, result }
    })
  }

  skipWeek(input: In<'skipWeek'>, signal: AbortSignal): Promise<TodayView> {
    return this.#programmeChange(signal, (state, weekOf, position) => {
      const week = input.programmeWeek ?? position.programmeWeek
      if (week > position.programmeWeek) {
        throw new GembaError({
          code: 'refused',
          message: `Week ${week} has not come yet.`,
          next: 'Pause the programme instead if you will be away.',
        })
      }
      return programme.skipWeek(programme.ensureStarted(state.programme, weekOf), week, this.#deps.clock())
    })
  }

  unskipWeek(input: In<'unskipWeek'>, signal: AbortSignal): Promise<TodayView> {
    return this.#programmeChange(signal, (state) => programme.unskipWeek(state.programme, input.programmeWeek))
  }

  pauseProgramme(input: In<'pauseProgramme'>, signal: AbortSignal): Promise<TodayView> {
    return this.#programmeChange(signal, (state, weekOf, position) => {
      const practised =
        programme.outcomeOf(state.programme, state.sessions, position.programmeWeek, position.programmeWeek).outcome === 'practised'
      return programme.pauseProgramme(programme.ensureStarted(state.programme, weekOf), weekOf, input.weeks, practised)
    })
  }

  resumeProgramme(_input: In<'resumeProgramme'>, signal: AbortSignal): Promise<TodayView> {
    return this.#programmeChange(signal, (state, weekOf) => programme.resumeProgramme(state.programme, weekOf))
  }

  async visits(input: In<'visits'>): Promise<RepoVisits> {
    return repoVisits((await this.#load()).sessions, input.repoId)
  }

  /**
   * This week's hour as it reads for its repository's kind of codebase: the kind the hour under way
   * kept, else the one its scan reads now. Read apart from today() so a scan never holds Today up.
   */
  async weekFit(_input: In<'weekFit'>, signal: AbortSignal): Promise<WeekFit | null> {
    const state = await this.#load()
    const { week } = await this.#today(state)
    if (!week.repo) return null
    const kind = (await this.#hourKind(state, week.programmeWeek, week.repo.id, signal)) ?? {
      kind: 'unknown',
      reason: 'the repository cannot be scanned here',
    }
    const own = curriculumWeekFor(this.#curriculum, week.programmeWeek)
    const fitted = weekForKind(own, kind.kind)
    return {
      programmeWeek: week.programmeWeek,
      repoId: week.repo.id,
      kind,
      theme: fitted.theme,
      goal: fitted.goal,
      whyItMatters: fitted.whyItMatters,
      sentence: kindSentence(own, fitted, kind),
    }
  }

  /**
   * The area Today suggests for the next hour: this week's, or next week's once this week is
   * practised. Read apart from today() so a scan still running never holds Today up.
   */
  async nextArea(_input: In<'nextArea'>, signal: AbortSignal): Promise<NextArea> {
    const state = await this.#load()
    const today = await this.#today(state)
    const programmeWeek = today.week.programmeWeek + (today.outcome === 'practised' ? 1 : 0)
    const week = todayWeek(this.#curriculum, programmeWeek, repoRotation(await this.#deps.repos.list(), state.sessions), state.sessions)
    let theme = week.theme
    const none = (reason: string): NextArea => ({ programmeWeek, theme, suggestion: null, reason })
    if (!week.repo) return none('Add a team’s repository first.')
    if (!this.#deps.scans) return none('The repository cannot be scanned here.')
    const scan = await this.#deps.scans.scan(week.repo.id, signal)
    // The theme as that hour reads it, for the kind of codebase its repository is.
    const kind = await this.#hourKind(state, programmeWeek, week.repo.id, signal)
    theme = weekForKind(curriculumWeekFor(this.#curriculum, programmeWeek), kind?.kind).theme
    const suggestion = suggestNextArea({
      repo: week.repo,
      themeId: week.id,
      modules: scan.modules,
      history: scan.history,
      visits: repoVisits(state.sessions, week.repo.id),
      now: this.#deps.clock(),
    })
    return suggestion
      ? { programmeWeek, theme, suggestion, reason: null }
      : none(`You have been to every part of ${week.repo.name} the scan found.`)
  }

  async questions(input: In<'questions'>): Promise<OpenQuestion[]> {
    return allQuestions((await this.#load()).sessions, input.includeAnswered ?? false)
  }

  answerQuestion(input: In<'answerQuestion'>, signal: AbortSignal): Promise<OpenQuestion> {
    return this.#mutate(signal, async (state) => {
      const owner = state.sessions.find((s) => s.steps.reflect.payload.questionsForTechLead.some((q) => q.id === input.questionId))
      if (!owner) throw new GembaError({ code: 'not_found', message: 'That question is no longer in any session.' })
      const session = answerQuestion(owner, input.questionId, input.answer ?? null, input.reopen ?? false, this.#deps.clock())
      replace(state, session)
      const answered = allQuestions([session], true).find((q) => q.id === input.questionId)
      if (!answered) throw new GembaError({ code: 'internal', message: 'The question vanished while it was being answered.' })
      return { session, changed: true, result: answered }
    })
  }

  // ---- internals ----------------------------------------------------------------------------

  /** A session's week as it read when the hour started: the text for the kind of codebase it kept. */
  #weekOf(session: Session): CurriculumWeek {
    return weekForKind(curriculumWeekFor(this.#curriculum, session.programmeWeek), session.repoKind?.kind)
  }

  /** The kind an hour of that week in that repository reads: the one the hour under way kept, else its scan's. */
  async #hourKind(state: LoadedSessions, programmeWeek: number, repoId: string, signal: AbortSignal): Promise<RepoKindReading | null> {
    const kept = state.sessions.find(
      (session) => session.status === 'active' && session.programmeWeek === programmeWeek && session.repo.id === repoId,
    )?.repoKind
    return kept ?? (await this.#kindOf(repoId, signal))
  }

  /** The kind the repository's scan reads it as; null when it cannot be read (a scan that fails is not this call's to report). */
  async #kindOf(repoId: string, signal: AbortSignal): Promise<RepoKindReading | null> {
    if (!this.#deps.scans?.kind) return null
    try {
      return await this.#deps.scans.kind(repoId, signal)
    } catch (error) {
      if (signal.aborted) throw error
      return null
    }
  }

  async #offlineTour(repoId: string, signal: AbortSignal): Promise<{ markdown: string; mermaid: string }> {
    if (!this.#deps.tours)
      throw new GembaError({ code: 'unavailable', message: 'The offline tour cannot be read here, so it cannot be kept.' })
    return this.#deps.tours.offline(repoId, signal)
  }

  /** A drawing the page checked, found among Claude's answers in one of this session's diagram conversations. */
  async #drawing(session: Session, pick: { threadId: string; mermaid: string; svg: string }, signal: AbortSignal): Promise<KeptDrawing> {
    const port = this.#deps.transcripts
    if (!port || !(session.steps.diagram.payload.threadRefs ?? []).includes(pick.threadId))
      throw new GembaError({
        code: 'refused',
        message: 'That drawing is not from this session’s diagram conversation.',
        next: 'Keep one of the drawings Claude made this hour.',
      })
    const { transcript } = await port.read(pick.threadId, 'diagram', signal)
    const answers = transcript.filter((entry) => entry.role === 'coach').map((entry) => entry.text)
    return drawingFromAnswers(pick.threadId, answers, pick.mermaid, pick.svg)
  }

  /**
   * Keeps an answered coach question with its session (Claude's walkthrough, the conversation's id),
   * so nothing depends on the page being open when the answer arrives. A finished or unknown session
   * is left alone: the conversation stays in the coach's own files.
   */
  #keepCoachTurn(record: CoachTurnRecord): Promise<void> {
    return this.#enqueue(async () => {
      const state = await this.#load()
      const session = state.sessions.find((candidate) => candidate.id === record.sessionId)
      if (!session || session.status !== 'active') return
      const kept = { ...withCoachTurn(session, record), updatedAt: this.#deps.clock().toISOString() }
      await this.#store.saveSession(kept)
      replace(state, kept)
      this.#deps.events.emit('sessions.changed', { sessionId: kept.id })
    })
  }

  /** Lists a file the leader opened with the active session it was opened in; anything else is left alone. */
  #keepViewed(sessionId: string, path: string): Promise<void> {
    return this.#enqueue(async () => {
      const state = await this.#load()
      const session = state.sessions.find((candidate) => candidate.id === sessionId)
      if (!session || session.status !== 'active') return
      const viewed = withViewed(session, path)
      if (!viewed) return
      replace(state, viewed)
      await this.#store.saveSession(viewed).catch(() => undefined)
    })
  }

  /**
   * Adds a request's usage to a session in any state (what was spent was spent), in turn with every
   * other change. Kept in memory first: a failed write is carried by the session's next save.
   */
  #addUsage(id: string, added: SessionUsage): Promise<boolean> {
    return this.#enqueue(async () => {
      const state = await this.#load()
      const session = state.sessions.find((candidate) => candidate.id === id)
      if (!session) return false
      const usage = { ...session.usage }
      for (const key of Object.keys(usage) as (keyof SessionUsage)[]) usage[key] += added[key]
      const next = { ...session, usage }
      replace(state, next)
      await this.#store.saveSession(next).catch(() => undefined)
      return true
    })
  }

  /** Runs `work` after every change before it; refused once the service is closing. */
  #enqueue<R>(work: () => Promise<R>): Promise<R> {
    if (this.#closing) return Promise.reject(new GembaError({ code: 'cancelled', message: 'Gemba is closing.' }))
    const run = this.#queue.then(work)
    this.#queue = run.catch(() => undefined)
    return run
  }

  #load(): Promise<LoadedSessions> {
    this.#state ??= this.#store.load().then(async (loaded) => {
      // A session still running from a previous run of the app was interrupted (quit, crash,
      // reboot): it resumes paused, with the time since it was last seen left uncounted.
      const now = this.#deps.clock()
      for (const [index, session] of loaded.sessions.entries()) {
        const recovered = recoverInterrupted(session, new Date(session.updatedAt), now)
        if (recovered !== session) {
          loaded.sessions[index] = recovered
          await this.#store.saveSession(recovered)
        }
      }
      return loaded
    })
    this.#state.catch(() => {
      this.#state = null
    })
    return this.#state
  }

  async #today(state: LoadedSessions): Promise<TodayView> {
    const [settings, repos] = await Promise.all([this.#deps.settings.get(), this.#deps.repos.list()])
    return buildToday({
      now: this.#deps.clock(),
      schedule: settings.schedule,
      timeboxes: settings.stepMinutes,
      programme: state.programme,
      sessions: state.sessions,
      repos,
      curriculum: this.#curriculum,
      notices: state.notices,
    })
  }

  #view(state: LoadedSessions, session: Session): SessionView {
    return { session, timer: sessionTimer(session, this.#deps.clock()), carriedQuestions: this.#carried(state, session) }
  }

  #carried(state: LoadedSessions, session: Session): OpenQuestion[] {
    return carriedQuestions(
      state.sessions.filter((s) => s.createdAt <= session.createdAt),
      session.id,
    )
  }

  /** The session with its change's git facts read now (where the clone is, whether the branch is there, its tip). */
  async #withGitNow(session: Session, signal: AbortSignal): Promise<Session> {
    const { branch, commit, originalBranch } = session.steps.change.payload
    if (!this.#deps.landing || !branch || !commit || originalBranch === undefined) return session
    const facts = await this.#deps.landing.gitFacts(session.repo.id, { branch, commit, originalBranch }, signal).catch(() => null)
    return facts ? withChangeRecord(session, facts) : session
  }

  #finished(state: LoadedSessions, session: Session, now: Date): Session {
    const stopped = stopClock(session, now)
    const steps = { ...stopped.steps }
    // Finishing counts every step the leader worked on in the app as done; unvisited ones stay so.
    for (const step of STEP_KEYS) {
      if (steps[step].status === 'in_progress') (steps as Record<string, unknown>)[step] = { ...steps[step], status: 'done' }
    }
    let reflect = steps.reflect
    if (!reflect.payload.markdown.trim()) {
      const draft = buildReflectDraft(stopped, this.#weekOf(session))
      reflect = { ...reflect, payload: { ...reflect.payload, markdown: draft, prefilledAt: now.toISOString() } }
    }
    return {
      ...stopped,
      steps: { ...steps, reflect },
      status: 'finished',
      paused: null,
      finishedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }
  }

  /** Runs one change at a time: load, change, save, emit. */
  #mutate<R>(
    signal: AbortSignal,
    work: (state: LoadedSessions) => Promise<{ session: Session; changed: boolean; result: R }>,
    options: { quiet?: boolean } = {},
  ): Promise<R> {
    return this.#enqueue(async () => {
      if (signal.aborted) throw new GembaError({ code: 'cancelled', message: 'Cancelled before anything changed.' })
      const state = await this.#load()
      const { session, changed, result } = await work(state)
      if (changed) {
        await this.#store.saveSession(session)
        replace(state, session)
        if (!options.quiet) this.#deps.events.emit('sessions.changed', { sessionId: session.id })
      }
      return result
    })
  }

  #change(
    signal: AbortSignal,
    id: string,
    change: (session: Session, now: Date, state: LoadedSessions) => Session,
    options: { quiet?: boolean } = {},
  ): Promise<SessionView> {
    return this.#mutate(
      signal,
      async (state) => {
        const now = this.#deps.clock()
        const session = { ...change(requireActive(find(state, id)), now, state), updatedAt: now.toISOString() }
        return { session, changed: true, result: this.#view(state, session) }
      },
      options,
    )
  }

  async #programmeChange(
    _signal: AbortSignal,
    change: (state: LoadedSessions, weekOf: string, position: programme.ProgrammePosition) => programme.ProgrammeState,
  ): Promise<TodayView> {
    return this.#enqueue(async () => {
      const state = await this.#load()
      const settings = await this.#deps.settings.get()
      const weekOf = currentWeekOf(this.#deps.clock(), settings.schedule.timeZone)
      const next = change(state, weekOf, programme.programmePosition(state.programme, weekOf))
      if (next !== state.programme) {
        await this.#store.saveProgramme(next)
        state.programme = next
        this.#deps.events.emit('sessions.changed', { sessionId: null })
      }
      return this.#today(state)
    })
  }
}

function find(state: LoadedSessions, id: string): Session {
  const session = state.sessions.find((candidate) => candidate.id === id)
  if (!session)
    throw new GembaError({
      code: 'not_found',
      message: 'That session does not exist (any more).',
      next: "Go back to Today and start this week's hour.",
    })
  return session
}

function requireActive(session: Session): Session {
  if (session.status === 'active') return session
  throw new GembaError({
    code: 'conflict',
    message: `This session is ${session.status}; it can no longer change here.`,
    next: session.status === 'finished' ? 'Edit the reflection from the journal instead.' : 'Start a new session from Today.',
  })
}

function replace(state: LoadedSessions, session: Session): void {
  const index = state.sessions.findIndex((candidate) => candidate.id === session.id)
  if (index >= 0) state.sessions[index] = session
  else state.sessions.push(session)
}
