// The planted-credential corpus through the redactor, file by file: no planted value survives, in any
// wrapping (escaped, base64, split over lines), the file stays readable around it, and the kinds and
// counts hold to what the corpus claims (at least 70 values of at least 35 kinds). Files that are
// credential stores by what they hold (a netrc, a key file) are withheld whole, and redacted too.
import { describe, expect, it } from 'vitest'
import { SecretRedactor } from '../../../../../electron/services/secrets/secret-redactor.ts'
import { CORPUS_SECRETS, PLANTED_CORPUS } from '../../../../fixtures/planted-corpus.ts'

const redactor = new SecretRedactor()
/** The planted files that are credential stores or key files by their content. */
const WITHHELD_BY_CONTENT = new Set(['aws-credentials-ini', 'netrc-without-dot', 'gcp-service-account-json', 'age-secret-key'])

describe('the planted-credential corpus', () => {
  it('has at least 70 values of at least 35 kinds', () => {
    expect(CORPUS_SECRETS.length).toBeGreaterThanOrEqual(70)
    expect(new Set(PLANTED_CORPUS.map((file) => file.kind)).size).toBeGreaterThanOrEqual(35)
    expect(new Set(PLANTED_CORPUS.map((file) => file.path)).size).toBe(PLANTED_CORPUS.length)
  })

  it.each(PLANTED_CORPUS.map((file) => [file.kind, file] as const))('redacts %s', async (_kind, file) => {
    expect(redactor.exclusion(file.path, file.text) !== null, 'withheld whole by what it holds').toBe(WITHHELD_BY_CONTENT.has(file.kind))
    const result = await redactor.redact(file.path, file.text)
    for (const secret of file.secrets.flatMap((s) => s.split('\n'))) {
      expect(result.text, `${secret.slice(0, 10)}… in ${file.path}`).not.toContain(secret)
      // Nor a long piece of it.
      if (secret.length >= 24) expect(result.text).not.toContain(secret.slice(4, 20))
    }
    expect(result.redactions.length).toBeGreaterThan(0)
    expect(result.text.split('\n')).toHaveLength(file.text.split('\n').length)
    expect(result.text).toContain('[redacted by Gemba: ')
  })
})
