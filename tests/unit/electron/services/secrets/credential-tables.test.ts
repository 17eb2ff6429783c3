// Credentials in tables: a column whose header says credential, in CSV, TSV and Markdown. Every cell
// of that column is judged as a value under the header's name; the other columns stay.
import { describe, expect, it } from 'vitest'
import { SecretRedactor } from '../../../../../electron/services/secrets/secret-redactor.ts'
import { randomString } from '../../../../fixtures/planted-corpus.ts'

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const KEYS = [randomString(ALNUM, 28, 31), randomString(ALNUM, 28, 32)]
const redactor = new SecretRedactor()

describe('credential columns', () => {
  it.each([
    ['data/accounts.csv', `id,user,api_key,created\n1,ana,${KEYS[0]},2024-01-10\n2,bo,"${KEYS[1]}",2024-02-11\n`],
    ['data/accounts.tsv', `id\tuser\tApiKey\tcreated\n1\tana\t${KEYS[0]}\t2024-01-10\n2\tbo\t${KEYS[1]}\t2024-02-11\n`],
    [
      'docs/accounts.md',
      `| id | user | Auth Token | created |\n|---|---|---|---|\n| 1 | ana | ${KEYS[0]} | 2024-01-10 |\n| 2 | bo | ${KEYS[1]} | 2024-02-11 |\n`,
    ],
  ])('in %s', async (path, text) => {
    const result = await redactor.redact(path, text)
    for (const key of KEYS) expect(result.text).not.toContain(key)
    expect(result.text).toContain('ana')
    expect(result.text).toContain('2024-02-11')
    expect(result.redactions).toHaveLength(2)
  })

  it('leaves a table whose credential column holds no credential', async () => {
    const text = '| option | key | meaning |\n|---|---|---|\n| a | Ctrl+A | select all |\n| b | Esc | close |\n'
    expect((await redactor.redact('docs/keys.md', text)).redactions).toEqual([])
  })
})
