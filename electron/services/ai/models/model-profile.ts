// How Gemba uses one model: from its Models API entry when the endpoint listed it, else from the
// Claude family it belongs to, else assumed plain (no citations, no thinking, the default 5-minute
// cache). Also the choices that follow from it: the default context budget (a share of the context
// window, bounded by what each call costs) and how the change agent thinks while it plans.
import type { AiModelInfo, AiModelProfile, EffortLevel } from '../../../../shared/models/ai.ts'
import { knownFamily } from './known-models.ts'

/** Without a window to go by, and the most the automatic budget takes: every call pays for it. */
export const AUTO_CONTEXT_CAP_TOKENS = 40_000
const MIN_CONTEXT_TOKENS = 8_000
/** The repository context takes at most this share of the window, leaving room for the conversation. */
const WINDOW_SHARE = 0.2

export function modelProfile(model: string, listed: AiModelInfo | undefined): AiModelProfile {
  const family = knownFamily(model)
  if (listed?.capabilities) {
    return {
      model,
      displayName: listed.displayName,
      contextWindow: listed.contextWindow ?? family?.contextWindow ?? null,
      maxOutputTokens: listed.maxOutputTokens ?? family?.maxOutputTokens ?? null,
      capabilities: listed.capabilities,
      prefixCacheTtl: '1h',
      source: 'models_api',
    }
  }
  if (family) {
    return {
      model,
      displayName: listed?.displayName ?? null,
      contextWindow: listed?.contextWindow ?? family.contextWindow,
      maxOutputTokens: listed?.maxOutputTokens ?? family.maxOutputTokens,
      capabilities: family.capabilities,
      prefixCacheTtl: '1h',
      source: 'built_in',
    }
  }
  // A local or gateway model Gemba does not know: only what every Anthropic-compatible server accepts.
  return {
    model,
    displayName: listed?.displayName ?? null,
    contextWindow: listed?.contextWindow ?? null,
    maxOutputTokens: listed?.maxOutputTokens ?? null,
    capabilities: { citations: false, adaptiveThinking: false, effortLevels: [] },
    prefixCacheTtl: '5m',
    source: 'assumed',
  }
}

export interface ContextBudget {
  readonly tokens: number
  /** setting: the leader chose it; model: a share of the model's window; default: no window known. */
  readonly source: 'setting' | 'model' | 'default'
}

/** The leader's budget when set (never more than half the window), else a share of the window. */
export function contextBudgetFor(profile: Pick<AiModelProfile, 'contextWindow'>, setting: number | null): ContextBudget {
  const window = profile.contextWindow
  if (setting !== null) return { tokens: window ? Math.min(setting, Math.floor(window / 2)) : setting, source: 'setting' }
  if (!window) return { tokens: AUTO_CONTEXT_CAP_TOKENS, source: 'default' }
  const share = Math.round((window * WINDOW_SHARE) / 1000) * 1000
  return { tokens: Math.max(MIN_CONTEXT_TOKENS, Math.min(AUTO_CONTEXT_CAP_TOKENS, share)), source: 'model' }
}

/** Effort for the agent's planning: medium (a small change, in a timeboxed hour) where offered. */
export function planningEffort(profile: Pick<AiModelProfile, 'capabilities'>): EffortLevel | null {
  const levels = profile.capabilities.effortLevels
  return (['medium', 'high', 'low'] as const).find((level) => levels.includes(level)) ?? null
}
