// The repository tools on a real git repository: confined, capped, and redacted.
import { link, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SecretRedactor } from '../../../../../../electron/services/secrets/secret-redactor.ts'
import { gitTrackedFiles, workingTreeSnapshot } from '../../../../../../electron/services/git/git-layer.ts'
import { createRepoTools, type ToolSet } from '../../../../../../electron/services/ai/tools/repo-tools.ts'
import { searchCode } from '../../../../../../electron/services/ai/tools/search-code.ts'
import { PLANTED } from '../../../../../integration/ai/planted-secrets.ts'
import { buildRepo, type RepoBuilder } from '../../../../../fixtures/repo-builder.ts'

const NETRC_PASSWORD = 'Nq7-' + 'x2Lp9Vw4'
const PGPASS_PASSWORD = 'Pg7-' + 'w3Rt5Yu1'
const TOKEN = 'ghp_' + 'Q9wE8rT7yU6iO5pA4sD3fG2hJ1kL0zXcVbNm'
let repo: RepoBuilder
let outside: string
let tools: ToolSet
const signal = new AbortController().signal

beforeAll(async () => {
  outside = await realpath(await mkdtemp(join(tmpdir(), 'gemba-')))
  await writeFile(join(outside, 'private.txt'), 'outside the repository')
  repo = await buildRepo()
  await repo.files({
    'README.md': '# Shop\n\nA small shop.\n',
    'src/app.ts': Array.from({ length: 900 }, (_, i) => `export const line${i + 1} = ${i + 1}`).join('\n') + '\n',
    'src/db.ts': "export function connect() {\n  return pg.connect('postgres://shop:" + 'S3cretPa55' + "@db.internal/shop')\n}\n",
    'src/empty.ts': '',
    '.env.example': 'DATABASE_URL=\n',
    'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
    'keys/server.pem': '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n',
  })
  for (const [index, planted] of PLANTED.entries())
    await repo.write(`planted/${index}-${planted.path.replaceAll('/', '_')}`, `before\n${planted.line}\nafter\n`)
  await repo.symlink('src/outside-link', join(outside, 'private.txt'))
  // A link named innocently, pointing at a credential file inside the repository.
  await repo.write('deploy/.netrc', `machine ci.example.com login deploy password ${NETRC_PASSWORD}\n`)
  await repo.symlink('ops/ci-credentials.txt', '../deploy/.netrc')
  // Hard links: a second, innocent name for .pgpass, and one for a file outside the repository.
  await repo.write('deploy/.pgpass', `db.internal:5432:shop:shop:${PGPASS_PASSWORD}\n`)
  await link(repo.path('deploy/.pgpass'), repo.path('deploy/pg-notes.txt'))
  await link(join(outside, 'private.txt'), repo.path('deploy/readme.txt'))
  await repo.write('src/deploy.sh', `export GITHUB_TOKEN=${TOKEN}\necho deploying\n`)
  await repo.write('src/long-line.txt', `${'word '.repeat(20_000)}\n`)
  await repo.commit('initial')
  await repo.write('.env', 'SECRET=abc\n')
  tools = createRepoTools({ snapshot: workingTreeSnapshot(repo.dir), redactor: new SecretRedactor(), listFiles: gitTrackedFiles(repo.dir) })
})

afterAll(async () => {
  await repo.cleanup()
  await rm(outside, { recursive: true, force: true })
})

describe('list_folder', () => {
  it('lists tracked entries of the root, folders first, withholding secret files by name', async () => {
    const result = await tools.execute('list_folder', { path: '.' }, signal)
    expect(result.isError).toBe(false)
    expect(result.content).toMatch(/^\.\/\nassets\/\ndeploy\/\nkeys\/\nops\/\nplanted\/\nsrc\//)
    expect(result.content).toContain('README.md (')
    expect(result.content).not.toContain('.git/')
    expect(result.content).not.toMatch(/^\.env \(/m)
    const keys = await tools.execute('list_folder', { path: 'keys' }, signal)
    expect(keys.content).toContain('server.pem (withheld: private-key-file)')
  })

  it('withholds a link by what it points at', async () => {
    const ops = await tools.execute('list_folder', { path: 'ops' }, signal)
    expect(ops.content).toContain('ci-credentials.txt (withheld: credentials-file)')
  })

  it('withholds a hard link, to a credentials file or to a file outside the repository, as what it may be', async () => {
    const deploy = await tools.execute('list_folder', { path: 'deploy' }, signal)
    expect(deploy.content).toContain('pg-notes.txt (withheld: hard-link)')
    expect(deploy.content).toContain('readme.txt (withheld: hard-link)')
    expect(deploy.content).toContain('.pgpass (withheld: credentials-file)')
  })

  it('tells each file by its lines, which redaction keeps, never by its bytes, which would tell a secret’s length', async () => {
    const root = await tools.execute('list_folder', { path: '.' }, signal)
    expect(root.content).toContain('README.md (3 lines)')
    const src = await tools.execute('list_folder', { path: 'src' }, signal)
    expect(src.content).toContain('db.ts (3 lines)')
    expect(src.content).toContain('empty.ts (0 lines)')
    expect(src.content).not.toMatch(/bytes\)/)
    const assets = await tools.execute('list_folder', { path: 'assets' }, signal)
    expect(assets.content).toContain('logo.png (binary)')
  })

  it('refuses paths outside the repository and inside .git', async () => {
    for (const path of ['..', '/etc', '.git', 'src/../../x']) {
      const result = await tools.execute('list_folder', { path }, signal)
      expect(result.isError, path).toBe(true)
    }
  })
})

describe('read_file', () => {
  it('reads a line range with line numbers', async () => {
    const result = await tools.execute('read_file', { path: 'src/app.ts', start_line: 10, end_line: 12 }, signal)
    expect(result.content).toBe(
      'src/app.ts (lines 10-12 of 900)\n10\texport const line10 = 10\n11\texport const line11 = 11\n12\texport const line12 = 12\n(lines 13-900 not shown; ask for them with start_line)',
    )
    expect(result.files).toEqual([{ path: 'src/app.ts', bytes: expect.any(Number) }])
  })

  it('caps a read at 400 lines', async () => {
    const result = await tools.execute('read_file', { path: 'src/app.ts' }, signal)
    expect(result.content.split('\n')[0]).toBe('src/app.ts (lines 1-400 of 900)')
  })

  it('redacts a connection string password and records the redaction', async () => {
    const result = await tools.execute('read_file', { path: 'src/db.ts' }, signal)
    expect(result.content).not.toContain('S3cretPa55')
    expect(result.content).toContain('[redacted by Gemba:')
    expect(result.redactions).toEqual([{ path: 'src/db.ts', line: 2, rule: expect.any(String) }])
  })

  it.each([
    ['.env', /withholds/],
    ['keys/server.pem', /withholds/],
    ['assets/logo.png', /binary/],
    ['src', /folder/],
    ['src/outside-link', /outside the repository/],
    ['../etc/passwd', /outside the repository/],
    ['.git/config', /\.git/],
    ['nope.ts', /no "nope.ts"/],
  ])('refuses %s', async (path, message) => {
    const result = await tools.execute('read_file', { path }, signal)
    expect(result.isError).toBe(true)
    expect(result.content).toMatch(message)
  })

  it('withholds a hard link to an excluded file or to a file outside the repository', async () => {
    for (const path of ['deploy/pg-notes.txt', 'deploy/readme.txt']) {
      const read = await tools.execute('read_file', { path }, signal)
      expect(read.isError, path).toBe(true)
      expect(read.content, path).toMatch(/withholds .* \(hard-link\)/)
      expect(read.content, path).not.toContain(PGPASS_PASSWORD)
      expect(read.content, path).not.toContain('outside the repository')
    }
  })

  it('withholds a link with an innocent name that points at an excluded file', async () => {
    const result = await tools.execute('read_file', { path: 'ops/ci-credentials.txt' }, signal)
    expect(result.isError).toBe(true)
    expect(result.content).toMatch(/withholds ops\/ci-credentials.txt \(credentials-file\)/)
    expect(result.content).not.toContain(NETRC_PASSWORD)
  })

  it('answers an empty file and invalid input without throwing', async () => {
    expect((await tools.execute('read_file', { path: 'src/empty.ts' }, signal)).content).toBe('src/empty.ts is empty.')
    const invalid = await tools.execute('read_file', { start_line: 'x' }, signal)
    expect(invalid).toMatchObject({ isError: true })
    expect(invalid.content).toMatch(/Invalid input for read_file/)
  })
})

describe('search_code', () => {
  it('finds literal matches as path:line: text', async () => {
    const result = await tools.execute('search_code', { query: 'line77 =' }, signal)
    expect(result.content).toBe('src/app.ts:77: export const line77 = 77')
  })

  it('supports regular expressions, a folder scope and a result cap', async () => {
    const result = await tools.execute('search_code', { query: 'line\\d+ = 1\\d$', is_regex: true, path: 'src', max_results: 3 }, signal)
    expect(result.content.split('\n').slice(0, 3)).toEqual([
      'src/app.ts:10: export const line10 = 10',
      'src/app.ts:11: export const line11 = 11',
      'src/app.ts:12: export const line12 = 12',
    ])
    expect(result.content).toMatch(/stopped at 3 matches/)
  })

  it('never surfaces a planted secret, even when searching for it directly', async () => {
    for (const planted of PLANTED) {
      const fragment = planted.secret.split('\n')[0]!.slice(0, 24)
      const result = await tools.execute('search_code', { query: fragment }, signal)
      const hits = result.content.split('\n').filter((line) => line.startsWith('planted/'))
      expect(hits.join('\n'), planted.path).not.toContain(planted.secret.split('\n')[0])
    }
    const broad = await tools.execute('search_code', { query: '.', is_regex: true, path: 'planted', max_results: 100 }, signal)
    for (const planted of PLANTED) expect(broad.content).not.toContain(planted.secret.split('\n')[0])
    expect(broad.redactions.length).toBeGreaterThanOrEqual(PLANTED.length)
  })

  it('does not follow a link out of the repository', async () => {
    const result = await tools.execute('search_code', { query: 'outside the repository' }, signal)
    expect(result.content).toMatch(/^No matches/)
  })

  it('reports an invalid regular expression as a tool error', async () => {
    const result = await tools.execute('search_code', { query: '(', is_regex: true }, signal)
    expect(result.isError).toBe(true)
  })

  it('says why a pattern RE2 cannot run is refused', async () => {
    const result = await tools.execute('search_code', { query: '(a)\\1', is_regex: true }, signal)
    expect(result.isError).toBe(true)
    expect(result.content).toMatch(/RE2 \(linear time\): no backreferences or lookarounds/)
  })

  it('never searches a hard link to an excluded file', async () => {
    for (const query of ['db.internal:5432', PGPASS_PASSWORD]) {
      const result = await tools.execute('search_code', { query }, signal)
      expect(result.content, query).toMatch(/^No matches/)
    }
  })

  it('never searches through a link to an excluded file', async () => {
    const result = await tools.execute('search_code', { query: 'machine ci.example.com' }, signal)
    expect(result.content).toMatch(/^No matches/)
    expect(result.content).not.toContain(NETRC_PASSWORD)
  })

  it('is no oracle: a pattern guessing at a redacted value answers the same whether the guess is right or wrong', async () => {
    // The alternation with Gemba's own mark matches the redacted line either way; only the raw text
    // could tell a right guess from a wrong one, and it is never matched.
    const answers = []
    for (const guess of [TOKEN.slice(0, 8), `${TOKEN.slice(0, 7)}#`, TOKEN, 'ghp_zzzz']) {
      answers.push(
        (await tools.execute('search_code', { query: `(${guess}|redacted by Gemba)`, is_regex: true, path: 'src' }, signal)).content,
      )
      expect((await tools.execute('search_code', { query: guess, path: 'src' }, signal)).content).toMatch(/^No matches/)
    }
    expect(new Set(answers).size).toBe(1)
    expect(answers[0]).toContain('src/deploy.sh:1: export GITHUB_TOKEN=[redacted by Gemba:')
  })

  it('runs a catastrophic pattern in linear time, keeping the event loop turning', async () => {
    let longestGap = 0
    let last = performance.now()
    const beat = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 20)
    try {
      const result = await tools.execute('search_code', { query: '(\\w+\\s?)*$X', is_regex: true }, signal)
      expect(result.isError).toBe(false)
      expect(result.content).toMatch(/^No matches/)
    } finally {
      clearInterval(beat)
    }
    // With a backtracking engine this call never returns; here other work keeps being served.
    expect(longestGap).toBeLessThan(1_000)
  }, 30_000)

  it('stops at its time cap and says so', async () => {
    const result = await searchCode(
      { snapshot: workingTreeSnapshot(repo.dir), redactor: new SecretRedactor(), listFiles: gitTrackedFiles(repo.dir) },
      { query: 'zzz-not-there' },
      signal,
      { capMs: 0 },
    )
    expect(result.content).toMatch(/^No matches for "zzz-not-there"\.\n\(stopped after 0 s; narrow the search/)
  })
})
