// Where the list of added repositories lives: a port (electron-store/conf under the app) plus a plain
// JSON-file implementation for the CLI, browser mode and tests. Writes are atomic.
import { readFile } from 'node:fs/promises'
import type { RepoEntry } from '../../../shared/models/repos.ts'
import { writeJsonAtomic } from '../fs/atomic-write.ts'

export interface RepoStore {
  load(): Promise<RepoEntry[]>
  save(entries: readonly RepoEntry[]): Promise<void>
}

export function createJsonRepoStore(file: string): RepoStore {
  return {
    async load() {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as { repos?: unknown }
        return Array.isArray(parsed.repos) ? (parsed.repos as RepoEntry[]).filter(isEntry) : []
      } catch {
        return []
      }
    },
    async save(entries) {
      await writeJsonAtomic(file, { version: 1, repos: entries }, { makeFolder: true, mode: 0o600 })
    },
  }
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

function isEntry(value: unknown): value is RepoEntry {
  const entry = value as Partial<RepoEntry>
  return (
    typeof entry?.id === 'string' && typeof entry.path === 'string' && typeof entry.name === 'string' && typeof entry.addedAt === 'string'
  )
}
