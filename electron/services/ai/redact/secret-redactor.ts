// Keeps secrets out of every request: whole files by name (excluded-files.ts), and any line that looks
// like a credential, found by secretlint's recommended preset plus Gemba's own rules. A redacted line
// is replaced in place (line numbers stay true for citations); the secret itself is never returned.
import { lintSource } from '@secretlint/core'
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend'
import type { Redaction } from '../../../../shared/models/ai.ts'
import { exclusionRule } from './excluded-files.ts'
import { findSecretLines } from './secret-line-rules.ts'

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

const SECRETLINT_CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendedPreset }] }

export function redactedLine(original: string, rule: string): string {
  const indent = /^\s*/.exec(original)?.[0] ?? ''
  return `${indent}[redacted by Gemba: ${rule}]`
}

async function secretlintLines(path: string, text: string): Promise<Map<number, string>> {
  const lines = new Map<number, string>()
  const result = await lintSource({
    source: { content: text, filePath: path, contentType: 'text' },
    options: { config: SECRETLINT_CONFIG, maskSecrets: true, noPhysicFilePath: true },
  })
  for (const message of result.messages) {
    const rule = `secretlint/${message.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')}`
    for (let line = message.loc.start.line; line <= message.loc.end.line; line++) if (!lines.has(line)) lines.set(line, rule)
  }
  return lines
}

export class SecretRedactor implements Redactor {
  exclusion(path: string, content?: string): string | null {
    return exclusionRule(path, content)
  }

  async redact(path: string, text: string): Promise<RedactedText> {
    const byLine = await secretlintLines(path, text)
    for (const { line, rule } of findSecretLines(path, text)) if (!byLine.has(line)) byLine.set(line, rule)
    if (byLine.size === 0) return { text, redactions: [] }
    const lines = text.split('\n')
    const redactions: Redaction[] = []
    for (const [line, rule] of [...byLine].sort(([a], [b]) => a - b)) {
      const original = lines[line - 1]
      if (original === undefined) continue
      lines[line - 1] = redactedLine(original, rule)
      redactions.push({ path, line, rule })
    }
    return { text: lines.join('\n'), redactions }
  }
}
