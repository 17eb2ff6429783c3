// Keeps secrets out of every request, in layers: whole files by name (excluded-files.ts); then, inside
// a file, secretlint's recommended preset (secretlint-spans.ts), Gemba's line rules
// (secret-line-rules.ts) and its structural reader for YAML, JSON, notebooks and XML
// (structured-secrets.ts). Each secret's value is replaced in place by `[redacted by Gemba: <kind>]`,
// every other occurrence of it in the same text too; the line stays, so code stays readable and line
// numbers stay true for citations. The secret itself is never returned. Results are cached by content.
import { createHash } from 'node:crypto'
import type { Redaction } from '../../../shared/models/ai.ts'
import { exclusionRule } from './excluded-files.ts'
import { fileKind, type FileKind } from './file-kind.ts'
import { findLineSecretSpans } from './secret-line-rules.ts'
import { applySpans, sweepRepeats, type SecretSpan } from './secret-spans.ts'
import { SecretlintLayer } from './secretlint-spans.ts'
import { findStructuredSecretSpans } from './structured-secrets.ts'

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

/** The line rules' view of a structured file: its lines read as config. */
function lineKindOf(kind: FileKind): FileKind {
  return kind === 'yaml' || kind === 'json' || kind === 'xml' || kind === 'notebook' ? 'config' : kind
}

const sharedSecretlint = new SecretlintLayer()

/** Every secret span in `text`, from all three layers, repeats included. */
export async function findSecretSpans(path: string, text: string, secretlint: SecretlintLayer = sharedSecretlint): Promise<SecretSpan[]> {
  const kind = fileKind(path)
  const spans = [
    ...(await secretlint.spans(path, text)),
    ...findLineSecretSpans(path, text, lineKindOf(kind)),
    ...findStructuredSecretSpans(path, text, kind),
  ]
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
