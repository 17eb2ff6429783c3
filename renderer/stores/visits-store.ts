// Where the leader has been (per repository, for the module map's shading), the area Today suggests
// for the next hour, and this week's text for the kind of codebase its repository reads as. Views of
// what the sessions service computes; nothing is kept twice.
// A failed read leaves the map unshaded and Today without a suggestion or with the week's own text:
// none is worth an alarm.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { NextArea, RepoVisits, WeekFit } from '../../shared/models/sessions.ts'
import { onFirstCall } from './on-first-call.ts'

export interface VisitsState {
  readonly byRepo: Readonly<Record<string, RepoVisits>>
  /** null until read; `failed` when it could not be (no scan here, the repository gone). */
  readonly nextArea: NextArea | null
  readonly nextAreaFailed: boolean
  /** null until read, or when the week has no repository or it could not be read. */
  readonly weekFit: WeekFit | null
  loadVisits(repoId: string): Promise<void>
  loadNextArea(): Promise<void>
  loadWeekFit(): Promise<void>
}

export function createVisitsStore(client: GembaApi) {
  return create<VisitsState>((set, get) => {
    // A finished hour or a file opened changes where the leader has been: read again what is shown.
    const follow = onFirstCall(() =>
      client.subscribe('sessions.changed', () => {
        for (const repoId of Object.keys(get().byRepo)) void get().loadVisits(repoId)
      }),
    )
    return {
      byRepo: {},
      nextArea: null,
      nextAreaFailed: false,
      weekFit: null,
      async loadVisits(repoId) {
        follow()
        try {
          const visits = await client.invoke('sessions.visits', { repoId })
          set({ byRepo: { ...get().byRepo, [repoId]: visits } })
        } catch {
          // The map stays unshaded.
        }
      },
      async loadNextArea() {
        try {
          set({ nextArea: await client.invoke('sessions.nextArea', {}), nextAreaFailed: false })
        } catch {
          set({ nextAreaFailed: true })
        }
      },
      async loadWeekFit() {
        try {
          set({ weekFit: await client.invoke('sessions.weekFit', {}) })
        } catch {
          set({ weekFit: null })
        }
      },
    }
  })
}
