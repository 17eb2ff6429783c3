// The models the configured key and endpoint offer (Anthropic's Models API), as suggestions for the
// Settings model field. When the list cannot be fetched (no key, offline) it says so quietly and the
// field stays free text.
import { useEffect } from 'react'
import { useStores } from '../../stores-context.tsx'

export function ModelDatalist(props: { id: string; endpoint: string; keySet: boolean }) {
  const { useSettings } = useStores()
  const loadModels = useSettings((state) => state.loadModels)
  const models = useSettings((state) => state.models)
  const request = `${props.endpoint}|${props.keySet}`
  // Another key or endpoint, or the field gone: the list still being read is cancelled.
  useEffect(() => loadModels(request), [loadModels, request])
  const shown = models?.for === request ? models : null
  return (
    <>
      <datalist id={props.id}>
        {shown?.list.map((model) => (
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
            : `${shown.list.length} models offered at this endpoint; type or pick one.`}
      </span>
    </>
  )
}
