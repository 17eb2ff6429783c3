// Which paths differ between two git trees, reading only the subtrees whose ids differ and comparing
// the raw tree bytes in git's own entry order (a merge of two sorted lists: equal entries are skipped
// without decoding them). Read-only; unreadable or malformed trees are reported, not thrown.
import type { GitObjects } from '../../git/index.ts'

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

/** Thrown inside a synchronous diff when a tree needs the asynchronous fallback reader. */
class NeedsFallback {
  readonly oid: string
  constructor(oid: string) {
    this.oid = oid
  }
}

const MISSING = Buffer.alloc(0)

export class TreeReader {
  private readonly memo = new Map<string, Buffer>()
  /** Trees the fallback reader answered during the current diff (kept until it completes). */
  private readonly fetched = new Map<string, Buffer>()
  private readonly objects: TreeSource
  readonly unreadable: string[] = []

  constructor(objects: TreeSource) {
    this.objects = objects
  }

  /**
   * Paths (blobs and gitlinks) added, removed or changed (content or mode) from `before` to `after`,
   * as `git log --name-only --no-renames` lists them. The walk itself is synchronous (thousands of
   * trees per history read, no promise each); a tree only the fallback can read restarts it once read.
   */
  async diff(before: string | null, after: string | null): Promise<string[]> {
    for (;;) {
      try {
        const out = this.walk(before, after, '', [])
        this.fetched.clear()
        return out
      } catch (error) {
        if (!(error instanceof NeedsFallback)) throw error
        this.fetched.set(error.oid, (await this.objects.rawTree(error.oid)) ?? MISSING)
      }
    }
  }

  private walk(before: string | null, after: string | null, prefix: string, out: string[]): string[] {
    if (before === after) return out
    const left = this.cursor(before ? this.read(before) : EMPTY)
    const right = this.cursor(after ? this.read(after) : EMPTY)
    if (!left || !right) return this.malformed(before, after, out)
    while (left.at < left.data.length || right.at < right.data.length) {
      const order = left.at >= left.data.length ? 1 : right.at >= right.data.length ? -1 : compareEntries(left, right)
      if (order === 0) {
        if (!sameIdAndMode(left, right)) {
          const path = prefix + name(right)
          if (right.isTree) this.walk(id(left), id(right), `${path}/`, out)
          else out.push(path)
        }
        if (!advance(left) || !advance(right)) return this.malformed(before, after, out)
      } else if (order < 0) {
        this.side(left, prefix, true, out)
        if (!advance(left)) return this.malformed(before, after, out)
      } else {
        this.side(right, prefix, false, out)
        if (!advance(right)) return this.malformed(before, after, out)
      }
    }
    return out
  }

  private side(entry: Cursor, prefix: string, removed: boolean, out: string[]): void {
    const path = prefix + name(entry)
    if (!entry.isTree) out.push(path)
    else if (removed) this.walk(id(entry), null, `${path}/`, out)
    else this.walk(null, id(entry), `${path}/`, out)
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

  private malformed(before: string | null, after: string | null, out: string[]): string[] {
    for (const oid of [before, after]) if (oid && !this.unreadable.includes(oid)) this.unreadable.push(oid)
    return out
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

function name(cursor: Cursor): string {
  return cursor.data.toString('utf8', cursor.nameStart, cursor.nameEnd)
}

function id(cursor: Cursor): string {
  return cursor.data.toString('hex', cursor.nameEnd + 1, cursor.nameEnd + 21)
}
