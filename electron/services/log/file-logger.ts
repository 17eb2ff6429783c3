// The main process's log: one line per entry, appended to logs/gemba.log in the data folder.
// Everything written passes through `scrubSecrets`, so an API key or token never reaches the file.
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../../core/dispatcher.ts'

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
    const detail = error instanceof Error ? `${error.stack ?? error.message}` : error === undefined ? '' : String(error)
    this.write('error', detail ? `${message}: ${detail}` : message)
  }

  warn(message: string): void {
    this.write('warn', message)
  }

  info(message: string): void {
    this.write('info', message)
  }

  private write(level: string, message: string): void {
    const line = `${new Date().toISOString()} ${level} ${scrubSecrets(message)}\n`
    try {
      appendFileSync(this.file, line, { mode: 0o600 })
    } catch {
      // Logging must never take the app down (a full disk, a removed folder).
    }
    if (this.echo && level !== 'info') process.stderr.write(line)
  }
}
