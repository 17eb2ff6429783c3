// The catch-all: a long random token standing anywhere — in prose, a comment, under a name that says
// nothing (`x = "…"`), printed in a notebook's output — is taken for a credential, unless its context
// says it is a hash or data: a lockfile or checksum list, a hash algorithm or an integrity, checksum,
// digest or commit field before it, a data: URI, a URL, a certificate or public-key block, an SSH
// public key, a base64 blob spread over several lines, or an identifier (camel-cased words, a
// mangled symbol). Random means: at least 32 characters of letters (both cases) and digits, with the
// entropy and the changes of character class of random text. Hex strings never count here (hashes
// and commit ids are hex); a hex key is caught under its name. Pure; one pass over maximal runs.
import { isPublicName } from './credential-names.ts'
import type { SecretSpan } from './secret-spans.ts'
import {
  decodeBase64Text,
  isMangledSymbol,
  isPlaceholder,
  isWordyIdentifier,
  looksLikeInlinePassword,
  shannonEntropy,
} from './secret-values.ts'

const MIN_LENGTH = 32
const MAX_LENGTH = 200
const RUN = /[A-Za-z0-9+/_\-=]{32,}/g
/** Files that are lists of hashes by their ecosystem's convention. */
const HASH_FILES =
  /(^|\/)([\w.-]*\.lock|[\w.-]*-lock\.(json|ya?ml)|go\.sum|go\.work\.sum|Cargo\.lock|Gemfile\.lock|Pipfile\.lock|poetry\.lock|composer\.lock|mix\.lock|flake\.lock|pnpm-lock\.yaml|npm-shrinkwrap\.json|[\w.-]*\.(sha\d+|md5|sum|sig|asc|lockfile)|(SHA\d*|MD5)SUMS?(\.\w+)?|checksums?\.\w+|\.terraform\.lock\.hcl|gradle\.lockfile|[\w.-]*\.(svg|map|ipynb\.checkpoints))$/i
/** Words just before a token that make it a hash, a digest or an id rather than a credential. */
const HASH_CONTEXT =
  /(sha-?\d*|md5|blake\w*|crc\d*|xxh\w*|murmur\w*|integrity|checksum|digest|hash|fingerprint|etag|commit|revision|\brev\b|h1:|sum\b|nonce|signature|sig\b|thumbprint|(?<![a-z])id\b|uuid|cursor|guid|base64,|data:|object|oid|tree|parent|sri|public|pub|cert\w*|pin|keyid|encrypt\w*|cipher\w*|signed\w*|envelope|href|src|anchor|csrf|xsrf)[\s"'`:=,>([/_-]*$/i
const PUBLIC_BLOCK = /-----BEGIN ((?!.*PRIVATE)[A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g
const SSH_PUBLIC = /(ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-[\w-]+|sk-(?:ssh|ecdsa)-[\w@.-]+)\s+$/
const URL = /[a-z][a-z0-9+.-]{1,20}:\/\/\S+/gi

/** A lockfile or checksum list, by its ecosystem's name for it: hashes and package names, no names for credentials. */
export function isHashList(path: string): boolean {
  return HASH_FILES.test(path)
}

/** Whether a token reads as random rather than as words or a symbol. */
export function looksRandom(token: string): boolean {
  const letters = token.replace(/[^A-Za-z]/g, '')
  if (!/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d/.test(token) || letters.length < token.length * 0.4) return false
  // Words in camel case or a mangled name; then the class changes and entropy of random text (each
  // bound keeps more than 99.8% of random 32–64 character tokens).
  if (isWordyIdentifier(token) || isMangledSymbol(token)) return false
  let switches = 0
  const classOf = (char: string) => (/[a-z]/.test(char) ? 0 : /[A-Z]/.test(char) ? 1 : /\d/.test(char) ? 2 : 3)
  for (let i = 1; i < token.length; i++) if (classOf(token[i]!) !== classOf(token[i - 1]!)) switches++
  if (switches < (token.length - 1) * 0.36) return false
  return shannonEntropy(token) >= 0.79 * Math.log2(Math.min(token.length, 64))
}

/** Base64 of readable text (a JSON header, a sentence) is data, unless it is `user:password` with a real password. */
function isEncodedText(token: string): boolean {
  const decoded = decodeBase64Text(token)
  if (decoded === null) return false
  const colon = /^[\w.@+-]{1,100}:(\S+)$/.exec(decoded)
  return colon === null || !looksLikeInlinePassword(colon[1]!)
}

/**
 * Base64 of DER that is a certificate or a public key (a SEQUENCE whose first element is a SEQUENCE):
 * public by nature. A private key's DER starts with its version, an INTEGER, and is not excused.
 */
function isPublicDer(token: string): boolean {
  if (!/^MI|^MC|^MF|^MH|^MG/.test(token)) return false
  const bytes = Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  if (bytes.length < 8 || bytes[0] !== 0x30) return false
  const lengthBytes = bytes[1]! & 0x80 ? bytes[1]! & 0x7f : 0
  return bytes[2 + lengthBytes] === 0x30
}

/** `SITE_ROOT/badge/67541b37-…/9X7kcZoe-2`: three parts or more, some of them words. */
function isPath(token: string): boolean {
  const parts = token.split('/')
  return parts.length >= 3 && parts.some((part) => /^[A-Za-z]*[a-z]{3,}[A-Za-z]*$|^[A-Z_]{3,}$/.test(part))
}

/** A token that is a path, a dotted or dashed name: segments that are not random on their own. */
function isSegmented(token: string): boolean {
  const parts = token.split(/[/_-]/).filter(Boolean)
  return parts.length >= 2 && parts.filter((part) => part.length >= 8 && looksRandom(part)).length === 0
}

/** Ranges of the text that hold data rather than secrets: public PEM blocks, URLs. */
function excludedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = []
  if (text.includes('-----BEGIN'))
    for (const block of text.matchAll(PUBLIC_BLOCK)) ranges.push([block.index, block.index + block[0].length])
  if (text.includes('://')) for (const url of text.matchAll(URL)) ranges.push([url.index, url.index + url[0].length])
  return ranges
}

/** Whether the line `offset` sits on is part of a base64 blob: a neighbouring line is mostly one long run too. */
function inBlob(text: string, lineStart: number, lineEnd: number): boolean {
  const blobby = (start: number, end: number) => {
    if (start < 0 || end <= start) return false
    const line = text
      .slice(start, end)
      .trim()
      .replace(/^["'`*#/|>\s]+|["'`,;+\\n\s]+$/g, '')
    return line.length >= 40 && /^[A-Za-z0-9+/=_-]+$/.test(line)
  }
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1
  const nextEnd = text.indexOf('\n', lineEnd + 1)
  return (
    (lineStart > 0 && blobby(previousStart, lineStart - 1)) ||
    (lineEnd < text.length && blobby(lineEnd + 1, nextEnd === -1 ? text.length : nextEnd))
  )
}

/** Every long random token that no context explains, as spans. */
export function findStrayTokens(path: string, text: string): SecretSpan[] {
  if (isHashList(path)) return []
  const spans: (SecretSpan & { line: number })[] = []
  let ranges: [number, number][] | null = null
  const perLine = new Map<number, number>()
  for (const match of text.matchAll(RUN)) {
    let token = match[0].replace(/=+$/, '')
    let start = match.index
    // A run may carry the name it is assigned to (`KEY=value`): the value is what follows the `=`.
    const equals = token.lastIndexOf('=')
    if (equals !== -1) {
      start += equals + 1
      token = token.slice(equals + 1)
    }
    // A digest written with its algorithm (`sha256/…`, `sha512-…`) is a hash.
    if (/^(sha\d*|md5|blake\w*|h1)[/:_-]/i.test(token)) continue
    // An identifier with a content hash (ComposerAutoloaderInit894a6d…), or a path of several parts with words in it.
    if (/^[A-Za-z_]{4,}[0-9a-f]{16,}$/.test(token) || isPath(token)) continue
    token = token.replace(/^[-_/+]+/, (lead) => {
      start += lead.length
      return ''
    })
    if (token.length < MIN_LENGTH || token.length > MAX_LENGTH || /^[0-9a-f-]+$/i.test(token)) continue
    if (
      !looksRandom(token.replace(/[+/_-]/g, '')) ||
      isSegmented(token) ||
      isPlaceholder(token) ||
      isEncodedText(token) ||
      isPublicDer(token)
    )
      continue
    const lineStart = text.lastIndexOf('\n', start - 1) + 1
    const before = text.slice(Math.max(lineStart, start - 48), start)
    if (HASH_CONTEXT.test(before) || SSH_PUBLIC.test(before)) continue
    // Held under a name that says public (`PubKey{Key: "…"}`, `PUBLIC_KEY = "…"`).
    if ((before.match(/[A-Za-z_]{3,}/g) ?? []).some((word) => isPublicName(word))) continue
    ranges ??= excludedRanges(text)
    if (ranges.some(([from, to]) => start >= from && start < to)) continue
    const lineEnd = text.indexOf('\n', start)
    if (inBlob(text, lineStart, lineEnd === -1 ? text.length : lineEnd)) continue
    perLine.set(lineStart, (perLine.get(lineStart) ?? 0) + 1)
    spans.push({ start, end: start + token.length, kind: 'high-entropy-token', line: lineStart })
  }
  // Many such tokens on one line are data (a minified bundle, a list of hashes), not a pasted key.
  return spans.filter((span) => perLine.get(span.line)! <= 3).map(({ start, end, kind }) => ({ start, end, kind }))
}
