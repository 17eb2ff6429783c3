// Shown before anything is tried when no API key is set: where to add one, and that the offline
// tour and diagram work meanwhile.
import { useEffect } from 'react'
import { useStores } from '../../stores-context.tsx'

export function useHasApiKey(): boolean | null {
  const { useSettings } = useStores()
  const view = useSettings((state) => state.view)
  const load = useSettings((state) => state.load)
  useEffect(() => {
    if (!view) void load()
  }, [view, load])
  return view ? view.apiKey.set : null
}

export function NoKeyNotice() {
  const { useNavigation } = useStores()
  const go = useNavigation((state) => state.go)
  return (
    <div className="notice notice--warning" role="status">
      <p className="notice__message">
        <strong>No API key yet.</strong> Claude needs an Anthropic API key (in Settings, or ANTHROPIC_API_KEY).
      </p>
      <p className="notice__next">Meanwhile, here is what Gemba computes from the repository on its own.</p>
      <button type="button" className="button" onClick={() => go('settings')}>
        Add a key in Settings
      </button>
    </div>
  )
}
