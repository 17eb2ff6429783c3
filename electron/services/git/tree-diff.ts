// Which paths differ between two git trees: the one tree diff of the layer (the history's changed
// paths, a branch switch's files). Reads only the subtrees whose ids differ and compares the raw tree
// bytes in git's own entry order (a merge of two sorted lists: equal entries are skipped without
// decoding them). Read-only. For the history, an unreadable or malformed tree is reported
// (unreadableTrees), not thrown; a branch switch must not guess, so for it one throws.
import type { GitObjects } from './git-objects.ts'
import { treeMemoOf, objectsOf, type GitRepo } from './repository.ts'
import type { BlobRef } from './tree-edit.ts'

/** Trees repeat across neighbouring commits; a bounded memo of the raw ones. */
const MEMO_LIMIT = 4_000
const EMPTY = Buffer.alloc(0)
const SLASH = 0x2f

/** One entry of a raw tree: `<mode> <name>\0<20-byte id>`, located by offsets. */
interface Cursor {
  data: Buffer
  at: number
  nameStart: number
  nameEnd: number
  isTree: boolean
}

/** Where trees come from: our object reader, with isomorphic-git behind it for unusual repositories. */
export type TreeSource = Pick<GitObjects, 'rawTree' | 'rawTreeSync'>

export interface TreeDifference {
  /** The path as stored (bytes). */
  readonly path: Buffer
  readonly before: BlobRef | null
  readonly after: BlobRef | null
}

/** What the walk makes of each differing leaf: its path, and the entries on each side (null: absent). */
type Leaf<T> = (path: string, before: Cursor | null, after: Cursor | null) => T

/** Thrown inside a synchronous diff when a tree needs the asynchronous fallback reader. */
class NeedsFallback {
  readonly oid: string
  constructor(oid: string) {
    this.oid = oid
  }
}

const MISSING = Buffer.alloc(0)

/**
 * Paths (blobs and gitlinks) added, removed or changed (content or mode) from tree `before` to `after`
 * (null: empty), as `git log --name-only --no-renames` lists them; names read as UTF-8. Trees that
 * cannot be read count as empty and are listed by unreadableTrees(repo).
 */
export async function changedPaths(repo: GitRepo, before: string | null, after: string | null): Promise<string[]> {
  return readerOf(repo).diff(before, after, 'utf8', (path) => path)
}

/** The trees a diff through this handle could not read (missing or damaged objects). */
export function unreadableTrees(repo: GitRepo): readonly string[] {
  return treeMemoOf(repo).unreadable
}

/**
 * Every non-folder path whose entry differs between the two trees, with its name as stored and the
 * blob on each side; throws when a tree on the way cannot be read.
 */
export async function treeDifferences(repo: GitRepo, before: string | null, after: string | null): Promise<TreeDifference[]> {
  // The memo of trees is the handle's; which trees could not be read is this diff's own.
  const reader = new TreeReader(objectsOf(repo), treeMemoOf(repo).trees)
  const out = await reader.diff(before, after, 'latin1', (path, left, right) => ({
    path: Buffer.from(path, 'latin1'),
    before: left && blobRef(left),
    after: right && blobRef(right),
  }))
  if (reader.unreadable.length > 0) throw new Error(`the tree ${reader.unreadable[0]} is missing or damaged`)
  return out
}

function readerOf(repo: GitRepo): TreeReader {
  const memo = treeMemoOf(repo)
  return new TreeReader(objectsOf(repo), memo.trees, memo.unreadable)
}

/** The walk over two trees' raw bytes, with its memo of trees read (exported for its test only). */
export class TreeReader {
  private readonly memo: Map<string, Buffer>
  /** Trees the fallback reader answered during the current diff (kept until it completes). */
  private readonly fetched = new Map<string, Buffer>()
  private readonly objects: TreeSource
  readonly unreadable: string[]
  private encoding: 'utf8' | 'latin1' = 'utf8'

  constructor(objects: TreeSource, memo = new Map<string, Buffer>(), unreadable: string[] = []) {
    this.objects = objects
    this.memo = memo
    this.unreadable = unreadable
  }

  /**
   * `leaf` of each differing path (names decoded as `encoding`: latin1 keeps every byte), in walk
   * order; `leaf` reads the entries at once (they move on after it). The walk itself is synchronous
   * (thousands of trees per history read, no promise each); a tree only the fallback can read
   * restarts it once read.
   */
  async diff<T>(before: string | null, after: string | null, encoding: 'utf8' | 'latin1', leaf: Leaf<T>): Promise<T[]> {
    this.encoding = encoding
    for (;;) {
      const out: T[] = []
      try {
        this.walk(before, after, '', (path, left, right) => out.push(leaf(path, left, right)))
        this.fetched.clear()
        return out
      } catch (error) {
        if (!(error instanceof NeedsFallback)) throw error
        this.fetched.set(error.oid, (await this.objects.rawTree(error.oid)) ?? MISSING)
      }
    }
  }

  private walk(before: string | null, after: string | null, prefix: string, leaf: Leaf<unknown>): void {
    if (before === after) return
    const left = this.cursor(before ? this.read(before) : EMPTY)
    const right = this.cursor(after ? this.read(after) : EMPTY)
    if (!left || !right) return this.malformed(before, after)
    while (left.at < left.data.length || right.at < right.data.length) {
      const order = left.at >= left.data.length ? 1 : right.at >= right.data.length ? -1 : compareEntries(left, right)
      if (order === 0) {
        if (!sameIdAndMode(left, right)) {
          const path = prefix + this.name(right)
          if (right.isTree) this.walk(id(left), id(right), `${path}/`, leaf)
          else leaf(path, left, right)
        }
        if (!advance(left) || !advance(right)) return this.malformed(before, after)
      } else if (order < 0) {
        this.side(left, prefix, true, leaf)
        if (!advance(left)) return this.malformed(before, after)
      } else {
        this.side(right, prefix, false, leaf)
        if (!advance(right)) return this.malformed(before, after)
      }
    }
  }

  private side(entry: Cursor, prefix: string, removed: boolean, leaf: Leaf<unknown>): void {
    const path = prefix + this.name(entry)
    if (!entry.isTree) leaf(path, removed ? entry : null, removed ? null : entry)
    else if (removed) this.walk(id(entry), null, `${path}/`, leaf)
    else this.walk(null, id(entry), `${path}/`, leaf)
  }

  private name(cursor: Cursor): string {
    return cursor.data.toString(this.encoding, cursor.nameStart, cursor.nameEnd)
  }

  /** A tree's bytes; a missing tree reads as empty (and is listed as unreadable). */
  private read(oid: string): Buffer {
    const hit = this.memo.get(oid) ?? this.fetched.get(oid)
    if (hit) return hit === MISSING ? this.missing(oid) : hit
    const data = this.objects.rawTreeSync(oid)
    if (data === undefined) throw new NeedsFallback(oid)
    if (data === null) return this.missing(oid)
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear()
    this.memo.set(oid, data)
    return data
  }

  private missing(oid: string): Buffer {
    if (!this.unreadable.includes(oid)) this.unreadable.push(oid)
    return EMPTY
  }

  private cursor(data: Buffer): Cursor | null {
    const cursor: Cursor = { data, at: 0, nameStart: 0, nameEnd: 0, isTree: false }
    return cursor.data.length === 0 || locate(cursor) ? cursor : null
  }

  private malformed(before: string | null, after: string | null): void {
    for (const oid of [before, after]) if (oid && !this.unreadable.includes(oid)) this.unreadable.push(oid)
  }
}

/** Finds the name and kind of the entry at `cursor.at`; false when the entry is truncated. */
function locate(cursor: Cursor): boolean {
  // Byte loops rather than Buffer#indexOf: modes and names are short, and the native call costs more.
  const { data, at } = cursor
  let space = at
  while (space < data.length && data[space] !== 0x20) space++
  let nul = space + 1
  while (nul < data.length && data[nul] !== 0) nul++
  if (nul + 21 > data.length) return false
  cursor.nameStart = space + 1
  cursor.nameEnd = nul
  // Trees are mode 40000 (some old tools wrote 040000).
  const modeLength = space - at
  cursor.isTree =
    (modeLength === 5 || (modeLength === 6 && data[at] === 0x30)) && data[space - 5] === 0x34 && data.readUInt32BE(space - 4) === 0x30303030
  return true
}

function advance(cursor: Cursor): boolean {
  cursor.at = cursor.nameEnd + 21
  return cursor.at >= cursor.data.length || locate(cursor)
}

/** git's order: names compared bytewise, a tree's name as if it ended with '/'. */
function compareEntries(a: Cursor, b: Cursor): number {
  // A byte loop: names are short, and Buffer#compare's per-call checks cost more than the compare.
  const aLength = a.nameEnd - a.nameStart
  const bLength = b.nameEnd - b.nameStart
  const common = aLength < bLength ? aLength : bLength
  const x = a.data
  const y = b.data
  for (let i = 0; i < common; i++) {
    const order = (x[a.nameStart + i] ?? 0) - (y[b.nameStart + i] ?? 0)
    if (order !== 0) return order
  }
  const aNext = aLength > common ? (x[a.nameStart + common] ?? 0) : a.isTree ? SLASH : 0
  const bNext = bLength > common ? (y[b.nameStart + common] ?? 0) : b.isTree ? SLASH : 0
  return aNext - bNext
}

/** Same object id (20 bytes after the name) and the same mode text. */
function sameIdAndMode(a: Cursor, b: Cursor): boolean {
  const x = a.data
  const y = b.data
  for (let i = 1; i <= 20; i++) if (x[a.nameEnd + i] !== y[b.nameEnd + i]) return false
  const modeLength = a.nameStart - a.at
  if (modeLength !== b.nameStart - b.at) return false
  for (let i = 0; i < modeLength; i++) if (x[a.at + i] !== y[b.at + i]) return false
  return true
}

function id(cursor: Cursor): string {
  return cursor.data.toString('hex', cursor.nameEnd + 1, cursor.nameEnd + 21)
}

function blobRef(cursor: Cursor): BlobRef {
  return { oid: id(cursor), mode: cursor.data.toString('latin1', cursor.at, cursor.nameStart - 1) }
}
