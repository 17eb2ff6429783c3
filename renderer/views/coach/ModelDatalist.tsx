// The models the configured key and endpoint offer (Anthropic's Models API), as suggestions for the
// Settings model field. When the list cannot be fetched (no key, offline) it says so quietly and the
// field stays free text.
import { useEffect, useState } from 'react'
import type { AiModelInfo } from '../../../shared/models/ai.ts'
import { errorData } from '../../bridge.ts'
import { gemba } from '../../app-stores.ts'

export function ModelDatalist(props: { id: string; endpoint: string; keySet: boolean }) {
  const [state, setState] = useState<{ models: readonly AiModelInfo[]; problem: string | null; for: string } | null>(null)
  const request = `${props.endpoint}|${props.keySet}`
  useEffect(() => {
    let current = true
    gemba
      .invoke('ai.models', {})
      .then((models) => current && setState({ models, problem: null, for: request }))
      .catch((error: unknown) => current && setState({ models: [], problem: errorData(error).message, for: request }))
    return () => {
      current = false
    }
  }, [request])
  const shown = state?.for === request ? state : null
  return (
    <>
      <datalist id={props.id}>
        {shown?.models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.displayName}
          </option>
        ))}
      </datalist>
      <span className="muted" data-testid="model-list-status">
        {shown === null
          ? 'Fetching the model list…'
          : shown.problem
            ? `Type a model id (the list is unavailable: ${shown.problem})`
            : `${shown.models.length} models offered at this endpoint; type or pick one.`}
      </span>
    </>
  )
}
