// Where Gemba left the leader's clones: every repository on one of its branches, with the branch it
// was on before ("back"), as the main process keeps it (it survives restarts); and going back. Follows
// 'change.checkout' (a change landed, the clone went back, a branch was deleted or restored). No disk.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { CheckoutView } from '../../shared/models/change.ts'
import { errorData } from '../bridge.ts'

export interface CheckoutState {
  readonly checkouts: readonly CheckoutView[]
  readonly loaded: boolean
  /** The repository being taken back now. */
  readonly returning: string | null
  readonly error: { readonly repoId: string; readonly error: GembaErrorData } | null
  load(): Promise<void>
  returnTo(repoId: string): Promise<void>
}

/** The clones on a Gemba branch now (optionally: this repository's only). */
export function onGembaBranch(state: Pick<CheckoutState, 'checkouts'>, repoId?: string): CheckoutView[] {
  return state.checkouts.filter((checkout) => checkout.onGembaBranch && (repoId === undefined || checkout.repoId === repoId))
}

export function createCheckoutStore(client: GembaApi) {
  return create<CheckoutState>((set, get) => {
    client.subscribe('change.checkout', () => void get().load())
    let loading: Promise<void> | null = null
    return {
      checkouts: [],
      loaded: false,
      returning: null,
      error: null,
      load() {
        loading ??= client
          .invoke('change.checkouts', {})
          .then(
            (checkouts) => set({ checkouts, loaded: true }),
            () => set({ loaded: true }),
          )
          .finally(() => (loading = null))
        return loading
      },
      async returnTo(repoId) {
        set({ returning: repoId, error: null })
        try {
          await client.invoke('change.returnTo', { repoId })
          await get().load()
        } catch (error) {
          set({ error: { repoId, error: errorData(error) } })
        } finally {
          set({ returning: null })
        }
      },
    }
  })
}
