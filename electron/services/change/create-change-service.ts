// Builds the ChangeService from the composition root's ports: Settings (key, endpoint, model, budget,
// the settings file for remembered values), the repos and sessions services, the home folder and the
// environment the team's tests run in (without Anthropic variables). Never imports 'electron'.
import type { EventMap } from '../../../shared/api.ts'
import type { CallContext } from '../../../shared/contract.ts'
import type { ChangePayload } from '../../../shared/models/sessions.ts'
import type { RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { AiSettings } from '../../../shared/models/settings.ts'
import type { AiModelProfile } from '../../../shared/models/ai.ts'
import { createAnthropicSdk } from '../ai/ai-client.ts'
import type { KeyValueStore } from '../settings/settings-file.ts'
import { ChangeService } from './change-service.ts'

type Ctx = CallContext<EventMap>

export interface ChangeWiring {
  readonly settings: {
    resolveApiKey(): Promise<string | null>
    endpoint(): { readonly url: string }
    current(): { readonly ai: AiSettings }
    readonly keyValueStore: KeyValueStore
  }
  readonly repos: {
    info(input: { id: string }, ctx: Ctx): Promise<RepoView>
    scan(input: { id: string }, ctx: Ctx): Promise<ScanResult>
  }
  readonly sessions: { updateStep(input: { id: string; step: 'change'; payload: Partial<ChangePayload> }, ctx: Ctx): Promise<unknown> }
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  /** What the model can do (the ai domain's catalogue). */
  readonly modelProfile?: (model: string, signal: AbortSignal) => Promise<AiModelProfile>
}

/** The leader's environment for their tests, minus anything that would hand the test code our key. */
export function testEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^ANTHROPIC_|^GEMBA_/i.test(name)))
}

export function createChangeService(wiring: ChangeWiring): ChangeService {
  return new ChangeService({
    repos: {
      info: (id, ctx) => wiring.repos.info({ id }, ctx),
      // The scan's progress events belong to the repositories screen, not to this call.
      scan: (id, ctx) => wiring.repos.scan({ id }, { signal: ctx.signal, callId: `change-${ctx.callId}`, emit: () => undefined }),
    },
    ai: async () => {
      const ai = wiring.settings.current().ai
      return { apiKey: await wiring.settings.resolveApiKey(), endpoint: wiring.settings.endpoint().url, model: ai.model, sessionBudgetUsd: ai.sessionBudgetUsd }
    },
    createSdk: createAnthropicSdk,
    prefs: {
      get: (key) => wiring.settings.keyValueStore.get(key),
      set: (key, value) => wiring.settings.keyValueStore.set(key, value),
    },
    recordToSession: (sessionId, patch, ctx) => wiring.sessions.updateStep({ id: sessionId, step: 'change', payload: patch }, ctx),
    home: wiring.home,
    ...(wiring.env.XDG_CONFIG_HOME ? { xdgConfigHome: wiring.env.XDG_CONFIG_HOME } : {}),
    testEnv: testEnvironment(wiring.env),
    ...(wiring.modelProfile ? { modelProfile: wiring.modelProfile } : {}),
  })
}
