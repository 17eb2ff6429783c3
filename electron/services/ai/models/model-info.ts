// The Models API's ModelInfo as Gemba keeps it: id and name, the context window, the output limit, and
// the three capabilities Gemba acts on (citations of search results, adaptive thinking, effort levels).
// Pure mapping; tolerant of a gateway that lists models without capabilities.
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models'
import type { AiModelCapabilities, AiModelInfo, EffortLevel } from '../../../../shared/models/ai.ts'

const LEVELS: readonly EffortLevel[] = ['low', 'medium', 'high', 'xhigh', 'max']

type Listed = Pick<ModelInfo, 'id' | 'display_name' | 'created_at'> &
  Partial<Pick<ModelInfo, 'capabilities' | 'max_input_tokens' | 'max_tokens'>>

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null
}

export function capabilitiesOf(capabilities: ModelInfo['capabilities'] | undefined): AiModelCapabilities | null {
  if (!capabilities || typeof capabilities !== 'object') return null
  const effort = capabilities.effort as unknown as Record<string, { supported?: boolean } | null> | undefined
  return {
    citations: capabilities.citations?.supported === true,
    adaptiveThinking: capabilities.thinking?.supported === true && capabilities.thinking.types?.adaptive?.supported === true,
    effortLevels:
      effort && (effort as { supported?: boolean }).supported === true ? LEVELS.filter((level) => effort[level]?.supported === true) : [],
  }
}

export function toModelInfo(model: Listed): AiModelInfo {
  return {
    id: model.id,
    displayName: model.display_name,
    createdAt: model.created_at || null,
    contextWindow: positive(model.max_input_tokens),
    maxOutputTokens: positive(model.max_tokens),
    capabilities: capabilitiesOf(model.capabilities),
  }
}
