// What Gemba knows of Claude's model families when the Models API cannot be asked (offline, a gateway
// without it, a key that may not list models): context window, output limit and capabilities, from
// Anthropic's public model pages. Deliberately conservative; an unknown model is assumed to support
// none of the optional features, so a request never carries what the server may refuse.
import type { AiModelCapabilities, EffortLevel } from '../../../../shared/models/ai.ts'

export interface KnownFamily {
  readonly name: string
  readonly pattern: RegExp
  readonly contextWindow: number
  readonly maxOutputTokens: number
  readonly capabilities: AiModelCapabilities
}

const EFFORT: readonly EffortLevel[] = ['low', 'medium', 'high', 'max']
const full: AiModelCapabilities = { citations: true, adaptiveThinking: true, effortLevels: EFFORT }
const citationsOnly: AiModelCapabilities = { citations: true, adaptiveThinking: false, effortLevels: [] }

// Order matters: the first matching family wins.
export const KNOWN_FAMILIES: readonly KnownFamily[] = [
  { name: 'Fable/Mythos', pattern: /(fable|mythos)/, contextWindow: 1_000_000, maxOutputTokens: 128_000, capabilities: full },
  { name: 'Opus/Sonnet 5', pattern: /(opus|sonnet)-5/, contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: full },
  { name: 'Opus/Sonnet 4.6+', pattern: /(opus|sonnet)-4-[6-9]/, contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: full },
  {
    name: 'Opus 4.5',
    pattern: /opus-4-5/,
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    capabilities: { ...citationsOnly, effortLevels: ['low', 'medium', 'high'] },
  },
  { name: 'Haiku 4.5+', pattern: /haiku-(4-[5-9]|5)/, contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: citationsOnly },
  { name: 'Claude 4', pattern: /(opus|sonnet)-4/, contextWindow: 200_000, maxOutputTokens: 32_000, capabilities: citationsOnly },
  { name: 'Claude 3.5/3.7', pattern: /3-[57]-(sonnet|haiku)/, contextWindow: 200_000, maxOutputTokens: 8_192, capabilities: citationsOnly },
  {
    name: 'Claude 3',
    pattern: /claude-3/,
    contextWindow: 200_000,
    maxOutputTokens: 4_096,
    capabilities: { citations: false, adaptiveThinking: false, effortLevels: [] },
  },
]

export function knownFamily(model: string): KnownFamily | null {
  const id = model.toLowerCase()
  return KNOWN_FAMILIES.find((family) => family.pattern.test(id)) ?? null
}
