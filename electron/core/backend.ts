// The composition root shared by both transports: builds every service from the platform ports it
// is given (Electron's or plain Node's) and the dispatcher that serves them. No 'electron' here.
import type { ServiceRegistry } from '../../shared/api.ts'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { RepoEntry } from '../../shared/models/repos.ts'
import { aiThreadsFolder, createAiService } from '../services/ai/create-ai-service.ts'
import { threadStore } from '../services/ai/thread-store.ts'
import { threadTranscripts } from '../services/ai/thread-transcripts.ts'
import { createChangeService } from '../services/change/create-change-service.ts'
import { createCodeParser } from '../services/repos/parse/code-parser.ts'
import { RepoService } from '../services/repos/repo-service.ts'
import type { RepoStore } from '../services/repos/repo-store.ts'
import { CalendarService } from '../services/calendar/calendar-service.ts'
import { ReminderScheduler } from '../services/calendar/reminder-scheduler.ts'
import { openRepositoryForDrift } from '../services/journal/git-drift.ts'
import { JournalService } from '../services/journal/journal-service.ts'
import { SessionsService } from '../services/sessions/sessions-service.ts'
import { SettingsService } from '../services/settings/settings-service.ts'
import type { KeyValueStore } from '../services/settings/settings-file.ts'
import type { OpenStore } from '../services/settings/settings-file.ts'
import type { SecretBox } from '../services/settings/secret-box.ts'
import { SystemService } from '../services/system/system-service.ts'
import { Dispatcher, type Logger } from './dispatcher.ts'
import { EventHub } from './event-hub.ts'

export interface BackendPorts {
  readonly mode: 'desktop' | 'browser'
  readonly appVersion: string
  readonly dataFolder: string
  readonly openStore: OpenStore
  readonly secretBox: SecretBox
  readonly env: { readonly apiKey?: string | undefined; readonly baseUrl?: string | undefined }
  readonly timeZone: string
  readonly log: Logger
  /** Where the WebAssembly grammars are, when not in node_modules (a packaged app). */
  readonly grammarDir?: string
  /** The desktop's folder picker (Electron's dialog); browser mode has none. */
  readonly pickFolder?: (title: string) => Promise<string | null>
  /** Opens a URL with the operating system (Electron's shell.openExternal); browser mode has none. */
  readonly openExternal?: (url: string) => Promise<void>
  /** The desktop window printed to PDF (Electron's webContents.printToPDF); browser mode has none. */
  readonly printToPdf?: () => Promise<Uint8Array>
}

export interface Backend {
  readonly dispatcher: Dispatcher
  readonly hub: EventHub
  readonly settings: SettingsService
  readonly repos: RepoService
  readonly sessions: SessionsService
  dispose(): Promise<void>
}

export function createBackend(ports: BackendPorts): Backend {
  const hub = new EventHub()
  const settings = new SettingsService({
    dataFolder: ports.dataFolder,
    openStore: ports.openStore,
    secretBox: ports.secretBox,
    env: ports.env,
    timeZone: ports.timeZone,
  })
  const system = new SystemService({
    info: {
      name: 'Gemba',
      version: ports.appVersion,
      mode: ports.mode,
      platform: process.platform,
      dataFolder: ports.dataFolder,
    },
    // Called only once the dispatcher below exists.
    cancel: (callId): boolean => dispatcher.cancel(callId),
    pickFolder: ports.pickFolder,
    printToPdf: ports.printToPdf,
  })
  const repoStore = keyValueRepoStore(settings.keyValueStore)
  const repos = new RepoService({
    store: repoStore,
    cacheFolder: join(ports.dataFolder, 'cache', 'repos'),
    createParser: () => createCodeParser(ports.grammarDir ? { grammarDir: ports.grammarDir } : {}),
  })
  const journal = followJournalFolder(settings, (folder) =>
    new JournalService({
      journalFolder: folder,
      createJournalFolder: settings.current().journalFolder === null,
      cacheFolder: join(ports.dataFolder, 'cache', 'journal'),
      pendingFolder: join(ports.dataFolder, 'journal-pending'),
      now: () => new Date(),
      onChanged: (payload) => hub.emit('journal.changed', payload),
      openRepository: openRepositoryForDrift,
      repositoryPathOf: async (id) => (await repoStore.load()).find((entry) => entry.id === id)?.path,
    }),
  )
  const sessions = new SessionsService({
    folder: join(ports.dataFolder, 'sessions'),
    clock: () => new Date(),
    settings: { get: () => settings.get() },
    repos: { list: () => repoStore.load() },
    journal,
    transcripts: threadTranscripts(threadStore(aiThreadsFolder(ports.dataFolder))),
  })
  const calendar = new CalendarService({ clock: () => new Date(), settings: { get: () => settings.get() } })
  const reminders = weeklyReminders(hub, settings, sessions, ports.log)
  const ai = createAiService({
    settings,
    scan: (id, signal) => repos.scan({ id }, { signal, callId: `ai-context-${id}`, emit: () => undefined }),
    repoPath: async (id) => (await repoStore.load()).find((entry) => entry.id === id)?.path,
    createParser: () => createCodeParser(ports.grammarDir ? { grammarDir: ports.grammarDir } : {}),
    dataFolder: ports.dataFolder,
    openExternal: ports.openExternal,
  })
  const change = createChangeService({ settings, repos, sessions, home: homedir(), env: process.env })
  const services = { system, settings, repos, journal, sessions, calendar, ai, change } satisfies ServiceRegistry
  const dispatcher = new Dispatcher(services, hub, ports.log)
  return {
    dispatcher,
    hub,
    settings,
    repos,
    sessions,
    async dispose() {
      reminders.stop()
      await repos.dispose()
      // Services with open handles (watchers, child processes) release them here as they arrive.
    },
  }
}

/**
 * 'calendar.reminder' when the weekly hour starts, unless this week is already practised, skipped
 * or paused for travel; follows the slot when Settings change.
 */
function weeklyReminders(hub: EventHub, settings: SettingsService, sessions: SessionsService, log: Logger): { stop(): void } {
  const ctx = { signal: new AbortController().signal, callId: 'calendar-reminder', emit: hub.emit.bind(hub) }
  const scheduler = new ReminderScheduler({
    clock: () => new Date(),
    timer: { set: (callback, ms) => setTimeout(callback, ms).unref(), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    schedule: async () => (await settings.get()).schedule,
    onStart: (startsAt) => {
      void sessions.today({}, ctx).then((today) => {
        if (today.programme.paused || today.outcome === 'practised' || today.outcome === 'skipped') return
        hub.emit('calendar.reminder', { weekNumber: today.week.weekNumber, theme: today.week.theme, startsAt: startsAt.toISOString() })
      }, (error: unknown) => log.error('calendar.reminder', error))
    },
    onError: (error) => log.error('calendar.reminder', error),
  })
  const unsubscribe = hub.subscribe((envelope) => {
    if (envelope.event === 'settings.changed') void scheduler.reschedule()
  })
  void scheduler.start()
  return {
    stop() {
      unsubscribe()
      scheduler.stop()
    },
  }
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

/**
 * The journal service for the folder Settings names now: when the leader picks another folder, the
 * next call goes to a service over that folder (its index cache is rebuilt from the files there).
 */
function followJournalFolder(settings: SettingsService, make: (folder: string) => JournalService): JournalService {
  let folder = settings.journalFolder()
  let current = make(folder)
  const resolve = (): JournalService => {
    const wanted = settings.journalFolder()
    if (wanted !== folder) {
      folder = wanted
      current = make(folder)
    }
    return current
  }
  return new Proxy(current, {
    get(_target, property) {
      const service = resolve()
      const value: unknown = Reflect.get(service, property, service)
      return typeof value === 'function' ? value.bind(service) : value
    },
  })
}
