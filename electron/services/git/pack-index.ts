// A git pack index (.idx, version 2, or the old version 1): finds an object's offset in its pack by
// binary search over the sorted ids, and where that object's bytes end (the next object's offset).
// Read-only, pure over the bytes it is given; answers null for bytes that are not an index.

const MAGIC = 0xff744f63
const FANOUT = 256 * 4
const ID = 20

export class PackIndex {
  readonly count: number
  private readonly data: Buffer
  private readonly version: 1 | 2
  private readonly fanoutAt: number
  private readonly namesAt: number
  private readonly stride: number
  private readonly offsetsAt: number
  private readonly largeAt: number
  private sorted: Float64Array | Uint32Array<ArrayBufferLike> | undefined

  private constructor(data: Buffer, version: 1 | 2) {
    this.data = data
    this.version = version
    this.fanoutAt = version === 2 ? 8 : 0
    this.count = data.readUInt32BE(this.fanoutAt + 255 * 4)
    // v1: entries of (4-byte offset, id); v2: ids, then CRCs, then 4-byte offsets, then 8-byte ones.
    this.namesAt = this.fanoutAt + FANOUT + (version === 2 ? 0 : 4)
    this.stride = version === 2 ? ID : ID + 4
    this.offsetsAt = version === 2 ? this.namesAt + this.count * (ID + 4) : this.fanoutAt + FANOUT
    this.largeAt = this.offsetsAt + this.count * 4
  }

  /** Parses an .idx file's bytes; null when they are not a v1 or v2 index. */
  static parse(data: Buffer): PackIndex | null {
    if (data.length < 8 + FANOUT + 40) return null
    const version = data.readUInt32BE(0) === MAGIC ? data.readUInt32BE(4) : 1
    if (version !== 1 && version !== 2) return null
    const index = new PackIndex(data, version)
    const needed = version === 2 ? index.largeAt + 40 : index.offsetsAt + index.count * (ID + 4) + 40
    return data.length >= needed ? index : null
  }

  /** The pack offset of a 20-byte object id, or -1 when this pack does not hold it. */
  find(id: Buffer): number {
    const first = id[0] ?? 0
    let low = first === 0 ? 0 : this.data.readUInt32BE(this.fanoutAt + (first - 1) * 4)
    let high = this.data.readUInt32BE(this.fanoutAt + first * 4)
    while (low < high) {
      const middle = (low + high) >>> 1
      const order = this.compareAt(this.namesAt + middle * this.stride, id)
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

  /** Index entry at `at` against `id`, bytewise (a loop: most ids differ within two bytes). */
  private compareAt(at: number, id: Buffer): number {
    for (let i = 0; i < ID; i++) {
      const order = (this.data[at + i] ?? 0) - (id[i] ?? 0)
      if (order !== 0) return order
    }
    return 0
  }

  private offsetAt(position: number): number {
    if (this.version === 1) return this.data.readUInt32BE(this.offsetsAt + position * (ID + 4))
    const small = this.data.readUInt32BE(this.offsetsAt + position * 4)
    if ((small & 0x80000000) === 0) return small
    return Number(this.data.readBigUInt64BE(this.largeAt + (small & 0x7fffffff) * 8))
  }

  private sortOffsets(): Float64Array | Uint32Array<ArrayBufferLike> {
    // v2 keeps the offsets as one big-endian uint32 array: swapped in bulk and radix-sorted (a pack of
    // a million objects in tens of milliseconds), unless a pack over 2 GB needs its 8-byte offsets.
    if (this.version === 2) {
      const bytes = new Uint8Array(this.count * 4)
      bytes.set(this.data.subarray(this.offsetsAt, this.offsetsAt + this.count * 4))
      Buffer.from(bytes.buffer, 0, bytes.length).swap32()
      const small = new Uint32Array(bytes.buffer, 0, this.count)
      let large = false
      for (let i = 0; i < small.length && !large; i++) large = ((small[i] ?? 0) & 0x80000000) !== 0
      if (!large) return radixSort(small)
    }
    const offsets = new Float64Array(this.count)
    for (let i = 0; i < this.count; i++) offsets[i] = this.offsetAt(i)
    return offsets.sort()
  }
}

/** Sorts 32-bit values in two 16-bit passes (TypedArray#sort takes several times longer on a million). */
function radixSort(values: Uint32Array<ArrayBufferLike>): Uint32Array<ArrayBufferLike> {
  let from: Uint32Array<ArrayBufferLike> = values
  let to: Uint32Array<ArrayBufferLike> = new Uint32Array(values.length)
  const counts = new Uint32Array(65536)
  for (const shift of [0, 16]) {
    counts.fill(0)
    for (let i = 0; i < from.length; i++) counts[((from[i] ?? 0) >>> shift) & 0xffff]! += 1
    let sum = 0
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i] ?? 0
      counts[i] = sum
      sum += count
    }
    for (let i = 0; i < from.length; i++) {
      const value = from[i] ?? 0
      const slot = (value >>> shift) & 0xffff
      to[counts[slot]!] = value
      counts[slot]! += 1
    }
    ;[from, to] = [to, from]
  }
  return from
}
