// Rebuilds an object from its delta base and a git pack delta (copy and insert instructions). Pure;
// throws on a malformed delta so the caller can report the object as damaged.

export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0
  const varint = (): number => {
    let value = 0
    let scale = 1
    let byte: number
    do {
      byte = delta[at++] ?? 0
      value += (byte & 0x7f) * scale
      scale *= 128
    } while (byte & 0x80 && at < delta.length)
    return value
  }
  const baseSize = varint()
  if (baseSize !== base.length) throw new Error(`delta expects a base of ${baseSize} bytes, got ${base.length}`)
  const out = Buffer.allocUnsafe(varint())
  let written = 0
  while (at < delta.length) {
    const op = delta[at++] ?? 0
    if (op & 0x80) {
      let offset = 0
      let size = 0
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) offset += (delta[at++] ?? 0) * 2 ** (8 * bit)
      for (let bit = 0; bit < 3; bit++) if (op & (0x10 << bit)) size += (delta[at++] ?? 0) << (8 * bit)
      if (size === 0) size = 0x10000
      if (offset + size > base.length || written + size > out.length) throw new Error('delta copies outside its base')
      written += copy(base, out, written, offset, size)
    } else if (op !== 0) {
      if (at + op > delta.length || written + op > out.length) throw new Error('delta inserts past its end')
      written += copy(delta, out, written, at, op)
      at += op
    } else {
      throw new Error('delta has a reserved instruction')
    }
  }
  if (written !== out.length) throw new Error('delta is shorter than it says')
  return out
}

/** Buffer#copy costs about a microsecond per call; deltas make many short copies, so those go byte by byte. */
function copy(from: Buffer, to: Buffer, toStart: number, fromStart: number, size: number): number {
  if (size > 1024) return from.copy(to, toStart, fromStart, fromStart + size)
  for (let i = 0; i < size; i++) to[toStart + i] = from[fromStart + i] ?? 0
  return size
}
