// The journal list: entries newest first, the filters and full-text search over them, the facets the
// filters offer, and the problems (unreadable files, entries waiting to be written). Follows
// 'journal.changed' so a save, an edit or a file changed by hand shows without a reload.
import { create, type StoreApi } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type {
  JournalEntrySummary,
  JournalFilter,
  JournalFlushResult,
  JournalProblemsView,
  JournalSearchHit,
} from '../../shared/models/journal.ts'
import { errorData } from '../bridge.ts'
import { journalFacets, type JournalFacets } from './journal-facets.ts'
import type { NavigationState } from './navigation-store.ts'
import { onFirstCall } from './on-first-call.ts'

export type JournalMode = 'list' | 'session' | 'summary' | 'rollup'

export interface JournalState {
  readonly loaded: boolean
  readonly error: GembaErrorData | null
  /** Every entry (for the facets and the empty state). */
  readonly all: readonly JournalEntrySummary[]
  readonly facets: JournalFacets
  readonly filter: JournalFilter
  /** The filtered list (when no search is running). */
  readonly entries: readonly JournalEntrySummary[]
  readonly query: string
  /** Search results for `query`; null when not searching. */
  readonly hits: readonly JournalSearchHit[] | null
  readonly searching: boolean
  readonly problems: JournalProblemsView
  readonly flushing: boolean
  readonly flushResult: JournalFlushResult | null
  readonly mode: JournalMode
  readonly selectedId: string | null
  /** The search under way, cancelled when a newer one starts. */
  readonly searchCall: AbortController | null
  load(): Promise<void>
  setFilter(patch: Partial<JournalFilter>): void
  clearFilters(): void
  setQuery(query: string): void
  flushPending(): Promise<void>
  open(id: string): void
  /** Goes to the journal from another screen and opens one entry there (the hour just finished). */
  openEntry(id: string): void
  show(mode: JournalMode): void
}

const NO_PROBLEMS: JournalProblemsView = { problems: [], pending: [] }
/** Typing pauses this long before the search runs. */
export const SEARCH_DELAY_MS = 180

/** Drops empty values so the channel gets only the filters that are set. */
function cleanFilter(filter: JournalFilter): JournalFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => typeof value === 'string' && value !== '')) as JournalFilter
}

/** The page's navigation, which the journal follows: choosing the Journal screen shows its list. */
type JournalNavigation = StoreApi<Pick<NavigationState, 'screen' | 'visits' | 'go'>>

export function createJournalStore(client: GembaApi, stores: { readonly navigation?: JournalNavigation } = {}) {
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  return create<JournalState>((set, get) => {
    stores.navigation?.subscribe((now, before) => {
      if (now.visits !== before.visits && now.screen === 'journal') set({ mode: 'list' })
    })

    const refreshList = async (): Promise<void> => {
      const filter = cleanFilter(get().filter)
      const filtered = Object.keys(filter).length > 0
      const [all, list, problems] = await Promise.all([
        client.invoke('journal.list', { limit: 5000 }),
        filtered ? client.invoke('journal.list', { filter, limit: 5000 }) : null,
        client.invoke('journal.problems', {}),
      ])
      set({
        loaded: true,
        error: null,
        all: all.entries,
        facets: journalFacets(all.entries),
        entries: list ? list.entries : all.entries,
        problems,
      })
    }

    const runSearch = async (): Promise<void> => {
      get().searchCall?.abort()
      const query = get().query.trim()
      if (query === '') {
        set({ hits: null, searching: false, searchCall: null })
        return
      }
      const controller = new AbortController()
      set({ searching: true, searchCall: controller })
      try {
        const result = await client.invoke(
          'journal.search',
          { query, filter: cleanFilter(get().filter), limit: 100 },
          { signal: controller.signal },
        )
        if (get().searchCall === controller) set({ hits: result.hits, searching: false, error: null, searchCall: null })
      } catch (error) {
        const data = errorData(error)
        if (data.code !== 'cancelled' && get().searchCall === controller) set({ searching: false, error: data, searchCall: null })
      }
    }

    const follow = onFirstCall(() => client.subscribe('journal.changed', () => void reload()))
    const reload = async (): Promise<void> => {
      try {
        await refreshList()
        if (get().query.trim() !== '') await runSearch()
      } catch (error) {
        set({ loaded: true, error: errorData(error) })
      }
    }

    return {
      loaded: false,
      error: null,
      all: [],
      facets: journalFacets([]),
      filter: {},
      entries: [],
      query: '',
      hits: null,
      searching: false,
      problems: NO_PROBLEMS,
      flushing: false,
      flushResult: null,
      mode: 'list',
      selectedId: null,
      searchCall: null,
      async load() {
        follow()
        await reload()
      },
      setFilter(patch) {
        set({ filter: { ...get().filter, ...patch } })
        void reload()
      },
      clearFilters() {
        set({ filter: {}, query: '', hits: null })
        void reload()
      },
      setQuery(query) {
        set({ query })
        clearTimeout(searchTimer)
        searchTimer = setTimeout(() => void runSearch(), SEARCH_DELAY_MS)
      },
      async flushPending() {
        set({ flushing: true, flushResult: null })
        try {
          const flushResult = await client.invoke('journal.flushPending', {})
          set({ flushing: false, flushResult })
          await reload()
        } catch (error) {
          set({ flushing: false, error: errorData(error) })
        }
      },
      open(id) {
        set({ mode: 'session', selectedId: id })
      },
      openEntry(id) {
        stores.navigation?.getState().go('journal')
        set({ mode: 'session', selectedId: id })
      },
      show(mode) {
        set({ mode })
      },
    }
  })
}
