// Which paths differ between two git trees, reading only the subtrees whose ids differ (the reason this
// is fast where isomorphic-git's walk is not). Read-only; unreadable trees are reported, not thrown.
import type * as nodeFs from 'node:fs'
import git from 'isomorphic-git'

interface TreeItem {
  readonly path: string
  readonly oid: string
  readonly type: string
}

export class TreeReader {
  private readonly memo = new Map<string, readonly TreeItem[]>()
  private readonly gitdir: string
  private readonly cache: object
  private readonly fs: typeof nodeFs
  readonly unreadable: string[] = []

  constructor(gitdir: string, cache: object, fs: typeof nodeFs) {
    this.gitdir = gitdir
    this.cache = cache
    this.fs = fs
  }

  async read(oid: string): Promise<readonly TreeItem[] | null> {
    const hit = this.memo.get(oid)
    if (hit) return hit
    try {
      const { tree } = await git.readTree({ fs: this.fs, gitdir: this.gitdir, oid, cache: this.cache })
      // Trees repeat across neighbouring commits; keep a bounded memo of the parsed ones.
      if (this.memo.size > 50_000) this.memo.clear()
      const items = tree.map((entry) => ({ path: entry.path, oid: entry.oid, type: entry.type }))
      this.memo.set(oid, items)
      return items
    } catch {
      this.unreadable.push(oid)
      return null
    }
  }

  /** Paths (blobs and gitlinks) that were added, removed or changed from `before` to `after`. */
  async diff(before: string | null, after: string | null, prefix = '', out: string[] = []): Promise<string[]> {
    if (before === after) return out
    const left = before ? ((await this.read(before)) ?? []) : []
    const right = after ? ((await this.read(after)) ?? []) : []
    const byName = new Map<string, TreeItem>()
    for (const item of left) byName.set(item.path, item)
    for (const item of right) {
      const old = byName.get(item.path)
      byName.delete(item.path)
      if (old && old.oid === item.oid && old.type === item.type) continue
      const path = prefix + item.path
      const oldTree = old?.type === 'tree' ? old.oid : null
      const newTree = item.type === 'tree' ? item.oid : null
      if (oldTree || newTree) await this.diff(oldTree, newTree, `${path}/`, out)
      if (item.type !== 'tree' || (old && old.type !== 'tree')) out.push(path)
    }
    for (const old of byName.values()) {
      if (old.type === 'tree') await this.diff(old.oid, null, `${prefix + old.path}/`, out)
      else out.push(prefix + old.path)
    }
    return out
  }
}
