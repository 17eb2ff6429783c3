// Loads a screen's data when the screen is shown (the store's load action; stable, so once).
import { useEffect } from 'react'

export function useLoadOnShow(load: () => Promise<unknown>): void {
  useEffect(() => {
    void load()
  }, [load])
}
