// The page's composition root: connects to the backend once (bridge.ts) and builds every store with
// that one client, so each store can be built with a fake client in a test. Views take their stores
// (and, for the few calls no store owns, the client) from here.
import { connectPage } from './bridge.ts'
import { createAppInfoStore } from './stores/app-info-store.ts'
import { createChangeStore } from './stores/change-store.ts'
import { createCheckoutStore } from './stores/checkout-store.ts'
import { createCoachStore } from './stores/coach-store.ts'
import { createInsightsStore } from './stores/insights-store.ts'
import { createJournalSessionStore } from './stores/journal-session-store.ts'
import { createJournalShareStore } from './stores/journal-share-store.ts'
import { createJournalStore } from './stores/journal-store.ts'
import { createNavigationStore, windowAddress } from './stores/navigation-store.ts'
import { createReposStore } from './stores/repos-store.ts'
import { createSessionRunnerStore } from './stores/session-runner-store.ts'
import { createSessionsStore } from './stores/sessions-store.ts'
import { createSettingsStore } from './stores/settings-store.ts'
import { createTestRunStore } from './stores/test-run-store.ts'
import { validateMermaid } from './views/coach/validate-mermaid.ts'

export const connection = connectPage()
export const gemba = connection.client

export const useAppInfo = createAppInfoStore(gemba)
export const useNavigation = createNavigationStore(windowAddress())
export const useSettings = createSettingsStore(gemba)
export const useRepos = createReposStore(gemba)
export const useSessionRunner = createSessionRunnerStore(gemba)
export const useSessions = createSessionsStore(gemba, { navigation: useNavigation, repos: useRepos, runner: useSessionRunner })
export const useCoach = createCoachStore(gemba, { validateMermaid })
export const useChange = createChangeStore(gemba, { repos: useRepos })
export const useCheckouts = createCheckoutStore(gemba)
export const useTestRun = createTestRunStore(gemba)
export const useJournal = createJournalStore(gemba)
export const useJournalSession = createJournalSessionStore(gemba)
export const useJournalShare = createJournalShareStore(gemba)
export const useInsights = createInsightsStore(gemba)
