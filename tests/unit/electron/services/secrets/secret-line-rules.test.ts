// The line reader's own holes: a `;` ending the line before switched the rules off for the next one
// (the candidate pattern matched across the line break and marked only the earlier line), so a
// password right after `const port = 5432;` was sent as it was, in every language that ends its
// statements with `;`. The agent's guard on redacted lines asks the same redactor, so it was open too.
import { describe, expect, it } from 'vitest'
import { findLineSecretSpans, findSecretLines } from '../../../../../electron/services/secrets/secret-line-rules.ts'
import { SecretRedactor } from '../../../../../electron/services/secrets/secret-redactor.ts'
import { runBounded } from '../../../../fixtures/bounded-run.ts'
import { randomString } from '../../../../fixtures/planted-corpus.ts'

const PASSWORD = `${randomString('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 7, 3)}-${randomString('23456789', 3, 4)}!`

const AFTER_A_SEMICOLON: readonly (readonly [string, string])[] = [
  ['src/db.js', `const port = 5432;\nlet dbPassword = "${PASSWORD}";\n`],
  ['src/main/java/app/Db.java', `int port = 5432;\nString dbPassword = "${PASSWORD}";\n`],
  ['src/App/Db.cs', `var port = 5432;\nvar dbPassword = "${PASSWORD}";\n`],
  ['internal/db/db.go', `var port = 5432;\nvar dbPassword = "${PASSWORD}"\n`],
  ['lib/db.dart', `final port = 5432;\nfinal dbPassword = '${PASSWORD}';\n`],
]

describe('findLineSecretSpans', () => {
  it.each(AFTER_A_SEMICOLON)('reads the line after a `;` line in %s', (path, text) => {
    const spans = findLineSecretSpans(path, text)
    expect(spans.map((span) => text.slice(span.start, span.end))).toContain(PASSWORD)
    expect(findSecretLines(path, text).map((line) => line.line)).toEqual([2])
  })

  it.each(AFTER_A_SEMICOLON)('redacts it in %s, so the edit guard sees the line as a secret too', async (path, text) => {
    const result = await new SecretRedactor().redact(path, text)
    expect(result.text).not.toContain(PASSWORD)
    expect(result.redactions.map((redaction) => redaction.line)).toEqual([2])
  })
})

describe('findLineSecretSpans on hostile text', () => {
  // Each ends well within the bound when the reading is linear; a quadratic step would take minutes.
  const HOSTILE: readonly (readonly [string, string])[] = [
    ['a megabyte minified line', Array.from({ length: 60_000 }, (_, i) => `key${i}:"v",tok=f(${i})`).join(',')],
    ['unclosed quotes', `password = "${'"'.repeat(200_000)}`],
    ['deep brackets', `secrets = ${'('.repeat(100_000)}"x"${')'.repeat(100_000)}`],
    ['a long random run', `token: ${randomString('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+/', 500_000, 9)}`],
    ['many short lines', Array.from({ length: 100_000 }, (_, i) => `password_${i} = "x${i}";`).join('\n')],
    ['dollars and hints', `$password $token ${'$'.repeat(300_000)} glsa_ gl sk-`],
  ]

  it.each(HOSTILE)('ends on %s', async (_what, text) => {
    const module = new URL('../../../../../electron/services/secrets/secret-line-rules.ts', import.meta.url)
    await expect(runBounded(module, 'findLineSecretSpans', ['src/app.js', text], 30_000)).resolves.toBeInstanceOf(Array)
  })
})
