// How an edited file's bytes become text and back without changing a byte nobody edited: UTF-8 (with
// or without its byte-order mark), UTF-16 little- or big-endian behind their mark, and otherwise the
// single-byte Windows-1252 (Latin-1's superset, decoded as a one-to-one map of all 256 bytes, so any
// byte comes back as it was). Bytes that are none of these (no mark and NUL bytes, or broken UTF-16)
// are refused with a reason, never decoded with replacement characters. Pure.
import { looksBinary } from './looks-binary.ts'

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export type Decoded =
  { readonly text: string; readonly encoding: TextEncodingName } | { readonly problem: string; readonly binary?: boolean }

const UTF8_BOM = [0xef, 0xbb, 0xbf]

/** Windows-1252 as the WHATWG decoder reads it: 256 bytes to 256 distinct characters. */
const CP1252_CHARS: readonly string[] = (() => {
  const decoder = new TextDecoder('windows-1252')
  return Array.from({ length: 256 }, (_, byte) => decoder.decode(Uint8Array.of(byte)))
})()
const CP1252_BYTES = new Map(CP1252_CHARS.map((char, byte) => [char, byte]))

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/** A readable name for the sentences the agent and the leader see. */
export function encodingLabel(encoding: TextEncodingName): string {
  return {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 with a byte-order mark',
    'utf-16le': 'UTF-16 (little-endian)',
    'utf-16be': 'UTF-16 (big-endian)',
    'windows-1252': 'Windows-1252 (Latin-1)',
  }[encoding]
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/** The text of a file's bytes and the encoding that writes them back exactly, or why there is none. */
export function decodeFaithfully(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, UTF8_BOM)) {
    const text = strictDecode('utf-8', bytes.subarray(3))
    return text === null ? { problem: 'it starts with a UTF-8 mark but is not valid UTF-8' } : { text, encoding: 'utf-8-bom' }
  }
  for (const [mark, label, encoding] of [
    [[0xff, 0xfe], 'utf-16le', 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be', 'utf-16be'],
  ] as const) {
    if (!startsWith(bytes, mark)) continue
    const body = bytes.subarray(2)
    const text = body.length % 2 === 0 ? strictDecode(label, body) : null
    return text === null
      ? { problem: `it starts with a ${label.toUpperCase()} mark but is not valid ${label.toUpperCase()}` }
      : { text, encoding }
  }
  if (looksBinary(bytes)) return { problem: 'it is a binary file', binary: true }
  const utf8 = strictDecode('utf-8', bytes)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }
  return { text: Array.from(bytes, (byte) => CP1252_CHARS[byte]!).join(''), encoding: 'windows-1252' }
}

/** The characters of `text` that `encoding` cannot hold (at most a few, for the refusal). */
export function unencodable(text: string, encoding: TextEncodingName): string[] {
  if (encoding !== 'windows-1252') return []
  const missing = new Set<string>()
  for (const char of text) if (!CP1252_BYTES.has(char) && missing.add(char).size >= 5) break
  return [...missing]
}

/** The bytes of `text` in `encoding` (its mark included). Characters it cannot hold must be refused first. */
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8')
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')])
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
    case 'windows-1252': {
      const bytes = new Uint8Array(text.length)
      let at = 0
      for (const char of text) {
        const byte = CP1252_BYTES.get(char)
        if (byte === undefined) throw new Error(`Windows-1252 has no byte for U+${char.codePointAt(0)!.toString(16).toUpperCase()}`)
        bytes[at++] = byte
      }
      return bytes.subarray(0, at)
    }
  }
}
