// The change as a pull request, on the leader's press: the drafted title and description (the main
// process drafts them from the hour; the leader edits them here), the copy of the description, and the
// push and page the main process reports back. Pushes nothing on its own: `open` is the press. The
// result is the backend's (kept with the change there); the page shows it. No disk.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { PullRequestDraft, PullRequestOpened } from '../../shared/models/change.ts'
import { trackedCall } from './tracked-call.ts'

export interface PullRequestState {
  readonly draftId: string | null
  readonly draft: PullRequestDraft | null
  /** The leader's edit of the title and description (what is pushed with, and copied). */
  readonly title: string
  readonly body: string
  /** True while the leader edits, between "Open a pull request…" and the press or Cancel. */
  readonly editing: boolean
  readonly opened: PullRequestOpened | null
  readonly copied: boolean
  readonly busy: 'loading' | 'pushing' | null
  readonly error: GembaErrorData | null
  readonly callId: string | null
  readonly controller: AbortController | null
  /** Shows what the change already did (a push earlier while it was open), without drafting anything. */
  show(draftId: string): Promise<void>
  /** Drafts the title and description for the leader to edit. */
  edit(): Promise<void>
  setTitle(title: string): void
  setBody(body: string): void
  copy(): Promise<void>
  cancel(): void
  /** The press: pushes the Gemba branch and opens the new pull request's page. */
  open(): Promise<void>
  stop(): void
}

export function createPullRequestStore(client: GembaApi) {
  return create<PullRequestState>((set, get) => {
    const call = trackedCall<NonNullable<PullRequestState['busy']>, PullRequestState>(get, set)
    const fresh = {
      draft: null,
      title: '',
      body: '',
      editing: false,
      opened: null,
      copied: false,
      busy: null,
      error: null,
      callId: null,
      controller: null,
    } satisfies Partial<PullRequestState>

    return {
      draftId: null,
      ...fresh,
      async show(draftId) {
        if (get().draftId === draftId) return
        get().controller?.abort()
        set({ draftId, ...fresh })
        const draft = await client.invoke('change.pullRequestDraft', { draftId }).catch(() => null)
        if (draft && get().draftId === draftId) set({ draft, opened: draft.opened })
      },
      async edit() {
        const { draftId } = get()
        if (!draftId) return
        const draft = await call('loading', (options) => client.invoke('change.pullRequestDraft', { draftId }, options))
        if (draft && get().draftId === draftId) set({ draft, title: draft.title, body: draft.body, editing: true, copied: false })
      },
      setTitle: (title) => set({ title }),
      setBody: (body) => set({ body, copied: false }),
      async copy() {
        try {
          await navigator.clipboard.writeText(get().body)
          set({ copied: true })
        } catch {
          set({
            error: {
              code: 'refused',
              message: 'The clipboard is not available here.',
              next: 'Select the description and copy it by hand.',
            },
          })
        }
      },
      cancel: () => set({ editing: false, error: null }),
      async open() {
        const { draftId, draft, title, body } = get()
        if (!draftId || !draft) return
        const opened = await call('pushing', (options) =>
          client.invoke('change.openPullRequest', { draftId, branch: draft.branch, title, body }, options),
        )
        if (opened && get().draftId === draftId) set({ opened, editing: false })
      },
      stop: () => get().controller?.abort(),
    }
  })
}
