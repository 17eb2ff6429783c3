// Commit subjects and bodies as they reach the tour, the context, the commit-message and explain
// requests and the journal: a NAME=value pasted anywhere in the line is redacted like in a file.
import { describe, expect, it } from 'vitest'
import { redactCommitText } from '../../../../../electron/services/secrets/redact-commit-text.ts'
import { randomString } from '../../../../fixtures/planted-corpus.ts'

const PASSWORD = `${randomString('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 8, 120)}7!`

describe('redactCommitText', () => {
  it.each([
    `Set REPORTING_DB_PASSWORD=${PASSWORD} for staging`,
    `ci: pass --db-password ${PASSWORD} to the migrate job`,
    `Rotate the key (old one: DEPLOY_PASSWORD_CI=${PASSWORD})`,
  ])('redacts %s', (subject) => {
    const redacted = redactCommitText(subject)
    expect(redacted).not.toContain(PASSWORD)
    expect(redacted).toContain('[redacted by Gemba: ')
  })

  it('leaves an ordinary subject as it is', () => {
    const subject = 'Fix the token refresh when the password is reset (closes #42)'
    expect(redactCommitText(subject)).toBe(subject)
  })
})
