// Which screen is showing. Mirrors the address's hash (#/settings) so a reload keeps the screen; the
// address comes in as a port (the window's location and history on the page, a fake in tests).
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

export interface NavigationState {
  readonly screen: Screen
  /**
   * Counts every go(), to the screen shown too: a screen with parts of its own (the journal's entry)
   * starts over when it is chosen again, from the side bar or its shortcut.
   */
  readonly visits: number
  go(screen: Screen): void
  syncFromLocation(): void
}

/** The page's address: its hash, and a new history entry for another one. */
export interface AddressPort {
  hash(): string
  push(hash: string): void
}

export function windowAddress(): AddressPort {
  return { hash: () => window.location.hash, push: (hash) => window.history.pushState(null, '', hash) }
}

export function createNavigationStore(address: AddressPort) {
  return create<NavigationState>((set, get) => ({
    screen: screenFromHash(address.hash()),
    visits: 0,
    go(screen) {
      if (address.hash() !== `#/${screen}`) address.push(`#/${screen}`)
      set({ screen, visits: get().visits + 1 })
    },
    syncFromLocation() {
      set({ screen: screenFromHash(address.hash()) })
    },
  }))
}
