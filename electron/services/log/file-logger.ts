// The main process's log: one line per entry, appended to logs/gemba.log in the data folder.
// Everything written passes through `redactLogText` (the AI redactor's line rules, then `scrubSecrets`),
// so a key, token or private key quoted from a repository never reaches the file. Never throws.
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from './logger.ts'
import { applySpans, findLineSecretSpans, sweepRepeats } from '../secrets/index.ts'

const SECRET_PATTERNS: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /([?#&]token=)[A-Za-z0-9._~-]+/gi,
  /("?(?:x-api-key|api[_-]?key|authorization|password|secret|token)"?\s*[:=]\s*"?)(?!\[redacted)[^\s",}]{6,}/gi,
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

/**
 * A log entry as it may be written: every credential the AI redactor's line rules find (cloud keys,
 * tokens, private key blocks, passwords in URLs or assignments…) has its value replaced in place,
 * then the narrow scrub runs on the rest. Synchronous (secretlint's preset is async and too slow for a
 * logger).
 */
export function redactLogText(text: string): string {
  try {
    const spans = findLineSecretSpans('(log)', text, 'config')
    // A quote inside a message ('Skipped a.ini: password = …') reads as config from after each ": ".
    let offset = 0
    for (const line of text.split('\n')) {
      for (let at = line.indexOf(': '), cuts = 0; at !== -1 && cuts < 8; at = line.indexOf(': ', at + 2), cuts++) {
        const start = offset + at + 2
        for (const span of findLineSecretSpans('(log)', line.slice(at + 2), 'config'))
          spans.push({ ...span, start: span.start + start, end: span.end + start })
      }
      offset += line.length + 1
    }
    return scrubSecrets(spans.length === 0 ? text : applySpans('(log)', text, sweepRepeats(text, spans)).text)
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
