// The composition root shared by both transports: builds every service from the platform ports it
// is given (Electron's or plain Node's) and the dispatcher that serves them. No 'electron' here.
import type { ServiceRegistry } from '../../shared/api.ts'
import { join } from 'node:path'
import type { RepoEntry } from '../../shared/models/repos.ts'
import { createCodeParser } from '../services/repos/parse/code-parser.ts'
import { RepoService } from '../services/repos/repo-service.ts'
import type { RepoStore } from '../services/repos/repo-store.ts'
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
}

export interface Backend {
  readonly dispatcher: Dispatcher
  readonly hub: EventHub
  readonly settings: SettingsService
  readonly repos: RepoService
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
  })
  const repos = new RepoService({
    store: keyValueRepoStore(settings.keyValueStore),
    cacheFolder: join(ports.dataFolder, 'cache', 'repos'),
    createParser: () => createCodeParser(ports.grammarDir ? { grammarDir: ports.grammarDir } : {}),
  })
  const services = { system, settings, repos } satisfies Partial<ServiceRegistry>
  const dispatcher = new Dispatcher(services, hub, ports.log)
  return {
    dispatcher,
    hub,
    settings,
    repos,
    async dispose() {
      // Services with open handles (watchers, child processes) release them here as they arrive.
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
