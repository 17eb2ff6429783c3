// Builds the ChangeService from the composition root's ports: Settings (key, endpoint, model through
// the ai domain's one mapping; the settings file for remembered values), the repos service, the
// sessions service (its spending record, and the change step it records to), the home folder and the
// environment the team's tests run in (without Anthropic variables). Never imports 'electron'.
import type { EventMap } from '../../../shared/api.ts'
import type { CallContext } from '../../../shared/contract.ts'
import type { RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { AiModelProfile } from '../../../shared/models/ai.ts'
import { createAnthropicSdk, readAiSettings, type AiSettingsSource } from '../ai/index.ts'
import type { ChangeRecordPort, SpendingPort } from '../sessions/index.ts'
import type { KeyValueStore } from '../settings/index.ts'
import { ChangeService } from './change-service.ts'

type Ctx = CallContext<EventMap>

export interface ChangeWiring {
  readonly settings: AiSettingsSource & { readonly keyValueStore: KeyValueStore }
  readonly repos: {
    info(input: { id: string }, ctx: Ctx): Promise<RepoView>
    scan(input: { id: string }, ctx: Ctx): Promise<ScanResult>
  }
  readonly sessions: {
    readonly spending: SpendingPort
    /** Where what the change did is recorded (never the leader's estimate: the session step owns it). */
    changeRecords(ctx: Ctx): ChangeRecordPort
  }
  /** Emits the sessions.changed that follows a recording (the backend's event hub). */
  readonly emit: Ctx['emit']
  readonly home: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** What the model can do (the ai domain's catalogue). */
  readonly modelProfile?: (model: string, signal: AbortSignal) => Promise<AiModelProfile>
}

/** The leader's environment for their tests, minus anything that would hand the test code our key. */
export function testEnvironment(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^ANTHROPIC_|^GEMBA_/i.test(name)))
}

export function createChangeService(wiring: ChangeWiring): ChangeService {
  // Recording is part of the work already done, so the call's own cancellation does not stop it.
  const recording: Ctx = { signal: new AbortController().signal, callId: 'change-record', emit: wiring.emit }
  return new ChangeService({
    repos: {
      info: (id, ctx) => wiring.repos.info({ id }, ctx),
      // The scan's progress events belong to the repositories screen, not to this call.
      scan: (id, ctx) => wiring.repos.scan({ id }, { signal: ctx.signal, callId: `change-${ctx.callId}`, emit: () => undefined }),
    },
    ai: readAiSettings(wiring.settings),
    createSdk: createAnthropicSdk,
    spending: wiring.sessions.spending,
    session: wiring.sessions.changeRecords(recording),
    prefs: {
      get: (key) => wiring.settings.keyValueStore.get(key),
      set: (key, value) => wiring.settings.keyValueStore.set(key, value),
    },
    home: wiring.home,
    ...(wiring.env.XDG_CONFIG_HOME ? { xdgConfigHome: wiring.env.XDG_CONFIG_HOME } : {}),
    testEnv: testEnvironment(wiring.env),
    ...(wiring.modelProfile ? { modelProfile: wiring.modelProfile } : {}),
  })
}
