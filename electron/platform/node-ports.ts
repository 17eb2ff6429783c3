// The plain-Node platform ports (browser mode, the command line, tests): conf for the settings file,
// the key-file SecretBox, a file logger. The Electron build passes its own in electron/main.ts.
import Conf from 'conf'
import type { BackendPorts } from '../core/backend.ts'
import { FileLogger } from '../services/log/index.ts'
import { FileSecretBox, type KeyValueStore, type OpenStore } from '../services/settings/index.ts'

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
  /** The environment Gemba runs with (process.env for `npm run web`; a chosen one in tests). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The leader's home folder (os.homedir() for `npm run web`; a folder of their own in tests). */
  readonly home: string
  readonly appVersion: string
  readonly echoLog?: boolean
  readonly clock?: () => Date
}

export function nodeBackendPorts(options: NodePortsOptions): BackendPorts {
  return {
    mode: 'browser',
    appVersion: options.appVersion,
    dataFolder: options.dataFolder,
    openStore: openConfStore,
    secretBox: new FileSecretBox(options.dataFolder),
    env: options.env,
    home: options.home,
    clock: options.clock ?? (() => new Date()),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    log: new FileLogger(options.dataFolder, { echo: options.echoLog ?? false }),
  }
}
