// Claude for the small change: a runtime per piece of work (a client for the Settings of the moment
// and the session's one spending record), or null without a key; and the handlers that turn a
// conversation's callbacks into the work's change.agent and change.usage progress.
import type { AiModelProfile } from '../../../../shared/models/ai.ts'
import { AiClient, type AiClientOptions, type AiRuntimeSettings, type SdkFactory } from '../../ai/index.ts'
import type { Progress } from '../../events-port.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { SpendingOwner, SpendingPort } from '../../sessions/index.ts'
import type { AiRuntime, ChangeHandlers } from './change-conversations.ts'
import type { ChangeDraft } from '../drafts/change-draft.ts'

export interface ChangeRuntimeDeps {
  readonly settings: () => Promise<AiRuntimeSettings>
  readonly createSdk: SdkFactory
  readonly spending: SpendingPort
  readonly redactor: Redactor
  /** What the model can do (the Models API); without it the agent neither thinks nor caches for the hour. */
  readonly modelProfile?: ((model: string, signal: AbortSignal) => Promise<AiModelProfile>) | undefined
  readonly clientOptions?:
    Pick<AiClientOptions, 'sleep' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'maxRetries' | 'maxAutoWaitSeconds'> | undefined
}

export class ChangeRuntimes {
  readonly #deps: ChangeRuntimeDeps

  constructor(deps: ChangeRuntimeDeps) {
    this.#deps = deps
  }

  /** Claude for one call that spends `owner`'s budget; null without an API key. */
  async runtime(owner: SpendingOwner, signal: AbortSignal): Promise<AiRuntime | null> {
    const settings = await this.#deps.settings()
    if (!settings.apiKey) return null
    const profile = await this.#deps.modelProfile?.(settings.model, signal)
    const client = new AiClient({
      createSdk: this.#deps.createSdk,
      apiKey: settings.apiKey,
      baseURL: settings.endpoint,
      ...this.#deps.clientOptions,
    })
    return {
      client,
      model: settings.model,
      spending: this.#deps.spending.open(owner),
      redactor: this.#deps.redactor,
      ...(profile ? { profile } : {}),
    }
  }
}

/** The work's progress; `draft` (the agent's turns) also keeps the activity for the draft's view. */
export function changeHandlers(progress: Progress, draftId: string | null, sessionId: string | null, draft?: ChangeDraft): ChangeHandlers {
  const agentDraft = draftId ?? 'propose'
  return {
    onUsage: (call) => progress.report('change.usage', { draftId, sessionId, ...call }),
    onText: (text) => progress.report('change.agent', { draftId: agentDraft, kind: 'text', text }),
    onActivity: (activity) => {
      draft?.activity.push(activity)
      progress.report('change.agent', {
        draftId: agentDraft,
        kind: activity.kind === 'refused' ? 'refused' : 'tool',
        text: activity.text,
      })
    },
  }
}
