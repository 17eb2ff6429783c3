// Planted secrets of many kinds (fake, assembled here) must not survive redaction; ordinary code must.
import { describe, expect, it } from 'vitest'
import { SecretRedactor } from '../../../../../electron/services/secrets/secret-redactor.ts'
import { ALNUM, pick, PLANTED } from '../../../../integration/ai/planted-secrets.ts'

describe('SecretRedactor', () => {
  const redactor = new SecretRedactor()

  it.each(PLANTED.map((planted) => [planted.path, planted] as const))('removes the secret planted in %s', async (_path, planted) => {
    const text = ['// surrounding code', planted.line, 'const answer = 42'].join('\n')
    const result = await redactor.redact(planted.path, text)
    expect(result.text).not.toContain(planted.secret)
    expect(result.redactions.length).toBeGreaterThan(0)
    expect(JSON.stringify(result.redactions)).not.toContain(planted.secret)
    expect(result.text).toContain('const answer = 42')
  })

  it("uses secretlint's maintained rules first, and Gemba's own for what they miss", async () => {
    const github = PLANTED.find((planted) => planted.path === 'scripts/deploy.sh')!
    const yaml = PLANTED.find((planted) => planted.path === 'config/settings.yaml')!
    expect((await redactor.redact(github.path, github.line)).redactions[0]?.rule).toBe('secretlint/github')
    expect((await redactor.redact(yaml.path, yaml.line)).redactions[0]?.rule).toBe('password-assignment')
  })

  it('keeps the line and line numbers: only the value is replaced', async () => {
    const text = ['a: 1', '  password: Qx7-vell-92', 'b: 2'].join('\n')
    const result = await redactor.redact('config.yml', text)
    expect(result.text.split('\n')).toEqual(['a: 1', '  password: [redacted by Gemba: password-assignment]', 'b: 2'])
    expect(result.redactions).toEqual([{ path: 'config.yml', line: 2, rule: 'password-assignment' }])
  })

  it('redacts every line of a private key block', async () => {
    const body = pick(ALNUM, 64, 20)
    const text = ['x', '-----BEGIN OPENSSH PRIVATE KEY-----', body, body, '-----END OPENSSH PRIVATE KEY-----', 'y'].join('\n')
    const result = await redactor.redact('notes.txt', text)
    expect(result.redactions.map((r) => r.line)).toEqual([3, 4])
    expect(result.text.split('\n')).toEqual([
      'x',
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      '[redacted by Gemba: private-key]',
      '[redacted by Gemba: private-key]',
      '-----END OPENSSH PRIVATE KEY-----',
      'y',
    ])
  })

  it('leaves ordinary code alone', async () => {
    const code = [
      'interface Login { password: string; token?: string }',
      'const password = await prompt("Password:")',
      'function hash(password: string) { return bcrypt.hash(password, 10) }',
      'const token = process.env.API_TOKEN',
      'const url = `postgres://${user}:${pass}@${host}/db`',
      'export const cacheKey = "projects"',
      'headers.Authorization = `Bearer ${token}`',
    ].join('\n')
    const result = await redactor.redact('src/login.ts', code)
    expect(result.redactions).toEqual([])
    expect(result.text).toBe(code)
  })

  it('leaves placeholders in config alone', async () => {
    const text = ['DB_PASSWORD=${DB_PASSWORD}', 'API_TOKEN=', 'password: <your password here>', 'secret: changeme'].join('\n')
    expect((await redactor.redact('.env.example', text)).redactions).toEqual([])
  })
})
