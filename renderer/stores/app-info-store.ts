// What the app is (desktop or browser mode, version), loaded once.
import { create } from 'zustand'
import type { AppInfo } from '../../shared/channels/system.ts'
import { gemba } from '../bridge.ts'

interface AppInfoState {
  readonly info: AppInfo | null
  load(): Promise<void>
}

export const useAppInfo = create<AppInfoState>((set, get) => ({
  info: null,
  async load() {
    if (get().info) return
    try {
      set({ info: await gemba.invoke('system.info', {}) })
    } catch {
      // Without it the app assumes browser mode (a path field instead of the folder picker).
    }
  },
}))
