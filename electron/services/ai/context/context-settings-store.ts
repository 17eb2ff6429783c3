// Per-repository context settings the leader chose for the AI coach: a scope folder and include /
// exclude globs. Kept in the ai domain's own JSON file in the data folder (atomic writes); nothing
// else is stored here, and never anything from the repository itself.
import { readFile } from 'node:fs/promises'
import type { RepoContextSettings } from '../../../../shared/models/ai.ts'
import { writeJsonAtomic } from '../../fs/atomic-write.ts'
import { normaliseContextScope } from './context-scope.ts'

export const DEFAULT_CONTEXT_SETTINGS: RepoContextSettings = { scope: null, include: [], exclude: [] }

function scopeOrNull(scope: string | null): string | null {
  try {
    return normaliseContextScope(scope)
  } catch {
    return null
  }
}

export interface ContextSettingsStore {
  get(repoId: string): Promise<RepoContextSettings>
  set(repoId: string, settings: RepoContextSettings): Promise<RepoContextSettings>
}

/** A store in one JSON file; `null` keeps the settings in memory only (tests, the CLI). */
export function contextSettingsStore(file: string | null): ContextSettingsStore {
  type All = Record<string, RepoContextSettings>
  let loaded: Promise<All> | undefined
  const load = (): Promise<All> =>
    (loaded ??= file
      ? readFile(file, 'utf8').then(
          (text) => JSON.parse(text) as All,
          (): All => ({}),
        )
      : Promise.resolve<All>({}))
  return {
    async get(repoId) {
      const all = await load()
      if (!Object.hasOwn(all, repoId)) return DEFAULT_CONTEXT_SETTINGS
      const stored = { ...DEFAULT_CONTEXT_SETTINGS, ...all[repoId] }
      // A scope stored before scopes were checked, that leaves the repository, counts as none.
      return { ...stored, scope: scopeOrNull(stored.scope) }
    },
    async set(repoId, settings) {
      const all = { ...(await load()), [repoId]: settings }
      loaded = Promise.resolve(all)
      if (file) await writeJsonAtomic(file, all)
      return settings
    },
  }
}
