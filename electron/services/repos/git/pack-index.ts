// A git pack index (.idx, version 2): finds an object's offset in its pack by binary search over the
// sorted ids, and where that object's bytes end (the next object's offset). Read-only, pure over the
// bytes it is given; answers null for a version it does not know (the caller falls back).

const MAGIC = 0xff744f63
const HEADER = 8
const FANOUT = 256 * 4
const ID = 20

export class PackIndex {
  readonly count: number
  private readonly data: Buffer
  private readonly namesAt = HEADER + FANOUT
  private readonly offsetsAt: number
  private readonly largeAt: number
  private sorted: Float64Array | undefined

  private constructor(data: Buffer, count: number) {
    this.data = data
    this.count = count
    this.offsetsAt = this.namesAt + count * ID + count * 4
    this.largeAt = this.offsetsAt + count * 4
  }

  /** Parses an .idx file's bytes; null for v1 or anything that is not a v2 index. */
  static parse(data: Buffer): PackIndex | null {
    if (data.length < HEADER + FANOUT + 40) return null
    if (data.readUInt32BE(0) !== MAGIC || data.readUInt32BE(4) !== 2) return null
    const count = data.readUInt32BE(HEADER + 255 * 4)
    if (data.length < HEADER + FANOUT + count * (ID + 8) + 40) return null
    return new PackIndex(data, count)
  }

  /** The pack offset of a 20-byte object id, or -1 when this pack does not hold it. */
  find(id: Buffer): number {
    const first = id[0] ?? 0
    let low = first === 0 ? 0 : this.data.readUInt32BE(HEADER + (first - 1) * 4)
    let high = this.data.readUInt32BE(HEADER + first * 4)
    while (low < high) {
      const middle = (low + high) >>> 1
      const at = this.namesAt + middle * ID
      const order = this.data.compare(id, 0, ID, at, at + ID)
      if (order === 0) return this.offsetAt(middle)
      if (order < 0) low = middle + 1
      else high = middle
    }
    return -1
  }

  /** Where the object starting at `offset` ends: the next object's offset, or the pack's trailer. */
  endOf(offset: number, packSize: number): number {
    const sorted = (this.sorted ??= this.sortOffsets())
    let low = 0
    let high = sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((sorted[middle] ?? 0) <= offset) low = middle + 1
      else high = middle
    }
    return low < sorted.length ? (sorted[low] ?? packSize - ID) : packSize - ID
  }

  private offsetAt(position: number): number {
    const small = this.data.readUInt32BE(this.offsetsAt + position * 4)
    if ((small & 0x80000000) === 0) return small
    return Number(this.data.readBigUInt64BE(this.largeAt + (small & 0x7fffffff) * 8))
  }

  private sortOffsets(): Float64Array {
    const offsets = new Float64Array(this.count)
    for (let i = 0; i < this.count; i++) offsets[i] = this.offsetAt(i)
    return offsets.sort()
  }
}
