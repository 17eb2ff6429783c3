// Decodes a raw git commit object (header lines, a blank line, the message). Pure; throws on an object
// without a tree line so the caller can report it as damaged.

export interface Signature {
  readonly name: string
  readonly email: string
  /** Seconds since the epoch. */
  readonly timestamp: number
}

export interface ParsedCommit {
  readonly tree: string
  readonly parents: readonly string[]
  readonly author: Signature
  readonly committer: Signature
  readonly message: string
}

export function parseCommit(data: Buffer): ParsedCommit {
  const blank = data.indexOf('\n\n')
  const header = data.toString('utf8', 0, blank < 0 ? data.length : blank)
  const message = blank < 0 ? '' : data.toString('utf8', blank + 2)
  let tree = ''
  const parents: string[] = []
  let author: Signature | undefined
  let committer: Signature | undefined
  for (const line of header.split('\n')) {
    // Continuation lines (a signature's body) start with a space and carry no field.
    const space = line.indexOf(' ')
    if (space <= 0) continue
    const field = line.slice(0, space)
    const value = line.slice(space + 1)
    if (field === 'tree') tree = value
    else if (field === 'parent') parents.push(value)
    else if (field === 'author') author = parseSignature(value)
    else if (field === 'committer') committer = parseSignature(value)
  }
  if (!/^[0-9a-f]{40}$/.test(tree)) throw new Error('commit has no tree')
  const who = author ?? committer ?? { name: '', email: '', timestamp: 0 }
  return { tree, parents, author: who, committer: committer ?? who, message }
}

/** `Ada Lovelace <ada@example.com> 1600000000 +0100` */
function parseSignature(value: string): Signature {
  const open = value.indexOf('<')
  const close = value.indexOf('>', open)
  if (open < 0 || close < 0) return { name: value.trim(), email: '', timestamp: 0 }
  const timestamp = Number.parseInt(
    value
      .slice(close + 1)
      .trim()
      .split(' ', 1)[0] ?? '',
    10,
  )
  return {
    name: value.slice(0, open).trim(),
    email: value.slice(open + 1, close),
    timestamp: Number.isFinite(timestamp) ? timestamp : 0,
  }
}
