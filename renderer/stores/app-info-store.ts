// What the app is (desktop or browser mode, version), loaded once.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { AppInfo } from '../../shared/channels/system.ts'

export interface AppInfoState {
  readonly info: AppInfo | null
  load(): Promise<void>
}

export function createAppInfoStore(client: GembaApi) {
  return create<AppInfoState>((set, get) => ({
    info: null,
    async load() {
      if (get().info) return
      try {
        set({ info: await client.invoke('system.info', {}) })
      } catch {
        // Without it the app assumes browser mode (a path field instead of the folder picker).
      }
    },
  }))
}
