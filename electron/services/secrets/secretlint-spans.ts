// secretlint's recommended preset as one layer of redaction, made affordable: only the lines any of
// its rules could match are given to it (offsets mapped back). Each file goes alone, under its real
// name, so the name-dependent rules fire on every path alike. Its `secretlint-disable` comments are
// not honoured. A URL it flags whose password is a stand-in (`user:pass@localhost`) is
// dropped, so the same judgement applies as in Gemba's own rules. Never throws for a file's content.
import { lintSource } from '@secretlint/core'
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend'
import { lineStarts, type SecretSpan } from './secret-spans.ts'
import { looksLikeInlinePassword } from './secret-values.ts'

const SECRETLINT_CONFIG = {
  rules: [
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      rule: recommendedPreset,
      rules: [{ id: '@secretlint/secretlint-rule-filter-comments', disabled: true }],
    },
  ],
}

/**
 * Lines any secretlint rule could match: a run of 16 token characters with letters and digits (every
 * token its rules know), a URL, PEM armour, a password in a connection string.
 */
const TOKEN_RUN = /[A-Za-z0-9+/_=-]{16,}/g
function isCandidate(line: string): boolean {
  if (line.includes('://') || line.includes('-----') || (/pass|pwd/i.test(line) && line.includes('='))) return true
  for (const match of line.matchAll(TOKEN_RUN)) if (/\d/.test(match[0]) && /[A-Za-z]/.test(match[0])) return true
  return false
}

/** A file's candidate lines joined, with where each starts in the reduced and in the original text. */
interface Reduced {
  readonly text: string
  readonly map: readonly { readonly reduced: number; readonly original: number }[]
}

function reduce(text: string): Reduced | null {
  const starts = lineStarts(text)
  const kept: string[] = []
  const map: { reduced: number; original: number }[] = []
  let length = 0
  for (const [index, line] of text.split('\n').entries()) {
    if (!isCandidate(line)) continue
    map.push({ reduced: length, original: starts[index]! })
    kept.push(line)
    length += line.length + 1
  }
  return kept.length === 0 ? null : { text: kept.join('\n'), map }
}

function toOriginal(map: Reduced['map'], offset: number): number {
  let low = 0
  let high = map.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (map[mid]!.reduced <= offset) low = mid
    else high = mid - 1
  }
  const entry = map[low]!
  return entry.original + (offset - entry.reduced)
}

/** A URL secretlint flags for its user:password whose password is a stand-in. */
function isSampleUrlCredential(found: string): boolean {
  const credentials = /:\/\/[^\s:@/]*:([^\s@/]+)@/.exec(found)
  return credentials !== null && !looksLikeInlinePassword(credentials[1]!)
}

/**
 * A finding's end moved to the end of the token it stops in: some rules report a range that falls
 * short (the npm rule measures `_authToken=<token>` from the name but only as long as the token, so
 * the token's last characters stayed in the clear).
 */
function endOfToken(text: string, end: number): number {
  let at = end
  while (at < text.length && at - end < 2000 && !/[\s"'`,;]/.test(text[at]!)) at++
  return at
}

/** The extension secretlint's file rules look at; never `.p12`, whose rule reads the file from disk by its name. */
function extensionOf(path: string): string {
  const name = path.replaceAll('\\', '/').split('/').at(-1) ?? path
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : ''
  return ext === '.p12' || ext === '.pfx' ? '' : ext
}

export class SecretlintLayer {
  /**
   * secretlint's findings in `text`, as spans of the original text. Each file is linted alone, under its
   * own name and extension, so a rule that depends on them (`_authToken` in an `.npmrc`, a GCP key in a
   * `.json`) fires the same whichever path reads the file, alone or with others.
   */
  async spans(path: string, text: string): Promise<SecretSpan[]> {
    const reduced = reduce(text)
    if (reduced === null) return []
    const result = await lintSource({
      source: { content: reduced.text, filePath: path, ext: extensionOf(path), contentType: 'text' },
      options: { config: SECRETLINT_CONFIG, maskSecrets: true, noPhysicFilePath: true },
    })
    const found: SecretSpan[] = []
    for (const message of result.messages) {
      const kind = `secretlint/${message.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')}`
      const from = Math.max(0, message.range[0])
      const to = Math.min(message.range[1], reduced.text.length)
      if (from >= to) continue
      const span = { start: toOriginal(reduced.map, from), end: endOfToken(text, toOriginal(reduced.map, to - 1) + 1), kind }
      if (!isSampleUrlCredential(text.slice(span.start, span.end))) found.push(span)
    }
    return found
  }
}
