// Which screen is showing. Mirrors the address's hash (#/settings) so a reload keeps the screen.
import { create } from 'zustand'

export const SCREENS = ['today', 'session', 'repos', 'journal', 'insights', 'settings'] as const
export type Screen = (typeof SCREENS)[number]

export const SCREEN_LABELS: Readonly<Record<Screen, string>> = {
  today: 'Today',
  session: 'Session',
  repos: 'Repositories',
  journal: 'Journal',
  insights: 'Insights',
  settings: 'Settings',
}

function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '')
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'today'
}

interface NavigationState {
  readonly screen: Screen
  go(screen: Screen): void
  syncFromLocation(): void
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: screenFromHash(window.location.hash),
  go(screen) {
    if (window.location.hash !== `#/${screen}`) window.history.pushState(null, '', `#/${screen}`)
    set({ screen })
  },
  syncFromLocation() {
    set({ screen: screenFromHash(window.location.hash) })
  },
}))
