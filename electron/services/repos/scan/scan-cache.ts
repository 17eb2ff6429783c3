// The scan's on-disk cache, one folder per repository: the last scan (keyed by HEAD + working-tree
// digest), the history records (incremental), parse results by content hash (in shards), and what a
// rescan takes over (files' blob ids and parse keys, the import edges). A cache that cannot be read is
// treated as empty: it is only ever a speed-up, never a source of truth.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../fs/atomic-write.ts'

export const SCAN_CACHE_VERSION = 17

export class ScanCache {
  private readonly folder: string

  constructor(cacheFolder: string, repoId: string) {
    this.folder = join(cacheFolder, repoId.replace(/[^A-Za-z0-9_-]/g, '_'))
  }

  async read<T>(name: string): Promise<T | null> {
    try {
      const parsed = JSON.parse(await readFile(join(this.folder, `${name}.json`), 'utf8')) as { version?: number; value?: T }
      return parsed.version === SCAN_CACHE_VERSION && parsed.value !== undefined ? parsed.value : null
    } catch {
      return null
    }
  }

  async write(name: string, value: unknown): Promise<void> {
    await writeFileAtomic(join(this.folder, `${name}.json`), JSON.stringify({ version: SCAN_CACHE_VERSION, value }), {
      makeFolder: true,
      mode: 0o600,
    })
  }

  async clear(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true })
  }
}
