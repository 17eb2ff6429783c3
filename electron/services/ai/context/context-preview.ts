// "What will be sent": the stable prefix a coach thread would start from, shown before anything is
// sent (its size Gemba's estimate or, when the leader asks, Anthropic's count), and the per-repository
// scope and patterns that shape it. Counting sends the prefix to Anthropic's token counter, and only
// when asked; nothing else leaves the machine.
import type { AiContextPreview, AiPurpose, RepoContextSettings } from '../../../../shared/models/ai.ts'
import type { AiRuntimeSettings } from '../ai-settings.ts'
import type { AiClient } from '../client/ai-client.ts'
import { estimateCostUsd } from '../client/pricing.ts'
import { prefixText } from '../conversation/stable-prefix.ts'
import { prefixTokens, type SetUpThread } from '../threads/thread-setup.ts'
import type { ContextSettingsStore } from './context-settings-store.ts'

export interface ContextPreviewDeps {
  readonly client: (settings: AiRuntimeSettings) => AiClient
  readonly setup: SetUpThread
  readonly contextSettings: ContextSettingsStore
  /** The scope normalised and checked to be inside the repository, or null. */
  readonly checkedScope: (repoId: string, scope: string | null | undefined) => Promise<string | null>
}

export class ContextPreview {
  readonly #deps: ContextPreviewDeps

  constructor(deps: ContextPreviewDeps) {
    this.#deps = deps
  }

  async preview(
    input: { repoId: string; purpose: AiPurpose; scope?: string | undefined; count?: boolean | undefined },
    signal: AbortSignal,
  ): Promise<AiContextPreview> {
    const { settings, scope, setup } = await this.#deps.setup(input, signal)
    const { context, prefix } = setup
    // Counting sends the text to Anthropic's token counter: only when the leader asks for it.
    const counted = await prefixTokens(input.count && settings.apiKey ? this.#deps.client(settings) : null, settings.model, prefix, signal)
    const countProblem =
      !input.count || counted.source === 'counted'
        ? null
        : settings.apiKey
          ? 'Anthropic’s token counter could not be reached.'
          : 'No API key is set.'
    const tokens = counted.tokens
    const packed = context.packed
    return {
      repoId: input.repoId,
      purpose: input.purpose,
      model: settings.model,
      scope: packed?.scope ?? scope,
      headCommit: context.snapshot.commit,
      text: prefixText(prefix),
      tokens,
      tokensSource: counted.source,
      countProblem,
      budgetTokens: packed?.budgetTokens ?? setup.budget.tokens,
      budgetSource: setup.budget.source,
      estimatedCostUsd: estimateCostUsd(settings.model, tokens, 1500, setup.parts.cacheTtl),
      citations: setup.parts.citations ?? false,
      prefixCacheTtl: setup.parts.cacheTtl ?? '5m',
      memory: setup.memory,
      files: packed?.files ?? context.manifest.files.map((file) => ({ ...file, form: 'whole' as const })),
      redactions: context.manifest.redactions,
      excluded: context.manifest.excluded,
      treeSummarised: packed?.treeSummarised ?? false,
      omittedKeyFiles: packed?.omittedKeyFiles ?? 0,
    }
  }

  async settingsOf(repoId: string): Promise<RepoContextSettings> {
    return this.#deps.contextSettings.get(repoId)
  }

  async setSettings(input: { repoId: string } & RepoContextSettings): Promise<RepoContextSettings> {
    const { repoId, include, exclude } = input
    const scope = await this.#deps.checkedScope(repoId, input.scope)
    return this.#deps.contextSettings.set(repoId, { scope, include: [...new Set(include)], exclude: [...new Set(exclude)] })
  }
}
