// The log never carries a credential: an error quoting repository content (AWS, GitHub, Slack, Stripe,
// npm keys, JWTs, private key blocks, passwords in URLs and config) is written with those lines
// redacted, the rest of the entry kept for whoever reads the log; and logging never throws.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileLogger, redactLogText } from '../../../../../electron/services/log/file-logger.ts'
import { PLANTED } from '../../../../integration/ai/planted-secrets.ts'

let dataFolder: string
beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'gemba-'))
})
afterEach(() => rm(dataFolder, { recursive: true, force: true }))

const logText = () => readFile(join(dataFolder, 'logs', 'gemba.log'), 'utf8')

describe('FileLogger', () => {
  it.each(PLANTED.map((planted) => [planted.path, planted] as const))(
    'keeps the secret planted in %s out of gemba.log',
    async (path, planted) => {
      const log = new FileLogger(dataFolder)
      const error = new Error(`Could not parse ${path} near:\n${planted.line}\nfix the file and try again`)
      log.error('repos.scan failed', error)
      log.warn(`Skipped ${path}: ${planted.line}`)
      const text = await logText()
      for (const part of planted.secret.split('\n')) expect(text).not.toContain(part)
      expect(text).toContain('[redacted')
      // What is not a secret stays readable: the message, the file named, the stack.
      expect(text).toContain(`repos.scan failed: Error: Could not parse ${path} near:`)
      expect(text).toContain('fix the file and try again')
      expect(text).toMatch(/\n\s+at .*file-logger\.test\.ts/)
    },
  )

  it('redacts every line of a private key block quoted in one entry', () => {
    const key = PLANTED.find((planted) => planted.line.includes('PRIVATE KEY'))!
    const out = redactLogText(`config error in keys/readme.md:\n${key.line}\nend of quote`)
    const lines = key.line.split('\n')
    expect(out.split('\n')).toEqual([
      'config error in keys/readme.md:',
      lines[0],
      ...lines.slice(1, -1).map(() => '[redacted by Gemba: private-key]'),
      lines.at(-1),
      'end of quote',
    ])
  })

  it('keeps the message before a quoted secret on the same line', () => {
    const github = PLANTED.find((planted) => planted.path === 'scripts/deploy.sh')!
    expect(redactLogText(`Skipped scripts/deploy.sh: ${github.line}`)).toBe(
      'Skipped scripts/deploy.sh: export GITHUB_TOKEN=[redacted by Gemba: github-token]',
    )
  })

  it('still scrubs what the line rules leave: short keys, token query strings', () => {
    expect(redactLogText('GET /events?token=abcdef123456 refused')).toBe('GET /events?token=[redacted] refused')
    expect(redactLogText('nothing secret here: 42 files, 3 skipped')).toBe('nothing secret here: 42 files, 3 skipped')
  })

  it('never throws: not when the log folder is gone, nor on odd input', async () => {
    const log = new FileLogger(dataFolder)
    await rm(join(dataFolder, 'logs'), { recursive: true, force: true })
    expect(() => log.error('after the folder went away', new Error('x'.repeat(20_000)))).not.toThrow()
    expect(() =>
      log.error('not an error object', {
        toString: () => {
          throw new Error('boom')
        },
      }),
    ).not.toThrow()
  })
})
