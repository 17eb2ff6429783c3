// What the last scan of a repository leaves for the next one: on disk (the scan cache, for the next
// app start) and, in a running app, in memory too, so a rescan after a commit neither reads nor parses
// megabytes of JSON and can tell by identity that the import graph did not change. With memory, the
// disk copy is written behind the result (one write at a time per repository, in order; a failed write
// only costs the next app start a full scan). Holds the last few repositories only; dropping an entry
// costs one slower rescan, never a wrong one.
import type { ScanResult } from '../../../../shared/models/repos.ts'
import type { CommitRecord } from '../history/read-history.ts'
import type { FileEdge } from '../parse/resolve-imports.ts'
import type { CachedParse } from './analyze-imports.ts'
import type { RankMemo } from './key-files.ts'
import type { ManifestScan } from './manifests.ts'
import { readParses, writeParses } from './parse-cache.ts'
import type { ScanCache } from './scan-cache.ts'
import type { ReuseState } from './scan-reuse.ts'

export interface ScanSnapshot {
  readonly scan: ScanResult | null
  readonly parses: ReadonlyMap<string, CachedParse>
  readonly reuse: ReuseState | null
  readonly history: readonly CommitRecord[] | null
  readonly manifests: { readonly layout: string; readonly scan: ManifestScan } | null
  /** In memory only: the last import edges and what was computed from them (compared by identity). */
  readonly edges?: readonly FileEdge[]
  readonly links?: ScanResult['moduleGraph']['links']
  readonly rank?: RankMemo
  readonly moduleEdges?: { readonly key: string; readonly edges: ScanResult['moduleEdges'] }
}

const KEPT = 2

/** The last scans of the most recently scanned repositories. */
export class ScanMemory {
  private readonly entries = new Map<string, ScanSnapshot>()
  private readonly writing = new Map<string, Promise<void>>()

  /** Runs a disk write after the repository's earlier ones; never rejects. */
  writeBehind(repoId: string, write: () => Promise<void>): void {
    const next = (this.writing.get(repoId) ?? Promise.resolve()).then(write).catch(() => undefined)
    this.writing.set(repoId, next)
    void next.then(() => {
      if (this.writing.get(repoId) === next) this.writing.delete(repoId)
    })
  }

  /** Resolves once every write started so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.writing.values()])
  }

  get(repoId: string): ScanSnapshot | undefined {
    const entry = this.entries.get(repoId)
    if (entry) {
      this.entries.delete(repoId)
      this.entries.set(repoId, entry)
    }
    return entry
  }

  set(repoId: string, snapshot: ScanSnapshot): void {
    this.entries.delete(repoId)
    this.entries.set(repoId, snapshot)
    while (this.entries.size > KEPT) this.entries.delete(this.entries.keys().next().value ?? '')
  }

  forget(repoId: string): void {
    this.entries.delete(repoId)
  }
}

/** The last scan from memory, else from disk (the parts a rescan needs; nothing when forced). */
export async function loadSnapshot(
  store: ScanCache,
  memory: ScanMemory | undefined,
  repoId: string,
  force: boolean,
): Promise<ScanSnapshot> {
  // Forced: the last scan is not taken over, so it is let go now rather than held beside the new one.
  if (force) memory?.forget(repoId)
  const remembered = force ? undefined : memory?.get(repoId)
  if (remembered) return remembered
  const scan = force ? null : await store.read<ScanResult>('scan')
  return {
    scan,
    parses: await readParses(store),
    reuse: scan ? await store.read<ReuseState>('reuse') : null,
    history: await store.read<CommitRecord[]>('history'),
    manifests: scan ? await store.read<{ layout: string; scan: ManifestScan }>('manifests') : null,
  }
}

/** Keeps the new snapshot in memory and writes what changed to disk. */
export async function saveSnapshot(
  store: ScanCache,
  memory: ScanMemory | undefined,
  repoId: string,
  next: ScanSnapshot & { readonly scan: ScanResult },
  previous: ScanSnapshot,
): Promise<void> {
  const write = async () => {
    if (next.history && next.history !== previous.history) await store.write('history', next.history)
    await writeParses(store, next.parses, previous.parses)
    if (next.manifests && next.manifests !== previous.manifests) await store.write('manifests', next.manifests)
    if (next.reuse) await store.write('reuse', next.reuse)
    await store.write('scan', next.scan)
  }
  if (!memory) return write()
  memory.set(repoId, next)
  memory.writeBehind(repoId, write)
}
