// The main process's log: one line per entry, appended to logs/gemba.log in the data folder.
// Everything written passes through `redactLogText` (the AI redactor's line rules, then `scrubSecrets`),
// so a key, token or private key quoted from a repository never reaches the file. Never throws.
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from './logger.ts'
import { findSecretLines } from '../ai/index.ts'

const SECRET_PATTERNS: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /([?#&]token=)[A-Za-z0-9._~-]+/gi,
  /("?(?:x-api-key|api[_-]?key|authorization|password|secret|token)"?\s*[:=]\s*"?)[^\s",}]{6,}/gi,
]

export function scrubSecrets(text: string): string {
  let out = text
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]',
    )
  }
  return out
}

/** Where ": " splits a line (a message, then what it quotes), at most a few times. */
function colonCuts(line: string): number[] {
  const cuts: number[] = []
  for (let at = line.indexOf(': '); at !== -1 && cuts.length < 8; at = line.indexOf(': ', at + 2)) cuts.push(at + 2)
  return cuts
}

const flags = (text: string): string | null => findSecretLines('(log)', text)[0]?.rule ?? null

/** The line with its secret part replaced: the longest start that ends at a ": " and is clean is kept. */
function redactLine(line: string, rule: string): string {
  const cut = colonCuts(line).filter((at) => flags(line.slice(0, at)) === null).at(-1)
  const kept = cut === undefined ? (/^\s*/.exec(line)?.[0] ?? '') : line.slice(0, cut)
  // The redactor's own mark (redactedLine), without importing secretlint into the logger.
  return `${kept}[redacted by Gemba: ${rule}]`
}

/**
 * A log entry as it may be written: every line the AI redactor's line rules flag (cloud keys, tokens,
 * private key blocks, passwords in URLs or assignments…) has its secret part replaced, then the
 * narrow scrub runs on the rest. Synchronous (secretlint's preset is async and too slow for a logger).
 */
export function redactLogText(text: string): string {
  try {
    const lines = text.split('\n')
    const flagged = new Map(findSecretLines('(log)', text).map(({ line, rule }) => [line - 1, rule]))
    for (const [index, line] of lines.entries()) {
      // A quote inside a message ('Could not parse a.json:  "key": "…"') reads to the rules as an
      // assignment to the prefix: look again from after each ": ".
      const rule = flagged.has(index) ? undefined : colonCuts(line).map((at) => flags(line.slice(at))).find((found) => found !== null)
      if (rule) flagged.set(index, rule)
    }
    for (const [index, rule] of flagged) lines[index] = redactLine(lines[index] ?? '', rule)
    return scrubSecrets(lines.join('\n'))
  } catch {
    return '[log entry withheld: it could not be checked for secrets]'
  }
}

export class FileLogger implements Logger {
  private readonly file: string
  private readonly echo: boolean

  constructor(dataFolder: string, options: { echo?: boolean } = {}) {
    const folder = join(dataFolder, 'logs')
    mkdirSync(folder, { recursive: true })
    this.file = join(folder, 'gemba.log')
    this.echo = options.echo ?? false
  }

  error(message: string, error?: unknown): void {
    let detail: string
    try {
      detail = error instanceof Error ? `${error.stack ?? error.message}` : error === undefined ? '' : String(error)
    } catch {
      detail = '(the error could not be described)'
    }
    this.write('error', detail ? `${message}: ${detail}` : message)
  }

  warn(message: string): void {
    this.write('warn', message)
  }

  info(message: string): void {
    this.write('info', message)
  }

  private write(level: string, message: string): void {
    const line = `${new Date().toISOString()} ${level} ${redactLogText(message)}\n`
    try {
      appendFileSync(this.file, line, { mode: 0o600 })
    } catch {
      // Logging must never take the app down (a full disk, a removed folder).
    }
    if (this.echo && level !== 'info') process.stderr.write(line)
  }
}
