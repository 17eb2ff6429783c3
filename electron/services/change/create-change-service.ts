// Builds the ChangeService from the composition root's ports: Settings (key, endpoint, model through
// the ai domain's one mapping; the settings file for remembered values), the repos service, the
// sessions service (its spending record, and the change step it records to), what other domains
// announce, the home folder, the environment the team's tests and the leader's git run in (without
// Anthropic variables) and the desktop's way to open a page in the browser.
// Never imports 'electron'.
import { join } from 'node:path'
import type { RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { AiModelProfile } from '../../../shared/models/ai.ts'
import { createAnthropicSdk, readAiSettings, type AiSettingsSource } from '../ai/index.ts'
import type { DomainEvents } from '../domain-events.ts'
import { unwatched, type Progress } from '../events-port.ts'
import type { ChangeRecordPort, SpendingPort } from '../sessions/index.ts'
import type { KeyValueStore } from '../settings/index.ts'
import { changePrefs } from './change-prefs.ts'
import { ChangeService } from './change-service.ts'

export interface ChangeWiring {
  readonly settings: AiSettingsSource & { readonly keyValueStore: KeyValueStore }
  readonly repos: {
    info(input: { id: string }, signal: AbortSignal): Promise<RepoView>
    workingFiles(input: { id: string; leaveOut: readonly string[] }, signal: AbortSignal): Promise<RepoView>
    scan(input: { id: string }, signal: AbortSignal, progress: Progress): Promise<ScanResult>
  }
  readonly sessions: {
    readonly spending: SpendingPort
    /** Where what the change did is recorded (never the leader's estimate: the session step owns it). */
    readonly changeRecords: ChangeRecordPort
  }
  readonly domainEvents: Pick<DomainEvents, 'on'>
  readonly home: string
  /** Gemba's data folder: the tools it provides the team's tests live in its tools/bin. */
  readonly dataFolder: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** What the model can do (the ai domain's catalogue). */
  readonly modelProfile?: (model: string, signal: AbortSignal) => Promise<AiModelProfile>
  /** Opens an https page in the system browser (the desktop app's); browser mode has none. */
  readonly openExternal?: ((url: string) => Promise<void>) | undefined
}

/** The leader's environment for their tests, minus anything that would hand the test code our key. */
export function testEnvironment(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^ANTHROPIC_|^GEMBA_/i.test(name)))
}

export function createChangeService(wiring: ChangeWiring): ChangeService {
  return new ChangeService({
    repos: {
      info: (id, signal) => wiring.repos.info({ id }, signal),
      workingFiles: (id, leaveOut, signal) => wiring.repos.workingFiles({ id, leaveOut }, signal),
      // The scan's progress belongs to the repositories screen, not to this work.
      scan: (id, signal) => wiring.repos.scan({ id }, signal, unwatched),
    },
    ai: readAiSettings(wiring.settings),
    createSdk: createAnthropicSdk,
    spending: wiring.sessions.spending,
    session: wiring.sessions.changeRecords,
    prefs: changePrefs(wiring.settings.keyValueStore),
    domainEvents: wiring.domainEvents,
    home: wiring.home,
    ...(wiring.env.XDG_CONFIG_HOME ? { xdgConfigHome: wiring.env.XDG_CONFIG_HOME } : {}),
    testEnv: testEnvironment(wiring.env),
    testToolsFolder: join(wiring.dataFolder, 'tools', 'bin'),
    // The leader's own git pushes in their environment (credential helper, SSH agent), minus our key.
    gitEnv: testEnvironment(wiring.env),
    openExternal: wiring.openExternal,
    ...(wiring.modelProfile ? { modelProfile: wiring.modelProfile } : {}),
  })
}
