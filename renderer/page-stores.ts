// Builds every store of the page with one API client, so a view can be rendered with stores built on
// a fake client (the component tests) exactly as the app builds them on the real one. Connects to
// nothing and reads no global: main.tsx connects once and passes the client in.
import type { GembaApi } from '../shared/api.ts'
import { createAppInfoStore } from './stores/app-info-store.ts'
import { createChangeStore } from './stores/change-store.ts'
import { createCheckoutStore } from './stores/checkout-store.ts'
import { createCoachStore, type CoachPorts } from './stores/coach-store.ts'
import { createFileViewerStore } from './stores/file-viewer-store.ts'
import { createInsightsStore } from './stores/insights-store.ts'
import { createJournalSessionStore } from './stores/journal-session-store.ts'
import { createJournalShareStore } from './stores/journal-share-store.ts'
import { createJournalStore } from './stores/journal-store.ts'
import { createNavigationStore, type AddressPort } from './stores/navigation-store.ts'
import { createPullRequestStore } from './stores/pull-request-store.ts'
import { createReposStore } from './stores/repos-store.ts'
import { createSessionRunnerStore } from './stores/session-runner-store.ts'
import { createSessionsStore } from './stores/sessions-store.ts'
import { createSettingsStore } from './stores/settings-store.ts'
import { createTestRunStore } from './stores/test-run-store.ts'
import { createVisitsStore } from './stores/visits-store.ts'

export interface PagePorts {
  /** The page's address (the window's, or one a test holds). */
  readonly address: AddressPort
  /** Mermaid's own check of a diagram (the browser's Mermaid in the app). */
  readonly validateMermaid: CoachPorts['validateMermaid']
}

export function createPageStores(client: GembaApi, ports: PagePorts) {
  const useNavigation = createNavigationStore(ports.address)
  const useRepos = createReposStore(client)
  const useSessionRunner = createSessionRunnerStore(client)
  return {
    useAppInfo: createAppInfoStore(client),
    useNavigation,
    useSettings: createSettingsStore(client),
    useRepos,
    useSessionRunner,
    useSessions: createSessionsStore(client, { navigation: useNavigation, repos: useRepos, runner: useSessionRunner }),
    useCoach: createCoachStore(client, { validateMermaid: ports.validateMermaid }),
    useChange: createChangeStore(client, { repos: useRepos }),
    useCheckouts: createCheckoutStore(client),
    useFileViewer: createFileViewerStore(client),
    useTestRun: createTestRunStore(client),
    usePullRequest: createPullRequestStore(client),
    useJournal: createJournalStore(client, { navigation: useNavigation }),
    useJournalSession: createJournalSessionStore(client),
    useJournalShare: createJournalShareStore(client),
    useInsights: createInsightsStore(client),
    useVisits: createVisitsStore(client),
  }
}

export type PageStores = ReturnType<typeof createPageStores>
