// The composition root shared by both transports: builds every service from the platform ports it
// is given (Electron's or plain Node's) and the dispatcher that serves them. No 'electron' here.
import type { ServiceRegistry } from '../../shared/api.ts'
import { SettingsService } from '../services/settings/settings-service.ts'
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
}

export interface Backend {
  readonly dispatcher: Dispatcher
  readonly hub: EventHub
  readonly settings: SettingsService
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
  })
  const services = { system, settings } satisfies Partial<ServiceRegistry>
  const dispatcher = new Dispatcher(services, hub, ports.log)
  return {
    dispatcher,
    hub,
    settings,
    async dispose() {
      // Services with open handles (watchers, child processes) release them here as they arrive.
    },
  }
}
