// What Gemba makes of the model in the Settings field: its context window and what it can do (from
// the Models API, or what Gemba knows of its family when the list cannot be had), and the repository
// context budget that follows when the budget is automatic. Quiet while it asks; never blocks saving.
import { useEffect } from 'react'
import type { AiModelChoice } from '../../../shared/models/ai.ts'
import { modelChoiceKey } from '../../stores/settings-store.ts'
import { useStores } from '../../stores-context.tsx'
import { formatWindow } from '../coach/format-usage.ts'

const SOURCE = {
  models_api: 'from the Models API',
  built_in: 'what Gemba knows of this model family (the model list could not be read)',
  assumed: 'a model Gemba does not know: no citations, no thinking, a 5-minute cache',
} as const

export function useModelChoice(model: string, contextTokens: number | null): AiModelChoice | null {
  const { useSettings } = useStores()
  const checkModel = useSettings((state) => state.checkModel)
  const choice = useSettings((state) => state.modelChoice)
  // Typing on, or the field gone: the wait or the question under way is cancelled.
  useEffect(() => checkModel(model, contextTokens), [checkModel, model, contextTokens])
  return choice?.for === modelChoiceKey(model, contextTokens) ? choice.value : null
}

export function ModelFacts(props: { choice: AiModelChoice | null }) {
  const profile = props.choice?.profile
  if (!profile) return null
  const can = [
    profile.capabilities.citations
      ? 'cites the repository line by line'
      : 'cannot cite search results (citations checked by path and line)',
    profile.capabilities.adaptiveThinking ? 'thinks adaptively while the small-change agent plans' : null,
    profile.prefixCacheTtl === '1h' ? 'keeps the repository cached for an hour' : 'keeps the repository cached for five minutes',
  ].filter(Boolean)
  return (
    <p className="muted" data-testid="model-facts">
      {profile.displayName ?? profile.model}: {profile.contextWindow ? `${formatWindow(profile.contextWindow)}-token context window; ` : ''}
      {can.join('; ')} ({SOURCE[profile.source]}).
    </p>
  )
}
