// The parse cache, in shards: every file's parse by content hash, split over a few files so a rescan
// that changed three files rewrites one or two shards, not megabytes. A shard that cannot be read is
// an empty one (the cache is only a speed-up).
import type { CachedParse } from './analyze-imports.ts'
import type { ScanCache } from './scan-cache.ts'

const SHARDS = 16

const shardOf = (key: string) => key.charCodeAt(0) % SHARDS

export async function readParses(store: ScanCache): Promise<Map<string, CachedParse>> {
  const shards = await Promise.all(Array.from({ length: SHARDS }, (_, shard) => store.read<Record<string, CachedParse>>(`parses-${shard}`)))
  const parses = new Map<string, CachedParse>()
  for (const shard of shards) for (const [key, parse] of Object.entries(shard ?? {})) parses.set(key, parse)
  return parses
}

/** Writes the shards whose set of keys differs from what was read; answers how many were written. */
export async function writeParses(
  store: ScanCache,
  next: ReadonlyMap<string, CachedParse>,
  previous: ReadonlyMap<string, CachedParse>,
): Promise<number> {
  const changed = new Set<number>()
  for (const key of next.keys()) if (!previous.has(key)) changed.add(shardOf(key))
  for (const key of previous.keys()) if (!next.has(key)) changed.add(shardOf(key))
  const byShard = new Map<number, Record<string, CachedParse>>([...changed].map((shard) => [shard, {}]))
  for (const [key, parse] of next) {
    const shard = byShard.get(shardOf(key))
    if (shard) shard[key] = parse
  }
  await Promise.all([...byShard].map(([shard, value]) => store.write(`parses-${shard}`, value)))
  return changed.size
}
