// Secrets, end to end through the real backend and the real SDK against the fake Anthropic server:
// a repository full of planted credentials goes through every path that sends data to Claude (the
// packed context, explore tool results, the small change's agent reads, its diff in the commit
// message and the explanation, a hands-on diff touching secret files), then into the journal, its
// exports and the log. No planted secret may appear in any request, file written or answer; the API
// key saved in Settings may appear nowhere on disk in the clear. The repository also holds the whole
// planted-credential corpus (80 values, in the formats real repositories hold them), a token in a
// commit subject, and a link with an innocent name to an excluded file; `npm run tour` prints none of it.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { promisify } from 'node:util'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GREETER_FILES, smallChangeScript } from '../../fixtures/fake-anthropic/small-change-script.ts'
import { startFakeAnthropic, type FakeAnthropic, type RecordedRequest } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'
import { exclusionRule } from '../../../electron/services/secrets/excluded-files.ts'
import { COMMIT_SUBJECT, CORPUS_SECRETS, PLANTED_CORPUS } from '../../fixtures/planted-corpus.ts'
import { ALNUM, pick, PLANTED } from '../ai/planted-secrets.ts'

const API_KEY = 'sk-ant-api03-' + pick(ALNUM, 80, 21) + 'AA'
const ENV_PASSWORD = 'Pa55-' + pick(ALNUM, 20, 22)
const GREET_TOKEN = 'ghp_' + pick(ALNUM, 36, 23)
/** Every value that must never leave the machine or reach a file Gemba writes. */
const NETRC_PASSWORD = 'Nq7-' + pick(ALNUM, 12, 24)
const SECRETS = [...PLANTED.flatMap((planted) => planted.secret.split('\n')), ENV_PASSWORD, GREET_TOKEN, NETRC_PASSWORD, ...CORPUS_SECRETS]

let fake: FakeAnthropic
let test: TestBackend
let repo: RepoBuilder
let repoId: string
let exportFolder: string
/** What the renderer was answered, by channel. The change views are left out: their per-file diffs show
 * the leader their own files on their own machine, exactly as their editor does. */
const answers: unknown[] = []
const LOCAL_DIFF_VIEWS = new Set(['change.start', 'change.apply', 'change.returnToOriginal', 'change.draft'])

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await test.backend.dispatcher.dispatch(name, input)
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`)
  if (!LOCAL_DIFF_VIEWS.has(name)) answers.push(result.value)
  return result.value as T
}

function isExplore(request: RecordedRequest): boolean {
  const system = JSON.stringify(request.body?.system ?? '')
  const tools = JSON.stringify(request.body?.tools ?? '')
  return (
    !tools.includes('str_replace_based_edit_tool') &&
    !/Propose exactly three|Write the git commit message|Explain the change shown/.test(system)
  )
}

/** Explore: reads every planted file and searches for the secrets' beginnings, then answers. */
function exploreScript(request: RecordedRequest) {
  const messages = (request.body?.messages as { content: unknown }[] | undefined) ?? []
  if (messages.length > 1) return textReply('The shop keeps its settings in config/.')
  return toolUseReply([
    ...PLANTED.map((planted) => ({ name: 'read_file', input: { path: planted.path } })),
    ...PLANTED_CORPUS.map((planted) => ({ name: 'read_file', input: { path: planted.path } })),
    { name: 'read_file', input: { path: '.env' } },
    { name: 'read_file', input: { path: 'ops/ci-credentials.txt' } },
    { name: 'read_file', input: { path: 'src/greet.js' } },
    { name: 'list_folder', input: { path: 'ops' } },
    ...SECRETS.slice(0, 6).map((secret) => ({ name: 'search_code', input: { query: secret.slice(0, 10) } })),
    ...CORPUS_SECRETS.filter((_, index) => index % 8 === 0).map((secret) => ({
      name: 'search_code',
      input: { query: `(${secret.slice(0, 6)}|redacted by Gemba)`, is_regex: true },
    })),
    { name: 'search_code', input: { query: 'password|token|secret|key', is_regex: true, max_results: 100 } },
  ])
}

/** The text around a secret's first occurrence ('' when absent), so a failure shows where it leaked. */
function around(text: string, secret: string): string {
  const at = text.indexOf(secret)
  return at < 0 ? '' : text.slice(Math.max(0, at - 160), at + secret.length + 40)
}

async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(join(entry.parentPath, entry.name))
  }
  return found
}

beforeAll(async () => {
  fake = await startFakeAnthropic({
    respond: (request) => (isExplore(request) ? exploreScript(request) : smallChangeScript(request, { delayMs: 0 })),
  })
  test = await makeTestBackend({ ANTHROPIC_BASE_URL: fake.url })
  exportFolder = await mkdtemp(join(tmpdir(), 'gemba-export-'))
  repo = await buildRepo()
  await repo.files({ ...GREETER_FILES, 'src/greet.js': `// deploy: GITHUB_TOKEN=${GREET_TOKEN}\n${GREETER_FILES['src/greet.js']}` })
  for (const planted of PLANTED) await repo.write(planted.path, `# settings\n${planted.line}\n# end\n`)
  await repo.write('.env', `DATABASE_PASSWORD=${ENV_PASSWORD}\nMODE=dev\n`)
  await repo.commit('Greeter with credentials lying around')
  for (const planted of PLANTED_CORPUS) await repo.write(planted.path, planted.text)
  await repo.write('deploy/.netrc', `machine ci.example.com login deploy password ${NETRC_PASSWORD}\n`)
  await repo.symlink('ops/ci-credentials.txt', '../deploy/.netrc')
  await repo.commit(COMMIT_SUBJECT)
  await repo.git(['config', 'user.name', 'Leader Person'])
  await repo.git(['config', 'user.email', 'leader@example.com'])
  await mkdir(join(test.dataFolder, 'journal'), { recursive: true })
  await call('settings.update', { journalFolder: join(test.dataFolder, 'journal') })
  await call('settings.setApiKey', { key: API_KEY })
  repoId = (await call<{ id: string }>('repos.add', { path: repo.dir })).id
}, 60_000)

afterAll(async () => {
  await test?.cleanup()
  await repo?.cleanup()
  await fake?.close()
  await rm(exportFolder, { recursive: true, force: true })
})

describe('planted secrets never leave the machine', () => {
  it('go through explore, the agent’s change, its commit message and explanation, and a hands-on diff', async () => {
    const { session } = await call<{ session: { id: string } }>('sessions.start', { repoId })
    const thread = await call<{ threadId: string }>('ai.startThread', { repoId, purpose: 'explore', sessionId: session.id })
    await call('ai.ask', {
      threadId: thread.threadId,
      question: `Walk me through it. Our staging token is ${GREET_TOKEN}, is that a problem?`,
    })

    const tasks = await call<{ source: string }>('change.proposeTasks', { repoId, sessionId: session.id })
    expect(tasks.source).toBe('ai')
    const draft = await call<{ draftId: string; files: { path: string }[]; refused: unknown[]; plan: string }>('change.start', {
      repoId,
      sessionId: session.id,
      request: 'Fix the Helo typo',
      estimateMinutes: 15,
      mode: 'agent',
    })
    const paths = draft.files.map((file) => file.path)
    expect(paths, JSON.stringify({ refused: draft.refused, plan: draft.plan })).toContain('src/greet.js')
    await call('change.commitMessage', { draftId: draft.draftId })
    await call('change.apply', { draftId: draft.draftId, acceptedPaths: paths, message: 'Fix the spelling of the greeting' })
    await call('change.explain', { draftId: draft.draftId, sessionId: session.id })
    await call('change.returnToOriginal', { draftId: draft.draftId })

    // The leader edits files that hold secrets by hand; the diff Claude explains touches them.
    const manual = await call<{ draftId: string }>('change.start', {
      repoId,
      request: 'Tidy the settings',
      estimateMinutes: 5,
      mode: 'manual',
    })
    await repo.write(
      'config/settings.yaml',
      `# settings (tidied)\n${PLANTED.find((p) => p.path === 'config/settings.yaml')!.line}\n# end\n`,
    )
    await repo.write('.env', `DATABASE_PASSWORD=${ENV_PASSWORD}\nMODE=prod\n`)
    for (const planted of PLANTED_CORPUS.filter((_, index) => index % 5 === 0))
      await repo.write(planted.path, `${planted.text}\n# tidied\n`)
    await call('change.explain', { draftId: manual.draftId })
    await call('change.commitMessage', { draftId: manual.draftId })

    const requests = fake.messageRequests()
    expect(requests.length).toBeGreaterThanOrEqual(8)
    // The corpus really was read and searched: every file came back, redacted; the link was withheld.
    const toolResults = requests.map((request) => request.rawBody).find((body) => body.includes('withholds ops/ci-credentials.txt')) ?? ''
    // A file that is a credential store by what it holds (a netrc, a key file) is withheld whole instead.
    for (const planted of PLANTED_CORPUS) {
      const whole = exclusionRule(planted.path, planted.text) === null
      expect(toolResults, planted.path).toContain(whole ? `${planted.path} (lines 1-` : `Gemba withholds ${planted.path} (`)
    }
    expect(toolResults.split('[redacted by Gemba: ').length - 1).toBeGreaterThanOrEqual(CORPUS_SECRETS.length)
    for (const request of requests) {
      for (const secret of SECRETS) expect(request.rawBody, `${secret.slice(0, 8)}… in a request`).not.toContain(secret)
      expect(request.rawBody).not.toContain(API_KEY)
    }
    await call('sessions.updateStep', {
      id: session.id,
      step: 'reflect',
      payload: { markdown: 'Secrets sit in config/ in the clear; ask about a vault.' },
    })
    await call('sessions.finish', { id: session.id })
  })

  it('nor reach the journal, its exports, the log or any answer', async () => {
    await call('journal.exportMarkdown', { folder: join(exportFolder, 'markdown') })
    await call('journal.exportSummary', { folder: join(exportFolder, 'summary'), weeks: 4, includeReflections: true })
    const written = [...(await filesUnder(test.dataFolder)), ...(await filesUnder(exportFolder))]
    expect(
      written.some((file) => file.endsWith('.md') && file.includes('journal')),
      written.join('\n'),
    ).toBe(true)
    expect(written.filter((file) => file.startsWith(exportFolder)).length).toBeGreaterThanOrEqual(2)
    for (const file of written) {
      const text = await readFile(file, 'latin1')
      for (const secret of SECRETS) expect(around(text, secret), `${secret.slice(0, 8)}… in ${file}`).toBe('')
    }
    const everyAnswer = JSON.stringify(answers)
    for (const secret of SECRETS) expect(everyAnswer, `${secret.slice(0, 8)}… in an answer`).not.toContain(secret)
  })

  it('nor reach the repository views or what `npm run tour` prints (tour, scan JSON, packed context)', async () => {
    const views = JSON.stringify([
      await call('repos.list', {}),
      await call('repos.info', { id: repoId }),
      await call('repos.scan', { id: repoId }),
      await call('repos.tour', { id: repoId }),
    ])
    expect(views).toContain('Rotate the deploy token (was [redacted by Gemba:')
    const cache = await mkdtemp(join(tmpdir(), 'gemba-tour-cache-'))
    try {
      for (const args of [[], ['--json'], ['--context', '--budget', '400000']]) {
        const { stdout } = await promisify(execFile)(process.execPath, ['electron/tour-cli.ts', repo.dir, ...args], {
          env: { ...process.env, XDG_CACHE_HOME: cache },
          maxBuffer: 64 * 1024 * 1024,
        })
        expect(stdout.length).toBeGreaterThan(1000)
        for (const secret of SECRETS) expect(around(stdout, secret), `${secret.slice(0, 8)}… in npm run tour ${args.join(' ')}`).toBe('')
      }
    } finally {
      await rm(cache, { recursive: true, force: true })
    }
  }, 60_000)

  it('keeps the saved API key off the disk in the clear, out of answers and out of the log', async () => {
    const files = await filesUnder(test.dataFolder)
    const needles = [API_KEY, Buffer.from(API_KEY).toString('base64'), Buffer.from(API_KEY).toString('hex'), API_KEY.slice(14, 54)]
    for (const file of files) {
      const bytes = await readFile(file, 'latin1')
      for (const needle of needles) expect(bytes, file).not.toContain(needle)
    }
    expect(JSON.stringify(answers)).not.toContain(API_KEY.slice(14, 54))
    const keyFile = join(test.dataFolder, 'secret.key')
    if (process.platform !== 'win32') expect((await stat(keyFile)).mode & 0o077).toBe(0)
    // It really was stored and used: every request carried a key the server saw.
    expect(fake.messageRequests().every((request) => request.hadApiKey)).toBe(true)
  })
})
