// The git index (`.git/index`) read and written byte for byte: versions 2, 3 and 4, paths kept as the
// bytes git stored (a Latin-1 or NFD name stays exactly what it was), conflict stages, skip-worktree
// and intent-to-add flags. Entries nobody changed are written back with their own bytes. Pure: no disk
// (index-lock.ts reads and replaces the file under git's lock).
import { createHash } from 'node:crypto'
import { GembaError } from '../../../shared/errors.ts'

export interface GitIndexEntry {
  /** The path as git stored it (slash-separated bytes; usually, not always, UTF-8). */
  readonly path: Buffer
  readonly ctimeSeconds: number
  readonly ctimeNanoseconds: number
  readonly mtimeSeconds: number
  readonly mtimeNanoseconds: number
  readonly dev: number
  readonly ino: number
  /** 0o100644, 0o100755, 0o120000 (symlink), 0o160000 (submodule). */
  readonly mode: number
  readonly uid: number
  readonly gid: number
  readonly size: number
  readonly oid: string
  /** 0 normally; 1 (base), 2 (ours), 3 (theirs) while a conflict is unresolved. */
  readonly stage: number
  readonly assumeValid: boolean
  readonly skipWorktree: boolean
  readonly intentToAdd: boolean
}

export interface GitIndexExtension {
  readonly signature: string
  readonly data: Buffer
}

export interface GitIndexFile {
  readonly version: 2 | 3 | 4
  readonly entries: readonly GitIndexEntry[]
  readonly extensions: readonly GitIndexExtension[]
}

/** The mode of a symbolic link's entry. */
export const MODE_SYMLINK = 0o120000
/** The mode of a submodule's entry (a gitlink: the commit the submodule is at). */
export const MODE_GITLINK = 0o160000

const HEADER = 12
const FIXED = 62
const SKIP_WORKTREE = 0x4000
const INTENT_TO_ADD = 0x2000
/** Extensions a reader must understand (lowercase first letter): a split index, a sparse index. */
const MANDATORY = /^[a-z]/

export function emptyIndex(): GitIndexFile {
  return { version: 2, entries: [], extensions: [] }
}

function broken(reason: string): GembaError {
  return new GembaError({
    code: 'repository_broken',
    message: `The git index cannot be read: ${reason}.`,
    next: 'Run `git status` in the repository; git rebuilds a damaged index with `git reset`.',
  })
}

export function parseIndex(bytes: Buffer): GitIndexFile {
  if (bytes.length < HEADER + 20 || bytes.toString('latin1', 0, 4) !== 'DIRC') throw broken('it is not an index file')
  const trailer = bytes.subarray(bytes.length - 20)
  // index.skipHash writes zeros instead of the checksum.
  if (
    trailer.some((byte) => byte !== 0) &&
    !createHash('sha1')
      .update(bytes.subarray(0, bytes.length - 20))
      .digest()
      .equals(trailer)
  )
    throw broken('its checksum does not match')
  const version = bytes.readUInt32BE(4)
  if (version !== 2 && version !== 3 && version !== 4) throw broken(`version ${version} is not one Gemba knows`)
  const count = bytes.readUInt32BE(8)
  const end = bytes.length - 20
  const entries: GitIndexEntry[] = []
  let at = HEADER
  let previous: Buffer = Buffer.alloc(0)
  for (let i = 0; i < count; i++) {
    if (at + FIXED > end) throw broken('an entry is cut short')
    const flags = bytes.readUInt16BE(at + 60)
    const extended = (flags & 0x4000) !== 0
    const extra = extended ? bytes.readUInt16BE(at + FIXED) : 0
    const nameAt = at + FIXED + (extended ? 2 : 0)
    let path: Buffer
    let next: number
    if (version === 4) {
      const { value: strip, length } = readVarint(bytes, nameAt)
      const nul = bytes.indexOf(0, nameAt + length)
      if (nul < 0 || nul >= end || strip > previous.length) throw broken('a path is cut short')
      path = Buffer.concat([previous.subarray(0, previous.length - strip), bytes.subarray(nameAt + length, nul)])
      next = nul + 1
    } else {
      const nul = bytes.indexOf(0, nameAt)
      if (nul < 0 || nul >= end) throw broken('a path is cut short')
      path = Buffer.from(bytes.subarray(nameAt, nul))
      next = at + ((nul - at + 8) & ~7)
    }
    entries.push({
      path,
      ctimeSeconds: bytes.readUInt32BE(at),
      ctimeNanoseconds: bytes.readUInt32BE(at + 4),
      mtimeSeconds: bytes.readUInt32BE(at + 8),
      mtimeNanoseconds: bytes.readUInt32BE(at + 12),
      dev: bytes.readUInt32BE(at + 16),
      ino: bytes.readUInt32BE(at + 20),
      mode: bytes.readUInt32BE(at + 24),
      uid: bytes.readUInt32BE(at + 28),
      gid: bytes.readUInt32BE(at + 32),
      size: bytes.readUInt32BE(at + 36),
      oid: bytes.toString('hex', at + 40, at + 60),
      stage: (flags >> 12) & 3,
      assumeValid: (flags & 0x8000) !== 0,
      skipWorktree: (extra & SKIP_WORKTREE) !== 0,
      intentToAdd: (extra & INTENT_TO_ADD) !== 0,
    })
    previous = path
    at = next
  }
  const extensions: GitIndexExtension[] = []
  while (at + 8 <= end) {
    const size = bytes.readUInt32BE(at + 4)
    if (at + 8 + size > end) throw broken('an extension is cut short')
    extensions.push({ signature: bytes.toString('latin1', at, at + 4), data: Buffer.from(bytes.subarray(at + 8, at + 8 + size)) })
    at += 8 + size
  }
  return { version, entries, extensions }
}

/** Extensions that make the entries incomplete or special (split index, sparse index): Gemba then never writes the index. */
export function mandatoryExtensions(index: GitIndexFile): string[] {
  return index.extensions.map((extension) => extension.signature).filter((signature) => MANDATORY.test(signature))
}

/**
 * The index as bytes, entries sorted as git sorts them (path bytes, then stage). Optional extensions
 * (the cached trees, the untracked cache…) are left out: they are caches git rebuilds.
 */
export function encodeIndex(index: GitIndexFile): Buffer {
  const mandatory = mandatoryExtensions(index)
  if (mandatory.length > 0)
    throw new GembaError({
      code: 'refused',
      message: `Gemba does not write an index with the ${mandatory.join(', ')} extension.`,
      next: 'Make this change with git itself.',
    })
  const entries = [...index.entries].sort(compareEntries)
  const needsExtended = entries.some((entry) => entry.skipWorktree || entry.intentToAdd)
  const version = index.version === 4 ? 4 : needsExtended ? 3 : index.version
  const parts: Buffer[] = []
  const header = Buffer.alloc(HEADER)
  header.write('DIRC', 0, 'latin1')
  header.writeUInt32BE(version, 4)
  header.writeUInt32BE(entries.length, 8)
  parts.push(header)
  let previous: Buffer = Buffer.alloc(0)
  for (const entry of entries) {
    parts.push(encodeEntry(entry, version, previous))
    previous = entry.path
  }
  const body = Buffer.concat(parts)
  return Buffer.concat([body, createHash('sha1').update(body).digest()])
}

function encodeEntry(entry: GitIndexEntry, version: number, previous: Buffer): Buffer {
  const extended = version >= 3 && (entry.skipWorktree || entry.intentToAdd)
  const fixed = Buffer.alloc(FIXED + (extended ? 2 : 0))
  const numbers = [
    entry.ctimeSeconds,
    entry.ctimeNanoseconds,
    entry.mtimeSeconds,
    entry.mtimeNanoseconds,
    entry.dev,
    entry.ino,
    entry.mode,
    entry.uid,
    entry.gid,
    entry.size,
  ]
  numbers.forEach((value, index) => fixed.writeUInt32BE(value >>> 0, index * 4))
  fixed.write(entry.oid, 40, 'hex')
  const flags = (entry.assumeValid ? 0x8000 : 0) | (extended ? 0x4000 : 0) | ((entry.stage & 3) << 12) | Math.min(entry.path.length, 0xfff)
  fixed.writeUInt16BE(flags, 60)
  if (extended) fixed.writeUInt16BE((entry.skipWorktree ? SKIP_WORKTREE : 0) | (entry.intentToAdd ? INTENT_TO_ADD : 0), FIXED)
  if (version === 4) {
    let common = 0
    while (common < previous.length && common < entry.path.length && previous[common] === entry.path[common]) common++
    return Buffer.concat([fixed, writeVarint(previous.length - common), entry.path.subarray(common), Buffer.alloc(1)])
  }
  const length = (fixed.length + entry.path.length + 8) & ~7
  const out = Buffer.alloc(length)
  fixed.copy(out)
  entry.path.copy(out, fixed.length)
  return out
}

export function compareEntries(a: Pick<GitIndexEntry, 'path' | 'stage'>, b: Pick<GitIndexEntry, 'path' | 'stage'>): number {
  return Buffer.compare(a.path, b.path) || a.stage - b.stage
}

/** git's offset varint (varint.c): 7 bits a byte, each continuation adding one. */
function readVarint(bytes: Buffer, at: number): { value: number; length: number } {
  let byte = bytes[at] ?? 0
  let value = byte & 127
  let length = 1
  while (byte & 128) {
    byte = bytes[at + length] ?? 0
    value = ((value + 1) << 7) | (byte & 127)
    length++
  }
  return { value, length }
}

function writeVarint(value: number): Buffer {
  const out = [value & 127]
  for (let rest = value >>> 7; rest > 0; rest >>>= 7) {
    rest -= 1
    out.unshift(128 | (rest & 127))
  }
  return Buffer.from(out)
}
