// The shell: navigation on the left, the current screen on the right. Ctrl/⌘+1…5 switch screens;
// focus moves to the new screen's title so keyboard and screen-reader users land in the right place.
// Today paints with the shell; every other screen is loaded the first time it is opened.
import { lazy, Suspense, useEffect, useRef, useSyncExternalStore, type ComponentType } from 'react'
import { SCREENS, SCREEN_LABELS, type Screen } from './stores/navigation-store.ts'
import { ReminderBanner } from './views/today/ReminderBanner.tsx'
import { TodayView } from './views/today/TodayView.tsx'
import type { PageConnection } from './bridge.ts'
import { focusWhenShown } from './components/focus-when-shown.ts'
import { useStores } from './stores-context.tsx'

const VIEWS: Readonly<Record<Screen, ComponentType>> = {
  today: TodayView,
  session: lazy(() => import('./views/session/SessionView.tsx').then((module) => ({ default: module.SessionView }))),
  repos: lazy(() => import('./views/repos/ReposView.tsx').then((module) => ({ default: module.ReposView }))),
  journal: lazy(() => import('./views/journal/JournalView.tsx').then((module) => ({ default: module.JournalView }))),
  insights: lazy(() => import('./views/insights/InsightsView.tsx').then((module) => ({ default: module.InsightsView }))),
  settings: lazy(() => import('./views/settings/SettingsView.tsx').then((module) => ({ default: module.SettingsView }))),
}

const ICONS: Readonly<Record<Screen, string>> = {
  today: 'M4 5h16v15H4z M4 9h16 M8 3v4 M16 3v4',
  session: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 7v5l3 2',
  repos: 'M6 3v12 M18 9a3 3 0 1 0 0-6a3 3 0 1 0 0 6 M6 21a3 3 0 1 0 0-6a3 3 0 1 0 0 6 M18 9c0 6-12 3-12 9',
  journal: 'M6 3h11a1 1 0 0 1 1 1v16H7a2 2 0 0 1-2-2V4a1 1 0 0 1 1-1z M9 7h6 M9 11h6',
  insights: 'M4 20V10 M10 20V4 M16 20v-7 M22 20H2',
  settings:
    'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8 M12 2v3 M12 19v3 M2 12h3 M19 12h3 M4.9 4.9l2.1 2.1 M17 17l2.1 2.1 M4.9 19.1L7 17 M17 7l2.1-2.1',
}

export function App(props: { connection: Pick<PageConnection, 'problem' | 'onProblem'> }) {
  const { connection } = props
  const { useAppInfo, useNavigation } = useStores()
  const screen = useNavigation((state) => state.screen)
  const go = useNavigation((state) => state.go)
  const syncFromLocation = useNavigation((state) => state.syncFromLocation)
  const problem = useSyncExternalStore(connection.onProblem, connection.problem)
  const loadInfo = useAppInfo((state) => state.load)
  useEffect(() => {
    void loadInfo()
  }, [loadInfo])

  useEffect(() => {
    const onPop = (): void => syncFromLocation()
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      const index = Number(event.key) - 1
      const target = SCREENS[index]
      if (target) {
        event.preventDefault()
        go(target)
      }
    }
    window.addEventListener('popstate', onPop)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('popstate', onPop)
      window.removeEventListener('keydown', onKey)
    }
  }, [go, syncFromLocation])

  const firstScreen = useRef(true)
  useEffect(() => {
    document.title = `${SCREEN_LABELS[screen]} · Gemba`
    // Every screen opens at its top, never where the last one was scrolled to.
    document.getElementById('main')?.scrollTo({ top: 0 })
    // On a screen change, not on first load (where the skip link should stay the first stop); a screen
    // loaded when first opened, or still reading what it shows, has its title a moment later.
    const first = firstScreen.current
    firstScreen.current = false
    return first ? undefined : focusWhenShown('page-title')
  }, [screen])

  if (problem) return <ConnectionProblem kind={problem} />
  const View = VIEWS[screen]
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <img src="./favicon.svg" alt="" width={24} height={24} />
          <span>Gemba</span>
        </div>
        <ul>
          {SCREENS.map((name, index) => (
            <li key={name}>
              <a
                href={`#/${name}`}
                className={`nav-link ${name === screen ? 'nav-link--active' : ''}`}
                aria-current={name === screen ? 'page' : undefined}
                title={`${SCREEN_LABELS[name]} (Ctrl+${index + 1})`}
                onClick={(event) => {
                  event.preventDefault()
                  go(name)
                }}
              >
                <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                  <path d={ICONS[name]} />
                </svg>
                {SCREEN_LABELS[name]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main">
        <ReminderBanner />
        <Suspense
          fallback={
            <p className="muted screen-loading" role="status">
              Loading…
            </p>
          }
        >
          <View />
        </Suspense>
      </main>
    </div>
  )
}

function ConnectionProblem(props: { kind: 'no_token' | 'unauthorised' }) {
  return (
    <main className="connection-problem">
      <h1>Gemba can’t reach its backend from this page</h1>
      <p>
        {props.kind === 'no_token'
          ? 'This page was opened without its access token.'
          : 'The access token of this page is no longer valid (Gemba was probably restarted).'}
      </p>
      <p>
        Open the address that <code>npm run web</code> printed in the terminal; it carries a fresh token.
      </p>
    </main>
  )
}
