// Decodes a raw git tree object: entries of `<octal mode> <name>\0<20-byte id>`. Pure; throws on a
// truncated entry so the caller can report the tree as damaged.

export interface TreeEntry {
  readonly name: string
  readonly oid: string
  readonly mode: number
  /** A subtree (mode 040000); gitlinks and blobs are leaves. */
  readonly isTree: boolean
}

export function parseTree(data: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = []
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    const nul = data.indexOf(0, space + 1)
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new Error('tree entry is truncated')
    const mode = Number.parseInt(data.toString('latin1', at, space), 8)
    entries.push({
      name: data.toString('utf8', space + 1, nul),
      oid: data.toString('hex', nul + 1, nul + 21),
      mode,
      isTree: mode === 0o40000,
    })
    at = nul + 21
  }
  return entries
}
