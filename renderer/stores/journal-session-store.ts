// One session under review: its file as the journal reads it, how much of the code it cited has
// changed since (drift), the session a quarter before it, and the reflection edit (the only edit
// the review allows). Saves are explicit and the saved state is always visible. Its citations open
// the read-only file viewer in the session's repository while that repository is still listed.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { JournalDriftView, JournalEntrySummary, JournalSessionView } from '../../shared/models/journal.ts'
import { errorData } from '../bridge.ts'
import type { ViewerTarget } from './coach-store.ts'
import { citedRepository, type CitedRepository } from './cited-repository.ts'
import { onFirstCall } from './on-first-call.ts'

export type ReflectionSave = 'idle' | 'saving' | 'saved' | 'error'

export interface JournalSessionState {
  readonly id: string | null
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly view: JournalSessionView | null
  readonly error: GembaErrorData | null
  readonly drift: JournalDriftView | null
  readonly driftLoading: boolean
  readonly lookBack: JournalEntrySummary | null
  /** Where the citations open; null while the repository list is being read. */
  readonly cited: CitedRepository | null
  readonly viewer: ViewerTarget | null
  readonly editing: boolean
  readonly draft: string
  readonly save: ReflectionSave
  readonly savedAt: string | null
  readonly saveError: GembaErrorData | null
  /** The load under way (the file and its extras), cancelled when another session is opened. */
  readonly loadCall: AbortController | null
  load(id: string): Promise<void>
  /** Reads the file again (after it changed on disk) unless the leader is mid-edit. */
  refresh(): Promise<void>
  startEditing(): void
  setDraft(text: string): void
  cancelEditing(): void
  saveReflection(): Promise<void>
  /** Opens a cited file (or folder) in the viewer; does nothing when the repository is gone. */
  openCitation(path: string, line: number | null): void
  openFile(target: ViewerTarget): void
  closeViewer(): void
}

export function createJournalSessionStore(client: GembaApi) {
  return create<JournalSessionState>((set, get) => {
    const follow = onFirstCall(() => client.subscribe('journal.changed', () => void get().refresh()))
    const loadExtras = async (id: string, signal: AbortSignal): Promise<void> => {
      set({ driftLoading: true })
      const [drift, lookBack, cited] = await Promise.all([
        client.invoke('journal.drift', { id }, { signal }).catch((error: unknown): JournalDriftView => ({
          state: 'unknown',
          reason: errorData(error).message,
          repositoryPath: get().view?.record.repository.path ?? '',
        })),
        client.invoke('journal.lookBack', { id }, { signal }).catch(() => null),
        client
          .invoke('repos.list', {}, { signal })
          .then((repos) => citedRepository(get().view?.record.repository ?? { id, path: '' }, repos))
          .catch((error: unknown): CitedRepository => ({
            state: 'gone',
            note: `The cited files can’t be opened: ${errorData(error).message}`,
          })),
      ])
      if (get().id === id && !signal.aborted) set({ drift, lookBack, cited, driftLoading: false })
    }

    /** What a session shows before its entry has loaded: nothing of the one shown before. */
    const unloaded = {
      view: null,
      error: null,
      drift: null,
      lookBack: null,
      cited: null,
      viewer: null,
      editing: false,
      draft: '',
      save: 'idle',
      savedAt: null,
      saveError: null,
    } satisfies Partial<JournalSessionState>

    return {
      id: null,
      status: 'idle',
      driftLoading: false,
      loadCall: null,
      ...unloaded,
      async load(id) {
        follow()
        get().loadCall?.abort()
        const controller = new AbortController()
        set({ loadCall: controller, id, status: 'loading', ...unloaded })
        try {
          const view = await client.invoke('journal.get', { id }, { signal: controller.signal })
          if (get().id !== id) return
          set({ status: 'ready', view })
          await loadExtras(id, controller.signal)
        } catch (error) {
          const data = errorData(error)
          if (data.code !== 'cancelled' && get().id === id) set({ status: 'error', error: data })
        } finally {
          if (get().loadCall === controller) set({ loadCall: null })
        }
      },
      async refresh() {
        const { id, editing, save } = get()
        if (!id || editing || save === 'saving') return
        try {
          const view = await client.invoke('journal.get', { id })
          if (get().id === id) set({ view, status: 'ready', error: null })
        } catch (error) {
          if (get().id === id) set({ status: 'error', error: errorData(error) })
        }
      },
      startEditing() {
        set({ editing: true, draft: get().view?.record.reflection ?? '', save: 'idle', saveError: null })
      },
      setDraft(draft) {
        set({ draft, save: get().save === 'saved' ? 'idle' : get().save })
      },
      cancelEditing() {
        set({ editing: false, draft: '', save: 'idle', saveError: null })
      },
      async saveReflection() {
        const { id, draft } = get()
        if (!id) return
        set({ save: 'saving', saveError: null })
        try {
          const view = await client.invoke('journal.updateReflection', { id, reflection: draft })
          if (get().id !== id) return
          set({ view, editing: false, save: 'saved', savedAt: new Date().toISOString() })
        } catch (error) {
          set({ save: 'error', saveError: errorData(error) })
        }
      },
      openCitation(path, line) {
        const { cited, drift } = get()
        if (cited?.state !== 'available') return
        // "Open" goes to where the cited code is now, when the drift check found it elsewhere.
        const anchor = drift?.state === 'known' ? drift.drift.anchors?.find((item) => item.path === path && item.line === line) : undefined
        // Lines that vanished open their file at the top, never at a line that now holds something else.
        const target = anchor ? (anchor.now ?? { path, line: null }) : { path, line }
        set({ viewer: { repoId: cited.repoId, path: target.path, line: target.line } })
      },
      openFile(viewer) {
        set({ viewer })
      },
      closeViewer() {
        set({ viewer: null })
      },
    }
  })
}
