// The plain-Node platform ports (browser mode, the command line, tests): conf for the settings file,
// the key-file SecretBox, a file logger. The Electron build passes its own in electron/main.ts.
import Conf from 'conf'
import type { BackendPorts } from '../core/backend.ts'
import { FileSecretBox } from '../services/settings/file-secret-box.ts'
import type { KeyValueStore, OpenStore } from '../services/settings/settings-file.ts'
import { FileLogger } from '../services/log/file-logger.ts'

export const openConfStore: OpenStore = (options) =>
  new Conf<Record<string, unknown>>({
    cwd: options.cwd,
    configName: options.configName,
    projectName: 'gemba',
    projectVersion: options.projectVersion,
    migrations: options.migrations as Record<string, (store: Conf<Record<string, unknown>>) => void>,
    clearInvalidConfig: false,
  }) as unknown as KeyValueStore

export interface NodePortsOptions {
  readonly dataFolder: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly appVersion: string
  readonly echoLog?: boolean
}

export function nodeBackendPorts(options: NodePortsOptions): BackendPorts {
  return {
    mode: 'browser',
    appVersion: options.appVersion,
    dataFolder: options.dataFolder,
    openStore: openConfStore,
    secretBox: new FileSecretBox(options.dataFolder),
    env: { apiKey: options.env.ANTHROPIC_API_KEY, baseUrl: options.env.ANTHROPIC_BASE_URL },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    log: new FileLogger(options.dataFolder, { echo: options.echoLog ?? false }),
  }
}
