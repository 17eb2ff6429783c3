// Reads git objects straight from a repository's object folders: packs (v2 .idx lookup, offset and ref
// deltas) and loose objects, inflating exactly each object's compressed bytes with Node's zlib, with
// an LRU of decompressed objects. Read-only; never throws for a missing or damaged object (null).
// `unusual` says a pack could not be indexed here: then a miss may not be final (callers fall back).
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import { applyDelta } from './apply-delta.ts'
import { commonDirOfSync } from './common-git-dir.ts'
import { ObjectCache, type RawObject } from './object-cache.ts'
import { PackIndex } from './pack-index.ts'

const TYPES = [undefined, 'commit', 'tree', 'blob', 'tag'] as const
const OFS_DELTA = 6
const REF_DELTA = 7

interface Pack {
  readonly index: PackIndex
  readonly path: string
  fd: number
  size: number
  /** Recently read 64 KB blocks by number: recent commits and trees (and their bases) lie close together. */
  readonly blocks: Map<number, Buffer>
}

const BLOCK_BITS = 16
const BLOCK_BYTES = 1 << BLOCK_BITS
const BLOCKS_KEPT = 64

export class ObjectReader {
  readonly unusual: boolean
  private readonly packs: Pack[]
  private readonly objectFolders: string[]
  private readonly cache: ObjectCache
  /** The id being looked up, decoded without allocating (a lookup never re-enters read()). */
  private readonly scratch = Buffer.alloc(20)

  private constructor(objectFolders: string[], packs: Pack[], unusual: boolean, cacheBytes: number) {
    this.objectFolders = objectFolders
    this.packs = packs
    this.unusual = unusual
    this.cache = new ObjectCache(cacheBytes)
  }

  /**
   * Lists the packs (and alternates) once; objects added to the repository later may be missed. A
   * linked worktree's own git directory holds no objects: they are read from the common one.
   */
  static open(worktreeGitdir: string, cacheBytes = 24 * 1024 * 1024): ObjectReader {
    const gitdir = commonDirOfSync(worktreeGitdir)
    const folders = objectFolders(join(gitdir, 'objects'))
    const packs: Pack[] = []
    let unusual = /^\s*objectformat\s*=\s*sha256/im.test(readText(join(gitdir, 'config')))
    for (const folder of folders) {
      for (const name of listPacks(join(folder, 'pack'))) {
        const path = join(folder, 'pack', name)
        const index = readIndex(`${path.slice(0, -5)}.idx`)
        if (index) packs.push({ index, path, fd: -1, size: 0, blocks: new Map() })
        else unusual = true
      }
    }
    return new ObjectReader(folders, packs, unusual, cacheBytes)
  }

  /** The object with this hex id, or null when it is missing or cannot be decoded. */
  read(oid: string): RawObject | null {
    const id = this.scratch
    if (!hexToId(oid, id)) return null
    try {
      return this.readPacked(id, 0) ?? this.readLoose(oid)
    } catch {
      return null
    }
  }

  close(): void {
    for (const pack of this.packs) {
      if (pack.fd >= 0) closeSync(pack.fd)
      pack.fd = -1
      pack.blocks.clear()
    }
  }

  private readPacked(id: Buffer, depth: number): RawObject | null {
    for (const [number, pack] of this.packs.entries()) {
      const offset = pack.index.find(id)
      if (offset >= 0) return this.readAt(number, pack, offset, depth)
    }
    return null
  }

  private readAt(number: number, pack: Pack, offset: number, depth: number): RawObject {
    const key = `${number}:${offset}`
    const hit = this.cache.get(key)
    if (hit) return hit
    if (depth > 10_000) throw new Error('delta chain too deep')
    if (pack.fd < 0) {
      pack.fd = openSync(pack.path, 'r')
      pack.size = fstatSync(pack.fd).size
    }
    // Where the object ends is known exactly only from the sorted offsets (costly to build for a big
    // pack); zlib stops at its stream's end, so a window bounded by the object's size does, and the
    // exact end is the fallback when the window falls short.
    let object: RawObject
    try {
      object = this.decodeAt(number, pack, offset, depth, slice(pack, offset, Math.min(pack.size, offset + this.windowFor(pack, offset))))
    } catch {
      object = this.decodeAt(number, pack, offset, depth, slice(pack, offset, pack.index.endOf(offset, pack.size)))
    }
    this.cache.set(key, object)
    return object
  }

  /** Header bytes, plus the object's size as its compressed bound (deflate adds a few bytes per block). */
  private windowFor(pack: Pack, offset: number): number {
    const head = slice(pack, offset, Math.min(pack.size, offset + 16))
    let at = 0
    let byte = head[at++] ?? 0
    let size = byte & 0x0f
    for (let shift = 16; byte & 0x80 && at < head.length; shift *= 128) {
      byte = head[at++] ?? 0
      size += (byte & 0x7f) * shift
    }
    return 64 + size + Math.ceil(size / 256)
  }

  private decodeAt(number: number, pack: Pack, offset: number, depth: number, bytes: Buffer): RawObject {
    let at = 0
    let byte = bytes[at++] ?? 0
    const type = (byte >> 4) & 7
    let size = byte & 0x0f
    for (let shift = 16; byte & 0x80; shift *= 128) {
      byte = bytes[at++] ?? 0
      size += (byte & 0x7f) * shift
    }
    let object: RawObject
    if (type === OFS_DELTA) {
      byte = bytes[at++] ?? 0
      let distance = byte & 0x7f
      while (byte & 0x80) {
        byte = bytes[at++] ?? 0
        distance = (distance + 1) * 128 + (byte & 0x7f)
      }
      const base = this.readAt(number, pack, offset - distance, depth + 1)
      object = { type: base.type, data: applyDelta(base.data, inflate(bytes.subarray(at), size)) }
    } else if (type === REF_DELTA) {
      const baseId = bytes.subarray(at, at + 20)
      const base = this.readPacked(baseId, depth + 1) ?? this.readLoose(baseId.toString('hex'))
      if (!base) throw new Error('delta base is missing')
      object = { type: base.type, data: applyDelta(base.data, inflate(bytes.subarray(at + 20), size)) }
    } else {
      const name = TYPES[type]
      if (!name) throw new Error(`unknown pack object type ${type}`)
      object = { type: name, data: inflate(bytes.subarray(at), size) }
    }
    return object
  }

  private readLoose(oid: string): RawObject | null {
    for (const folder of this.objectFolders) {
      let compressed: Buffer
      try {
        compressed = readFileSync(join(folder, oid.slice(0, 2), oid.slice(2)))
      } catch {
        continue
      }
      const raw = inflateSync(compressed)
      const space = raw.indexOf(0x20)
      const nul = raw.indexOf(0, space)
      const type = raw.toString('latin1', 0, space)
      if (space < 0 || nul < 0 || !(TYPES as readonly unknown[]).includes(type)) throw new Error('bad loose object header')
      return { type: type as RawObject['type'], data: raw.subarray(nul + 1) }
    }
    return null
  }
}

/**
 * Inflates into one buffer of the size the pack header announced (+1 so zlib sees the end without
 * another round): the default 16 KB chunks would make every small tree cost a large allocation.
 */
function inflate(compressed: Buffer, size: number): Buffer {
  const inflated = inflateSync(compressed, { chunkSize: Math.max(64, size + 1) })
  if (inflated.length !== size) throw new Error('object size differs from its pack header')
  return inflated
}

const HEX = new Int8Array(128).fill(-1)
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i

/** Decodes a 40-character lowercase hex id into `id`; false when it is not one. */
function hexToId(oid: string, id: Buffer): boolean {
  if (oid.length !== 40) return false
  for (let i = 0; i < 20; i++) {
    const high = HEX[oid.charCodeAt(2 * i)] ?? -1
    const low = HEX[oid.charCodeAt(2 * i + 1)] ?? -1
    if (high < 0 || low < 0) return false
    id[i] = high * 16 + low
  }
  return true
}

/** The pack's bytes from `start` to `end`: from a cached block when the object lies in one. */
function slice(pack: Pack, start: number, end: number): Buffer {
  const number = Math.floor(start / BLOCK_BYTES)
  if (Math.floor((end - 1) / BLOCK_BYTES) !== number) return readExactly(pack, start, end)
  let block = pack.blocks.get(number)
  if (block) {
    pack.blocks.delete(number)
  } else {
    const blockStart = number * BLOCK_BYTES
    block = readExactly(pack, blockStart, Math.min(blockStart + BLOCK_BYTES, pack.size))
    if (pack.blocks.size >= BLOCKS_KEPT) pack.blocks.delete(pack.blocks.keys().next().value ?? -1)
  }
  pack.blocks.set(number, block)
  const at = start - number * BLOCK_BYTES
  return block.subarray(at, at + end - start)
}

function readExactly(pack: Pack, start: number, end: number): Buffer {
  const bytes = Buffer.allocUnsafe(end - start)
  if (readSync(pack.fd, bytes, 0, bytes.length, start) !== bytes.length) throw new Error('pack is truncated')
  return bytes
}

/** The object folder and its alternates (objects/info/alternates), each listed once. */
function objectFolders(objects: string): string[] {
  const folders = [objects]
  for (const line of readText(join(objects, 'info', 'alternates')).split('\n')) {
    const entry = line.trim()
    if (entry === '' || entry.startsWith('#')) continue
    const folder = isAbsolute(entry) ? entry : resolve(objects, entry)
    if (!folders.includes(folder)) folders.push(folder)
  }
  return folders
}

function listPacks(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => name.endsWith('.pack'))
  } catch {
    return []
  }
}

/**
 * Pack indexes read lately, by path, size and time: a pack never changes once written (git writes new
 * ones), and a big repository's index is tens of megabytes that every scan and rescan would read again.
 */
const recentIndexes = new Map<string, PackIndex>()
const INDEXES_KEPT = 4

function readIndex(path: string): PackIndex | null {
  try {
    const info = statSync(path)
    const key = `${path}\u0000${info.size}\u0000${info.mtimeMs}`
    const known = recentIndexes.get(key)
    if (known) return known
    const index = PackIndex.parse(readFileSync(path))
    if (index) {
      recentIndexes.set(key, index)
      while (recentIndexes.size > INDEXES_KEPT) recentIndexes.delete(recentIndexes.keys().next().value ?? '')
    }
    return index
  } catch {
    return null
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}
