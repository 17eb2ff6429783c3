// Decodes a raw git tree object: entries of `<octal mode> <name>\0<20-byte id>`. One decoder for the
// whole layer: byte-exact (names as stored, mode as written) for rewriting trees, and decoded for
// reading them. Pure; throws on a truncated entry so the caller can report the tree as damaged.

export interface RawTreeEntry {
  /** The mode as written in the tree ('100644', '40000', '120000', '160000'…). */
  readonly mode: string
  /** The name as stored (bytes; usually, not always, UTF-8). */
  readonly name: Buffer
  readonly oid: string
}

export interface TreeEntry {
  readonly name: string
  readonly oid: string
  readonly mode: number
  /** A subtree (mode 040000); gitlinks and blobs are leaves. */
  readonly isTree: boolean
}

/** The entries as stored; each name is a view of `data` (copy it to keep it past `data`). */
export function parseRawTree(data: Buffer): RawTreeEntry[] {
  const entries: RawTreeEntry[] = []
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    const nul = data.indexOf(0, space + 1)
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new Error('tree entry is truncated')
    entries.push({
      mode: data.toString('latin1', at, space),
      name: data.subarray(space + 1, nul),
      oid: data.toString('hex', nul + 1, nul + 21),
    })
    at = nul + 21
  }
  return entries
}

export function parseTree(data: Buffer): TreeEntry[] {
  return parseRawTree(data).map((entry) => {
    const mode = Number.parseInt(entry.mode, 8)
    return { name: entry.name.toString('utf8'), oid: entry.oid, mode, isTree: mode === 0o40000 }
  })
}
