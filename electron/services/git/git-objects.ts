// Commits and trees of one repository, decoded: read by our own object reader (fast, no whole-pack
// loads) and, only when that reader met something it does not handle (an old .idx, sha256), by
// isomorphic-git. Read-only; a missing or damaged object is null, never an exception.
import git from 'isomorphic-git'
import { commonDirOfSync } from './common-git-dir.ts'
import { createObjectReadFs } from './object-read-fs.ts'
import type { RawObject } from './object-cache.ts'
import { ObjectReader } from './object-reader.ts'
import { parseCommit, type ParsedCommit } from './parse-commit.ts'
import { parseTree, type TreeEntry } from './parse-tree.ts'

export class GitObjects {
  private readonly reader: ObjectReader
  private readonly gitdir: string
  private readonly cache: object
  private fallbackFs: ReturnType<typeof createObjectReadFs> | undefined

  /** `cache` is the scan's shared isomorphic-git cache, used by the fallback only. Call close() after. */
  constructor(gitdir: string, cache: object) {
    // Objects live in the common git directory (a linked worktree's own holds none).
    this.gitdir = commonDirOfSync(gitdir)
    this.cache = cache
    this.reader = ObjectReader.open(gitdir)
  }

  async commit(oid: string): Promise<ParsedCommit | null> {
    const object = await this.read(oid)
    if (object?.type !== 'commit') return null
    try {
      return parseCommit(object.data)
    } catch {
      return null
    }
  }

  async tree(oid: string): Promise<TreeEntry[] | null> {
    const data = await this.rawTree(oid)
    if (data === null) return null
    try {
      return parseTree(data)
    } catch {
      return null
    }
  }

  async blob(oid: string): Promise<Buffer | null> {
    const object = await this.read(oid)
    return object?.type === 'blob' ? object.data : null
  }

  /** A tree object's undecoded bytes (diffs compare them without decoding every entry). */
  async rawTree(oid: string): Promise<Buffer | null> {
    const object = await this.read(oid)
    return object?.type === 'tree' ? object.data : null
  }

  /**
   * The same, read synchronously by our own reader: null when missing, undefined when only the
   * isomorphic-git fallback could tell (call rawTree then).
   */
  rawTreeSync(oid: string): Buffer | null | undefined {
    const object = this.reader.read(oid)
    if (object === null) return this.reader.unusual ? undefined : null
    return object.type === 'tree' ? object.data : null
  }

  close(): void {
    this.reader.close()
  }

  private async read(oid: string): Promise<RawObject | null> {
    const object = this.reader.read(oid)
    if (object || !this.reader.unusual) return object
    this.fallbackFs ??= createObjectReadFs(this.gitdir)
    try {
      const found = await git.readObject({ fs: this.fallbackFs, gitdir: this.gitdir, oid, format: 'content', cache: this.cache })
      const type = found.type
      if (type !== 'commit' && type !== 'tree' && type !== 'blob' && type !== 'tag') return null
      return { type, data: Buffer.from(found.object as Uint8Array) }
    } catch {
      return null
    }
  }
}
