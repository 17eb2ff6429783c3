// Keeps secrets out of every request, in layers: whole files by name (excluded-files.ts); then, inside
// a file, secretlint's recommended preset (its secretlint-disable comments are not honoured: a secret a
// team chose to allow in its lint still never leaves the machine), Gemba's line rules
// (secret-line-rules.ts) and its structural reader for YAML, JSON, notebooks and XML
// (structured-secrets.ts). Each secret's value is replaced in place by `[redacted by Gemba: <kind>]`,
// every other occurrence of it in the same text too; the line stays, so code stays readable and line
// numbers stay true for citations. The secret itself is never returned. Results are cached by content.
import { createHash } from 'node:crypto'
import { lintSource } from '@secretlint/core'
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend'
import type { Redaction } from '../../../../shared/models/ai.ts'
import { exclusionRule } from './excluded-files.ts'
import { fileKind, type FileKind } from './file-kind.ts'
import { findLineSecretSpans } from './secret-line-rules.ts'
import { applySpans, lineStarts, REDACTION_MARK, redactionMark, sweepRepeats, type SecretSpan } from './secret-spans.ts'
import { looksLikeInlinePassword } from './secret-values.ts'
import { findStructuredSecretSpans } from './structured-secrets.ts'

export { REDACTION_MARK } from './secret-spans.ts'

export interface RedactedText {
  readonly text: string
  readonly redactions: readonly Redaction[]
}

/** What tools and context packing depend on; tests may pass their own. */
export interface Redactor {
  /** The rule that excludes this file entirely, or null. */
  exclusion(path: string, content?: string): string | null
  redact(path: string, text: string): Promise<RedactedText>
}

const SECRETLINT_CONFIG = {
  rules: [
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      rule: recommendedPreset,
      rules: [{ id: '@secretlint/secretlint-rule-filter-comments', disabled: true }],
    },
  ],
}

/** A whole line replaced by the mark, for callers that redact line by line (the log). */
export function redactedLine(original: string, rule: string): string {
  const indent = /^\s*/.exec(original)?.[0] ?? ''
  return `${indent}${redactionMark(rule)}`
}

/**
 * Lines any secretlint rule could match: a run of 16 token characters with letters and digits (every
 * token its rules know), a URL, PEM armour, a password in a connection string. The rest is left out of
 * secretlint's input (its many whole-text patterns are the slowest layer), with offsets mapped back,
 * and a text without any such line never reaches it.
 */
const TOKEN_RUN = /[A-Za-z0-9+/_=-]{16,}/g
function isSecretlintCandidate(line: string): boolean {
  if (line.includes('://') || line.includes('-----') || (/pass|pwd/i.test(line) && line.includes('='))) return true
  for (const match of line.matchAll(TOKEN_RUN)) if (/\d/.test(match[0]) && /[A-Za-z]/.test(match[0])) return true
  return false
}

async function secretlintSpans(path: string, text: string): Promise<SecretSpan[]> {
  const starts = lineStarts(text)
  const kept: string[] = []
  /** For each kept line: its offset in the reduced text and in the original. */
  const map: { reduced: number; original: number }[] = []
  let reducedLength = 0
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    if (!isSecretlintCandidate(line)) continue
    map.push({ reduced: reducedLength, original: starts[index]! })
    kept.push(line)
    reducedLength += line.length + 1
  }
  if (kept.length === 0) return []
  const reduced = kept.length === lines.length ? text : kept.join('\n')
  const result = await lintSource({
    source: { content: reduced, filePath: path, contentType: 'text' },
    options: { config: SECRETLINT_CONFIG, maskSecrets: true, noPhysicFilePath: true },
  })
  const toOriginal = (offset: number): number => {
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
  return result.messages
    .map((message) => ({
      start: toOriginal(message.range[0]),
      end: toOriginal(Math.max(message.range[0], message.range[1] - 1)) + 1,
      kind: `secretlint/${message.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')}`,
    }))
    .filter((span) => !isSampleUrlCredential(text.slice(span.start, span.end)))
}

/** A URL secretlint flags for its user:password whose password is a stand-in (`user:pass@localhost`). */
function isSampleUrlCredential(found: string): boolean {
  const credentials = /:\/\/[^\s:@/]*:([^\s@/]+)@/.exec(found)
  return credentials !== null && !looksLikeInlinePassword(credentials[1]!)
}

/** The line rules' view of a structured file: its lines read as config. */
function lineKindOf(kind: FileKind): FileKind {
  return kind === 'yaml' || kind === 'json' || kind === 'xml' || kind === 'notebook' ? 'config' : kind
}

/** Every secret span in `text`, from all three layers, repeats included. */
export async function findSecretSpans(path: string, text: string): Promise<SecretSpan[]> {
  const kind = fileKind(path)
  const spans = [...(await secretlintSpans(path, text)), ...findLineSecretSpans(path, text, lineKindOf(kind)), ...findStructuredSecretSpans(path, text, kind)]
  return spans.length === 0 ? spans : sweepRepeats(text, spans)
}

const CACHE_ENTRIES = 4_000
const CACHE_CHARS = 64 * 1024 * 1024

export class SecretRedactor implements Redactor {
  readonly #cache = new Map<string, RedactedText>()
  #cachedChars = 0

  exclusion(path: string, content?: string): string | null {
    return exclusionRule(path, content)
  }

  async redact(path: string, text: string): Promise<RedactedText> {
    const key = createHash('sha1').update(path).update('\0').update(text).digest('base64')
    const cached = this.#cache.get(key)
    if (cached) {
      // Least recently used goes first.
      this.#cache.delete(key)
      this.#cache.set(key, cached)
      return cached
    }
    const spans = await findSecretSpans(path, text)
    const result = applySpans(path, text, spans)
    this.#remember(key, result)
    return result
  }

  #remember(key: string, result: RedactedText): void {
    this.#cache.set(key, result)
    this.#cachedChars += result.text.length
    while (this.#cache.size > CACHE_ENTRIES || this.#cachedChars > CACHE_CHARS) {
      const oldest = this.#cache.keys().next().value!
      this.#cachedChars -= this.#cache.get(oldest)!.text.length
      this.#cache.delete(oldest)
    }
  }
}

/** True when this line of redacted text carries Gemba's mark. */
export function isRedactedLine(line: string): boolean {
  return line.includes(REDACTION_MARK)
}
