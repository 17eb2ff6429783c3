// The repositories the leader added (and what adding one did), the browser-mode folder picker, and
// the offline tour of the selected one, with the files and folders it names that the repository has
// (they open in the read-only viewer, no AI needed). Follows its own scan through 'repos.scanProgress'
// events (matched by call id) and can cancel it.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { FolderListing, FolderSuggestions, RepoAddNotice, RepoTour, RepoView, ScanProgress } from '../../shared/models/repos.ts'
import { errorData } from '../bridge.ts'
import { tourPaths } from './tour-paths.ts'

interface TourState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error' | 'cancelled'
  readonly tour: RepoTour | null
  /** The paths the tour names that the repository has, as they are on disk (file or folder): each opens in the viewer. */
  readonly files: Readonly<Record<string, 'file' | 'folder'>>
  readonly progress: Pick<ScanProgress, 'phase' | 'done' | 'total'> | null
  readonly error: GembaErrorData | null
  readonly callId: string | null
  /** The scan or tour under way, which Cancel aborts. */
  readonly controller: AbortController | null
}

export interface ReposState {
  readonly repos: readonly RepoView[]
  readonly loaded: boolean
  readonly listError: GembaErrorData | null
  readonly adding: boolean
  readonly addError: GembaErrorData | null
  /** What the last add did when it was not a plain addition (already there, inside one, a worktree). */
  readonly addNotice: RepoAddNotice | null
  /** The browser-mode folder picker: closed (null), or where it is and what it shows. */
  readonly picker: FolderPicker | null
  readonly selectedId: string | null
  readonly tours: Readonly<Record<string, TourState>>
  load(): Promise<void>
  /** Reads one repository again (its branch and git state after a change landed, or git finished something). */
  refresh(id: string): Promise<void>
  add(path: string): Promise<boolean>
  pickFolder(): Promise<string | null>
  /** Opens the browser-mode picker: suggestions, and the home folder's folders. */
  openPicker(): Promise<void>
  browse(path?: string): Promise<void>
  closePicker(): void
  remove(id: string): Promise<void>
  select(id: string | null): void
  loadTour(id: string, force?: boolean): Promise<void>
  cancelTour(id: string): void
}

export interface FolderPicker {
  readonly listing: FolderListing | null
  readonly suggestions: FolderSuggestions | null
  readonly loading: boolean
  readonly error: GembaErrorData | null
}

const EMPTY_TOUR: TourState = { status: 'idle', tour: null, files: {}, progress: null, error: null, callId: null, controller: null }

/** Checks per call, as the citation checker takes them. */
const CHECK_BATCH = 300

export function createReposStore(client: GembaApi) {
  return create<ReposState>((set, get) => {
    const patchTour = (id: string, patch: Partial<TourState>): void =>
      set({ tours: { ...get().tours, [id]: { ...(get().tours[id] ?? EMPTY_TOUR), ...patch } } })

    /** Which paths the tour names the repository has (checked as citations are); a failed check links none. */
    const findTourFiles = async (id: string, tour: RepoTour, signal: AbortSignal): Promise<void> => {
      const paths = tourPaths(tour.markdown)
      const files: Record<string, 'file' | 'folder'> = {}
      try {
        for (let start = 0; start < paths.length; start += CHECK_BATCH) {
          const citations = paths.slice(start, start + CHECK_BATCH).map((path) => ({ path }))
          const checks = await client.invoke('ai.verifyCitations', { repoId: id, citations }, { signal })
          for (const check of checks) if (check.status === 'verified' && check.kind) files[check.path] = check.kind
        }
      } catch {
        return
      }
      if (get().tours[id]?.tour === tour) patchTour(id, { files })
    }

    // A change landed, the clone went back, a Gemba branch came or went: the repository's branch changed.
    client.subscribe('change.checkout', (event) => {
      if (get().repos.some((repo) => repo.id === event.repoId)) void get().refresh(event.repoId)
    })

    client.subscribe('repos.scanProgress', (progress) => {
      const entry = Object.entries(get().tours).find(([, tour]) => tour.callId === progress.callId)
      if (entry) patchTour(entry[0], { progress: { phase: progress.phase, done: progress.done, total: progress.total } })
    })

    return {
      repos: [],
      loaded: false,
      listError: null,
      adding: false,
      addError: null,
      addNotice: null,
      picker: null,
      selectedId: null,
      tours: {},
      async load() {
        try {
          const repos = await client.invoke('repos.list', {})
          const selectedId = get().selectedId ?? repos[0]?.id ?? null
          set({ repos, loaded: true, listError: null, selectedId })
        } catch (error) {
          set({ loaded: true, listError: errorData(error) })
        }
      },
      async refresh(id) {
        if (!get().repos.some((repo) => repo.id === id)) return
        try {
          const repo = await client.invoke('repos.info', { id })
          set({ repos: get().repos.map((existing) => (existing.id === id ? repo : existing)) })
        } catch (error) {
          set({ listError: errorData(error) })
        }
      },
      async add(path) {
        set({ adding: true, addError: null, addNotice: null })
        try {
          const { notice, ...repo } = await client.invoke('repos.add', { path })
          const known = get().repos.some((r) => r.id === repo.id)
          const repos = known ? get().repos.map((r) => (r.id === repo.id ? repo : r)) : [...get().repos, repo]
          set({ repos, adding: false, selectedId: repo.id, addNotice: notice, picker: null })
          if ((get().tours[repo.id]?.status ?? 'idle') === 'idle') void get().loadTour(repo.id)
          return true
        } catch (error) {
          set({ adding: false, addError: errorData(error) })
          return false
        }
      },
      async pickFolder() {
        try {
          const { path } = await client.invoke('system.pickFolder', { title: 'Choose a team’s repository' })
          return path
        } catch {
          return null
        }
      },
      async openPicker() {
        set({ picker: { listing: null, suggestions: null, loading: true, error: null } })
        const [suggestions] = await Promise.all([client.invoke('repos.suggestions', {}).catch(() => null), get().browse()])
        const picker = get().picker
        if (picker) set({ picker: { ...picker, suggestions } })
      },
      async browse(path) {
        const current = get().picker ?? { listing: null, suggestions: null, loading: false, error: null }
        set({ picker: { ...current, loading: true, error: null } })
        try {
          const listing = await client.invoke('repos.folders', path === undefined ? {} : { path })
          const picker = get().picker
          if (picker) set({ picker: { ...picker, listing, loading: false } })
        } catch (error) {
          const picker = get().picker
          if (picker) set({ picker: { ...picker, loading: false, error: errorData(error) } })
        }
      },
      closePicker() {
        set({ picker: null })
      },
      async remove(id) {
        try {
          await client.invoke('repos.remove', { id })
          const repos = get().repos.filter((repo) => repo.id !== id)
          const { [id]: _removed, ...tours } = get().tours
          set({ repos, tours, selectedId: get().selectedId === id ? (repos[0]?.id ?? null) : get().selectedId })
        } catch (error) {
          set({ listError: errorData(error) })
        }
      },
      select(id) {
        set({ selectedId: id })
        if (id && (get().tours[id]?.status ?? 'idle') === 'idle') void get().loadTour(id)
      },
      async loadTour(id, force = false) {
        get().tours[id]?.controller?.abort()
        const controller = new AbortController()
        const callId = crypto.randomUUID()
        patchTour(id, { status: 'loading', error: null, progress: null, callId, controller })
        try {
          if (force) await client.invoke('repos.scan', { id, force: true }, { signal: controller.signal, callId })
          const tour = await client.invoke(
            'repos.tour',
            { id },
            { signal: controller.signal, callId: force ? crypto.randomUUID() : callId },
          )
          if (get().tours[id]?.controller !== controller) return
          patchTour(id, { status: 'ready', tour, files: {}, callId: null, controller: null })
          await findTourFiles(id, tour, controller.signal)
        } catch (error) {
          const data = errorData(error)
          if (get().tours[id]?.controller === controller)
            patchTour(id, { status: data.code === 'cancelled' ? 'cancelled' : 'error', error: data, callId: null, controller: null })
        }
      },
      cancelTour(id) {
        get().tours[id]?.controller?.abort()
      },
    }
  })
}
