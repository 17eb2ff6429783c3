// secretlint's recommended preset as one layer of redaction, made affordable: only the lines any of
// its rules could match are given to it (offsets mapped back), and the requests made in the same turn
// of the event loop (a context pack's prefetch, a search's batch of files) go to secretlint as one
// text, since each call costs about a millisecond before it reads a byte. Its `secretlint-disable`
// comments are not honoured. A URL it flags whose password is a stand-in (`user:pass@localhost`) is
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

interface Pending {
  readonly path: string
  readonly text: string
  readonly reduced: Reduced
  readonly resolve: (spans: SecretSpan[]) => void
  readonly reject: (error: unknown) => void
}

/** Blank lines between batched files, so no single-line pattern runs from one into the next. */
const SEPARATOR = '\n\n\n'
const MAX_BATCH_CHARS = 4 * 1024 * 1024

export class SecretlintLayer {
  #queue: Pending[] = []
  #scheduled = false

  /** secretlint's findings in `text`, as spans of the original text. */
  spans(path: string, text: string): Promise<SecretSpan[]> {
    const reduced = reduce(text)
    if (reduced === null) return Promise.resolve([])
    return new Promise((resolve, reject) => {
      this.#queue.push({ path, text, reduced, resolve, reject })
      if (!this.#scheduled) {
        this.#scheduled = true
        setImmediate(() => void this.#flush())
      }
    })
  }

  async #flush(): Promise<void> {
    this.#scheduled = false
    const queue = this.#queue
    this.#queue = []
    while (queue.length > 0) {
      const batch: Pending[] = []
      let size = 0
      while (queue.length > 0 && (batch.length === 0 || size + queue[0]!.reduced.text.length < MAX_BATCH_CHARS)) {
        const next = queue.shift()!
        batch.push(next)
        size += next.reduced.text.length + SEPARATOR.length
      }
      await this.#run(batch)
    }
  }

  async #run(batch: readonly Pending[]): Promise<void> {
    const starts: number[] = []
    let offset = 0
    for (const item of batch) {
      starts.push(offset)
      offset += item.reduced.text.length + SEPARATOR.length
    }
    try {
      const result = await lintSource({
        source: {
          content: batch.map((item) => item.reduced.text).join(SEPARATOR),
          filePath: batch.length === 1 ? batch[0]!.path : '(files)',
          contentType: 'text',
        },
        options: { config: SECRETLINT_CONFIG, maskSecrets: true, noPhysicFilePath: true },
      })
      const found: SecretSpan[][] = batch.map(() => [])
      for (const message of result.messages) {
        const kind = `secretlint/${message.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')}`
        // Each file takes the part of the finding that falls in it (a key left open runs to its end).
        for (const [index, item] of batch.entries()) {
          const from = Math.max(message.range[0], starts[index]!)
          const to = Math.min(message.range[1], starts[index]! + item.reduced.text.length)
          if (from >= to) continue
          const span = {
            start: toOriginal(item.reduced.map, from - starts[index]!),
            end: toOriginal(item.reduced.map, to - starts[index]! - 1) + 1,
            kind,
          }
          if (!isSampleUrlCredential(item.text.slice(span.start, span.end))) found[index]!.push(span)
        }
      }
      batch.forEach((item, index) => item.resolve(found[index]!))
    } catch (error) {
      for (const item of batch) item.reject(error)
    }
  }
}
