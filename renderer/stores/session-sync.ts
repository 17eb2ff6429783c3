// Keeping the open session in step with changes made elsewhere (the small change and the coach save
// to the session themselves; another window may too): a coalesced reload after `sessions.changed`,
// deferred while the runner's own action is under way, and never adopting a view older than the one
// shown. Pure: loads and timers come in.
import type { SessionView } from '../../shared/models/sessions.ts'
import type { AutosaveTimers } from './session-autosave.ts'

export interface SessionReloader {
  /** Something changed: reload soon (many requests in a row make one load). */
  request(): void
  /** The runner's own action finished: run a reload it deferred. */
  settle(): void
  dispose(): void
}

export function createSessionReloader<V>(options: {
  readonly delayMs: number
  readonly load: () => Promise<V>
  /** True while the runner's own action is under way; its answer is as new as any reload. */
  readonly busy: () => boolean
  readonly apply: (view: V) => void
  readonly timers?: AutosaveTimers
}): SessionReloader {
  const timers = options.timers ?? { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as number) }
  let timer: unknown
  let loading = false
  let queued = false
  let deferred = false

  const run = (): void => {
    timer = undefined
    if (options.busy()) {
      deferred = true
      return
    }
    if (loading) {
      queued = true
      return
    }
    loading = true
    options
      .load()
      .then((view) => (options.busy() ? (deferred = true) : options.apply(view)))
      .catch(() => undefined) // The next change or action brings a fresh view; a failed reload shows nothing new.
      .finally(() => {
        loading = false
        if (queued) {
          queued = false
          request()
        }
      })
  }
  const request = (): void => {
    if (timer === undefined) timer = timers.set(run, options.delayMs)
  }
  return {
    request,
    settle() {
      if (deferred && !options.busy()) {
        deferred = false
        request()
      }
    },
    dispose() {
      if (timer !== undefined) timers.clear(timer)
      timer = undefined
    },
  }
}

/** Whether `incoming` may replace `current` on screen: the same session, and not an older save of it. */
export function isCurrentView(current: SessionView | null, incoming: SessionView): boolean {
  return current !== null && current.session.id === incoming.session.id && incoming.session.updatedAt >= current.session.updatedAt
}
