// The composition root shared by both transports: builds every service from the platform ports it
// is given (Electron's or plain Node's), the adapter that serves them as the contract's channels
// (serve-contract.ts, the one place that knows a call), the dispatcher, and one store of everything
// started, whose dispose stops it all. Services that act on what another announces hear it through the
// in-process domain events, so none holds a reference to one built after it. Home folder, environment
// and clock come in as ports; nothing here reads a global, and there is no 'electron' here.
import { join } from 'node:path'
import type { RepoEntry } from '../../shared/models/repos.ts'
import type { PaperSize } from '../../shared/channels/system.ts'
import { aiThreadsFolder, createAiService, threadStore, threadTranscripts } from '../services/ai/index.ts'
import { CalendarService, ReminderScheduler } from '../services/calendar/index.ts'
import { createChangeService } from '../services/change/index.ts'
import { JournalService, readDriftFromGit } from '../services/journal/index.ts'
import type { Logger } from '../services/log/index.ts'
import {
  createCodeParser,
  repoKindOf,
  RepoService,
  WorkerRepoWork,
  type PhaseBudgets,
  type RepoStore,
  type RepoWork,
} from '../services/repos/index.ts'
import { SessionsService } from '../services/sessions/index.ts'
import { SettingsService, type KeyValueStore, type OpenStore, type SecretBox } from '../services/settings/index.ts'
import { SystemService } from '../services/system/index.ts'
import { DisposableStore, toDisposable, type Disposable } from '../services/disposables.ts'
import { createDomainEvents } from '../services/domain-events.ts'
import { unwatched } from '../services/events-port.ts'
import { Dispatcher } from './dispatcher.ts'
import { EventHub } from './event-hub.ts'
import { serveContract } from './serve-contract.ts'

export interface BackendPorts {
  readonly mode: 'desktop' | 'browser'
  readonly appVersion: string
  readonly dataFolder: string
  readonly openStore: OpenStore
  readonly secretBox: SecretBox
  /**
   * The environment Gemba was started with: ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL (when Settings
   * have none), XDG_CONFIG_HOME (git's global config), and what the team's tests run with.
   */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The leader's home folder (git's global config for the commit identity; folders typed as `~/…`). */
  readonly home: string
  readonly clock: () => Date
  readonly timeZone: string
  readonly log: Logger
  /** Where the WebAssembly grammars are, when not in node_modules (a packaged app). */
  readonly grammarDir?: string
  /** The desktop's folder picker (Electron's dialog); browser mode has none. */
  readonly pickFolder?: (title: string) => Promise<string | null>
  /** Opens a URL with the operating system (Electron's shell.openExternal); browser mode has none. */
  readonly openExternal?: (url: string) => Promise<void>
  /** The desktop window printed to PDF (Electron's webContents.printToPDF); browser mode has none. */
  readonly printToPdf?: (paper: PaperSize) => Promise<Uint8Array>
  /** How long each scan phase may take (the defaults are in scan/phase-budget.ts). */
  readonly scanBudgets?: Partial<PhaseBudgets>
  /** Where repositories are read (default: worker threads; the load bench's baseline reads them on this thread). */
  readonly repoWork?: (cacheFolder: string) => RepoWork
}

export interface Backend {
  readonly dispatcher: Dispatcher
  readonly hub: EventHub
  readonly settings: SettingsService
  readonly repos: RepoService
  readonly sessions: SessionsService
  /**
   * The start-up work, done in the background while calls are already served: every known
   * repository's interrupted landing rolled back. Resolves when it is done (never rejects).
   */
  readonly started: Promise<void>
  /**
   * Aborts running calls, stops what every service started (reminders, watches, test runs, workers,
   * parsers), then drains the write queues.
   */
  dispose(): Promise<void>
}

export function createBackend(ports: BackendPorts): Backend {
  const hub = new EventHub()
  const log = ports.log
  const domainEvents = createDomainEvents((event, error) => log.error(`A service could not act on ${event}`, error))
  const clock = ports.clock
  const settings: SettingsService = new SettingsService({
    dataFolder: ports.dataFolder,
    openStore: ports.openStore,
    secretBox: ports.secretBox,
    env: { apiKey: ports.env.ANTHROPIC_API_KEY, baseUrl: ports.env.ANTHROPIC_BASE_URL },
    timeZone: ports.timeZone,
    events: hub,
    domainEvents,
  })
  const system = new SystemService({
    info: {
      name: 'Gemba',
      version: ports.appVersion,
      mode: ports.mode,
      platform: process.platform,
      dataFolder: ports.dataFolder,
    },
    pickFolder: ports.pickFolder,
    printToPdf: ports.printToPdf,
    home: ports.home,
  })
  const createParser = () => createCodeParser(ports.grammarDir ? { grammarDir: ports.grammarDir } : {})
  const repoStore = keyValueRepoStore(settings.keyValueStore)
  const repoPath = async (id: string) => (await repoStore.load()).find((entry) => entry.id === id)?.path
  const repoCache = join(ports.dataFolder, 'cache', 'repos')
  // Scans and repositories' git state are read in worker threads: this event loop serves every call.
  const repoWork =
    ports.repoWork?.(repoCache) ??
    new WorkerRepoWork({
      cacheFolder: repoCache,
      ...(ports.grammarDir ? { grammarDir: ports.grammarDir } : {}),
      ...(ports.scanBudgets ? { budgets: ports.scanBudgets } : {}),
      // What `git status` reads besides the repository: the leader's global config and ignore file.
      configHome: { home: ports.home, xdgConfigHome: ports.env.XDG_CONFIG_HOME },
    })
  const repos = new RepoService({ store: repoStore, cacheFolder: repoCache, work: repoWork, home: ports.home })
  const journal = new JournalService({
    journalFolder: settings.journalFolder(),
    createJournalFolder: settings.current().journalFolder === null,
    cacheFolder: join(ports.dataFolder, 'cache', 'journal'),
    pendingFolder: join(ports.dataFolder, 'journal-pending'),
    now: clock,
    events: hub,
    domainEvents,
    readDrift: readDriftFromGit,
    repositoryPathOf: repoPath,
    home: ports.home,
  })
  const sessions = new SessionsService({
    folder: join(ports.dataFolder, 'sessions'),
    clock,
    settings: { get: () => settings.get() },
    repos: { list: () => repoStore.load() },
    journal,
    events: hub,
    transcripts: threadTranscripts(threadStore(aiThreadsFolder(ports.dataFolder))),
    // The tour the page shows, read again here when it is kept (a cached scan unless the repository moved on).
    tours: {
      offline: (repoId, signal) => repos.tour({ id: repoId }, signal, unwatched),
    },
    // The modules and history the next-area suggestion weighs (the cached scan unless the repository moved on).
    scans: {
      scan: (repoId, signal) => repos.scan({ id: repoId }, signal, unwatched),
      kind: async (repoId, signal) => repoKindOf(await repos.scan({ id: repoId }, signal, unwatched)),
    },
    // Read from git as the journal entry is written (the change service exists by the time a session finishes).
    landing: { gitFacts: (repoId, landed, signal) => change.gitFacts(repoId, landed, signal) },
  })
  const calendar = new CalendarService({ clock, settings: { get: () => settings.get() } })
  const reminders = weeklyReminders(hub, settings, sessions, clock, log)
  const ai = createAiService({
    settings,
    spending: sessions.spending,
    coachRecords: sessions.coachRecords,
    viewerRecords: sessions.viewerRecords,
    // The scan's progress belongs to the repositories screen, not to the coach's work.
    scan: (id, signal) => repos.scan({ id }, signal, unwatched),
    repoPath,
    createParser,
    dataFolder: ports.dataFolder,
    openExternal: ports.openExternal,
    pastSessions: async (repoId, limit, signal) => {
      const { entries } = await journal.list({ filter: { repositoryId: repoId }, limit }, signal)
      return Promise.all(entries.map(async (entry) => (await journal.get({ id: entry.id }, signal)).record))
    },
  })
  const change = createChangeService({
    settings,
    repos,
    sessions,
    domainEvents,
    home: ports.home,
    dataFolder: ports.dataFolder,
    env: ports.env,
    modelProfile: (model, signal) => ai.profileFor(model, signal),
    // The new pull request's page (https, on the remote's host: checked by the change service).
    openExternal: ports.openExternal,
  })
  // `cancel` runs only for a call, so the dispatcher it names exists by then.
  const dispatcher: Dispatcher = new Dispatcher(
    serveContract({ system, settings, repos, journal, sessions, calendar, ai, change }, (callId) => dispatcher.cancel(callId)),
    hub,
    log,
  )
  // Disposed newest first: the dispatcher (no call left running), the reminders, the services that start
  // work (test runs, watches, workers, parsers), then the write queues drain, the sessions' before the
  // journal's it writes to.
  const disposables = new DisposableStore((error) => log.error('Stopping a part of Gemba failed', error))
  disposables.add(journal)
  disposables.add(sessions)
  disposables.add(repos)
  disposables.add(ai)
  disposables.add(change)
  disposables.add(reminders)
  disposables.add(toDisposable(() => dispatcher.dispose()))
  // A landing killed mid-way (a crash, a power cut) is rolled back before the leader looks at the
  // repository again, in every repository Gemba knows, not only when a change is next made there.
  const started = repoStore
    .load()
    .then(async (entries) => {
      const { recovered, failed } = await change.recoverLandings(entries.map((entry) => entry.path))
      for (const root of recovered) log.info(`Rolled back a change Gemba was landing in ${root} when it was stopped.`)
      for (const { root, error } of failed) log.error(`Could not roll back the change Gemba was landing in ${root}`, error)
    })
    .catch((error: unknown) => log.error('Start-up recovery failed', error))
  return {
    dispatcher,
    hub,
    settings,
    repos,
    sessions,
    started,
    async dispose() {
      await started
      await disposables.dispose()
    },
  }
}

/**
 * 'calendar.reminder' when the weekly hour starts, unless this week is already practised, skipped
 * or paused for travel; follows the slot when Settings change.
 */
function weeklyReminders(hub: EventHub, settings: SettingsService, sessions: SessionsService, clock: () => Date, log: Logger): Disposable {
  const scheduler = new ReminderScheduler({
    clock,
    timer: { set: (callback, ms) => setTimeout(callback, ms).unref(), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    schedule: async () => (await settings.get()).schedule,
    onStart: (startsAt) => {
      void sessions.today({}).then(
        (today) => {
          if (today.programme.paused || today.outcome === 'practised' || today.outcome === 'skipped') return
          hub.emit('calendar.reminder', { weekNumber: today.week.weekNumber, theme: today.week.theme, startsAt: startsAt.toISOString() })
        },
        (error: unknown) => log.error('calendar.reminder', error),
      )
    },
    onError: (error) => log.error('calendar.reminder', error),
  })
  const unsubscribe = hub.subscribe((envelope) => {
    if (envelope.event === 'settings.changed') void scheduler.reschedule()
  })
  void scheduler.start()
  return toDisposable(() => {
    unsubscribe()
    scheduler.stop()
  })
}

/** The repository list lives in the settings file, beside the settings (DESIGN.md: data on disk). */
function keyValueRepoStore(store: KeyValueStore): RepoStore {
  return {
    async load() {
      const entries = store.get('repos')
      return Array.isArray(entries) ? (entries as RepoEntry[]) : []
    },
    async save(entries) {
      store.set('repos', entries)
    },
  }
}
