// Where the list of added repositories lives: a port (the settings file under the app, see
// core/backend.ts) and an in-memory one for the CLI and tests.
import type { RepoEntry } from '../../../shared/models/repos.ts'

export interface RepoStore {
  load(): Promise<RepoEntry[]>
  save(entries: readonly RepoEntry[]): Promise<void>
}

export function createMemoryRepoStore(initial: readonly RepoEntry[] = []): RepoStore {
  let entries = [...initial]
  return {
    load: async () => [...entries],
    save: async (next) => {
      entries = [...next]
    },
  }
}
