// Context packing on real repositories (real scan, real parser, real redactor), then the AI service
// end to end with the real SDK against the fake server: preview, the cached prefix, cache reads on
// follow-ups, and no planted secret in any recorded request body.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ContentBlockParam, TextBlockParam } from '@anthropic-ai/sdk/resources/messages'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAnthropicSdk } from '../../../electron/services/ai/client/ai-client.ts'
import { AiService } from '../../../electron/services/ai/ai-service.ts'
import { contextSettingsStore } from '../../../electron/services/ai/context/context-settings-store.ts'
import { packContext, scanSnapshot } from '../../../electron/services/ai/context/pack-context.ts'
import { RepoContextProvider } from '../../../electron/services/ai/context/repo-context-provider.ts'
import { SecretRedactor } from '../../../electron/services/secrets/secret-redactor.ts'
import { prefixText } from '../../../electron/services/ai/conversation/stable-prefix.ts'
import { createCodeParser, type CodeParser } from '../../../electron/services/repos/parse/code-parser.ts'
import { scanRepo } from '../../../electron/services/repos/scan/scan-repo.ts'
import type { ScanResult } from '../../../shared/models/repos.ts'
import { textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'
import { PLANTED } from './planted-secrets.ts'
import { unsavedSpending } from '../../fixtures/spending.ts'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'

let repo: RepoBuilder
let cacheFolder: string
let parser: CodeParser
let scan: ScanResult
let fake: FakeAnthropic | undefined
const redactor = new SecretRedactor()
const signal = new AbortController().signal
let ids = 0

function bigModule(name: string, functions: number): string {
  const body = Array.from(
    { length: functions },
    (_, i) => `export function ${name}Step${i}(input: number): number {\n${'  input += 1\n'.repeat(30)}  return input\n}\n`,
  )
  return `// ${name}: a large module\nimport { log } from './log.ts'\n\n${body.join('\n')}`
}

beforeAll(async () => {
  repo = await buildRepo()
  await repo.files({
    'README.md': '# Shop\n\nSells things to people on the internet.\n',
    'package.json': JSON.stringify({ name: 'shop', description: 'The shop', scripts: { test: 'vitest run' } }, null, 2),
    'src/server.ts': "import { checkout } from './checkout.ts'\nexport function start() {\n  return checkout(1)\n}\n",
    'src/checkout.ts': bigModule('checkout', 40),
    'src/log.ts': 'export function log(message: string) {\n  console.log(message)\n}\n',
    'src/api/routes.ts': "import { start } from '../server.ts'\nexport const routes = [start]\n",
    'docs/guide.md': '# Guide\n',
  })
  for (const planted of PLANTED) await repo.write(planted.path, `# settings\n${planted.line}\n# end\n`)
  await repo.write('.env', `STRIPE_KEY=${PLANTED[4]!.secret}\n`)
  await repo.write('deploy/id_rsa', 'not really a key\n')
  await repo.commit('Start the shop')
  await repo.write('src/log.ts', `export function log(message: string) {\n  console.log('${PLANTED[2]!.secret}', message)\n}\n`)
  await repo.commit('Log with a token by mistake')
  cacheFolder = await mkdtemp(join(tmpdir(), 'gemba-'))
  parser = await createCodeParser()
  scan = await scanRepo(
    { repoId: 'shop', path: repo.dir },
    { cacheFolder, clock: () => new Date('2026-11-24T10:00:00Z'), parser: async () => parser },
  )
}, 60_000)
afterAll(async () => {
  parser.dispose()
  await repo.cleanup()
  await rm(cacheFolder, { recursive: true, force: true })
})
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

describe('packContext', () => {
  it('packs facts, tree, README, manifests, key files and history, byte-identically each time', async () => {
    const first = await packContext(scan, scanSnapshot(scan), { budgetTokens: 40_000, redactor, parser }, signal)
    const second = await packContext(scan, scanSnapshot(scan), { budgetTokens: 40_000, redactor, parser }, signal)
    expect(second.text).toBe(first.text)
    expect(first.text).toContain('<file path="README.md" lines="3">\n1\t# Shop')
    expect(first.text).toContain('<file path="package.json"')
    expect(first.text).toContain('<file path="src/server.ts"')
    expect(first.text).toMatch(/<tree>\n[\s\S]*src\/\n {2}api\/\n {4}routes\.ts/)
    expect(first.text).toContain('Start the shop')
    expect(first.text).toContain('test command: npm test')
    expect(first.tokens).toBeLessThanOrEqual(40_000)
    expect(first.excluded.map((e) => e.path)).toEqual(expect.arrayContaining(['deploy/id_rsa']))
  })

  it('keeps every planted secret out, excludes key files, and records where it redacted', async () => {
    const packed = await packContext(scan, scanSnapshot(scan), { budgetTokens: 40_000, redactor, parser, include: ['**'] }, signal)
    for (const planted of PLANTED) expect(packed.text).not.toContain(planted.secret)
    expect(packed.text).not.toContain('deploy/id_rsa"')
    expect(packed.redactions.some((r) => r.path === 'src/log.ts' && r.line === 2)).toBe(true)
  })

  it('degrades a repository too large for the budget: summarised tree, signatures, never refused', async () => {
    const packed = await packContext(scan, scanSnapshot(scan), { budgetTokens: 4_000, redactor, parser }, signal)
    expect(packed.tokens).toBeLessThanOrEqual(4_000)
    const checkout = packed.files.find((f) => f.path === 'src/checkout.ts')
    expect(checkout?.form).toBe('signatures')
    expect(packed.text).toMatch(/\n3\t\n…\n4\texport function checkoutStep0\(input: number\): number\n38\texport function checkoutStep1\(/)
  })

  it('gives a manifest or a file of re-exports too long to show whole as its outline, not its first lines', async () => {
    const gradle = await buildRepo()
    const folder = await mkdtemp(join(tmpdir(), 'gemba-'))
    try {
      const dependencies = Array.from({ length: 120 }, (_, i) => `    implementation("org.acme:library-number-${i}:1.0.${i}")`)
      await gradle.files({
        'README.md': '# Courier\n\nSends parcels.\n',
        'settings.gradle.kts': 'rootProject.name = "courier"\ninclude(":courier")\n',
        'build.gradle.kts':
          [
            'plugins {',
            '    kotlin("jvm") version "2.0.0"',
            '}',
            '',
            'dependencies {',
            ...dependencies,
            '}',
            '',
            'tasks.test {',
            '    useJUnitPlatform()',
            '}',
          ].join('\n') + '\n',
        'courier/src/main/kotlin/courier/Courier.kt': 'package courier\n\nclass Courier {\n  fun send(parcel: String) = parcel\n}\n',
      })
      await gradle.commit('Start the courier')
      const courier = await scanRepo(
        { repoId: 'courier', path: gradle.dir },
        { cacheFolder: folder, clock: () => new Date('2026-11-24T10:00:00Z'), parser: async () => parser },
      )
      const packed = await packContext(courier, scanSnapshot(courier), { budgetTokens: 4_000, redactor, parser }, signal)
      expect(packed.files.find((file) => file.path === 'build.gradle.kts')?.form).toBe('signatures')
      expect(packed.text).toMatch(/\n1\tplugins \{\n2\t {4}kotlin/)
      expect(packed.text).not.toContain('library-number-119')
      expect(packed.text).toMatch(/\n128\ttasks\.test \{\n/)
    } finally {
      await gradle.cleanup()
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('honours a scope folder and include/exclude patterns', async () => {
    const scoped = await packContext(scan, scanSnapshot(scan), { budgetTokens: 20_000, redactor, parser, scope: 'src/api' }, signal)
    expect(scoped.text).toContain('scope="src/api"')
    expect(scoped.files.map((f) => f.path)).toContain('src/api/routes.ts')
    expect(scoped.files.map((f) => f.path)).not.toContain('src/server.ts')
    const excluded = await packContext(
      scan,
      scanSnapshot(scan),
      { budgetTokens: 20_000, redactor, parser, exclude: ['src/checkout.ts', 'docs/'] },
      signal,
    )
    expect(excluded.text).not.toContain('checkout.ts"')
    expect(excluded.text).not.toContain('guide.md')
  })
})

interface SentBlock {
  readonly type: string
  readonly text?: string
  readonly cache_control?: unknown
}
interface SentBody {
  readonly system: readonly (TextBlockParam & SentBlock)[]
  readonly messages: readonly { readonly role: string; readonly content: readonly (ContentBlockParam & SentBlock)[] }[]
}

/** The stable prefix of a sent request as "What will be sent" shows it: the system prompt and the first message up to the question. */
function sentPrefixText(body: SentBody): string {
  const lead = body.messages[0]!.content.slice(0, -1).map((block) => ({ ...block, cache_control: undefined }) as ContentBlockParam)
  return prefixText({ system: body.system, tools: [], lead, sources: [], sha256: '', chars: 0 })
}

function service(more: Partial<ConstructorParameters<typeof AiService>[0]> = {}): AiService {
  const settings = contextSettingsStore(null)
  const provider = new RepoContextProvider({ scan: async () => scan, settings, redactor, parser: async () => parser })
  return new AiService({
    settings: async () => ({
      apiKey: 'sk-ant-test-4444444444444444444444',
      endpoint: fake!.url,
      model: 'claude-sonnet-5-5',
      contextTokens: 40_000,
    }),
    spending: unsavedSpending(),
    createSdk: createAnthropicSdk,
    context: (request, s) => provider.context(request, s),
    repoRoot: async () => repo.dir,
    contextSettings: settings,
    redactor,
    newId: () => `thread-${String(++ids).padStart(4, '0')}`,
    ...more,
  })
}

describe('AiService with packed context', () => {
  it('previews exactly the prefix the first request sends, then caches it across the session', async () => {
    fake = await startFakeAnthropic({
      replies: [
        toolUseReply([
          { name: 'read_file', input: { path: 'config/aws.ini' } },
          { name: 'read_file', input: { path: '.env' } },
        ]),
        textReply('It sells things (`README.md:3`).'),
        textReply('Start at `src/server.ts:2`.'),
      ],
    })
    const ai = service()
    const preview = await ai.preview({ repoId: 'shop', purpose: 'explore' }, signal)
    // Nothing is sent before the question unless the leader asks for an exact count.
    expect(fake.requests).toHaveLength(0)
    expect(preview.tokensSource).toBe('estimated')
    const counted = await ai.preview({ repoId: 'shop', purpose: 'explore', count: true }, signal)
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/messages/count_tokens'])
    expect(counted).toMatchObject({ tokensSource: 'counted', countProblem: null, text: preview.text })
    expect(preview.tokens).toBeGreaterThan(500)
    expect(preview.estimatedCostUsd).toBeGreaterThan(0)
    const thread = await ai.startThread({ repoId: 'shop', purpose: 'explore' }, signal)
    expect(thread.headCommit).toBe(scan.headCommit)
    await ai.ask({ threadId: thread.threadId, question: 'Walk me through the codebase' }, signal, recordedProgress())
    const followUp = recordedProgress()
    await ai.ask({ threadId: thread.threadId, question: 'Where do I start?' }, signal, followUp)

    const bodies = fake.messageRequests().map((request) => request.body as unknown as SentBody)
    expect(bodies).toHaveLength(3)
    expect(bodies.map(sentPrefixText)).toEqual([preview.text, preview.text, preview.text])
    for (const body of bodies)
      expect(body.messages[0]!.content.filter((block) => block.cache_control).map((block) => block.cache_control)).toEqual([
        { type: 'ephemeral', ttl: '1h' },
        ...(body.messages.length === 1 ? [{ type: 'ephemeral' }] : []),
      ])
    const usage = followUp.of('ai.usage')[0]!
    expect(usage.usage.cacheReadTokens).toBeGreaterThan(preview.tokens / 2)

    const next = await ai.estimate({ threadId: thread.threadId, question: 'And the tests?' })
    expect(next.cachedTokens).toBeGreaterThan(preview.tokens * 0.9)
    expect(next.estimatedCostUsd).toBeLessThan(preview.estimatedCostUsd)

    for (const request of fake.messageRequests()) for (const planted of PLANTED) expect(request.rawBody).not.toContain(planted.secret)
    expect(fake.messageRequests()[1]!.rawBody).toContain('[redacted by Gemba')
  })

  it('stores a repository’s scope and patterns, and later threads use them', async () => {
    fake = await startFakeAnthropic()
    const ai = service()
    await ai.setContextSettings({ repoId: 'shop', scope: 'src/api', include: [], exclude: ['docs/'] })
    expect(await ai.contextSettings({ repoId: 'shop' })).toEqual({ scope: 'src/api', include: [], exclude: ['docs/'] })
    const preview = await ai.preview({ repoId: 'shop', purpose: 'diagram' }, signal)
    expect(preview.scope).toBe('src/api')
    expect(preview.text).toContain('Mermaid')
    expect(preview.files.map((f) => f.path)).not.toContain('src/server.ts')
  })

  it('refuses a scope that leaves the repository, or is no folder of it, in a sentence; nothing is stored', async () => {
    fake = await startFakeAnthropic()
    const ai = service()
    const outside = await mkdtemp(join(tmpdir(), 'gemba-outside-'))
    await symlink(outside, repo.path('elsewhere'))
    try {
      await ai.setContextSettings({ repoId: 'shop', scope: 'src/api/', include: [], exclude: [] })
      expect((await ai.contextSettings({ repoId: 'shop' })).scope).toBe('src/api')
      const refusals: [string, RegExp][] = [
        ['../../../../etc', /^The scope "\.\.\/\.\.\/\.\.\/\.\.\/etc" leads outside the repository\.$/],
        ['src/../../etc', /leads outside the repository\.$/],
        ['/etc', /is absolute/],
        ['~/code', /home folder/],
        ['.git', /\.git/],
        ['elsewhere', /leads outside the repository through a link\.$/],
        ['src/nowhere', /^The scope "src\/nowhere" is not a folder of the repository\.$/],
        ['README.md', /^The scope "README\.md" is a file; a scope is a folder\.$/],
      ]
      for (const [scope, message] of refusals) {
        await expect(ai.setContextSettings({ repoId: 'shop', scope, include: [], exclude: [] }), scope).rejects.toMatchObject({
          code: 'invalid_input',
          message: expect.stringMatching(message),
          details: { field: 'scope' },
        })
        await expect(ai.preview({ repoId: 'shop', purpose: 'explore', scope }, signal), scope).rejects.toMatchObject({
          code: 'invalid_input',
        })
      }
      expect((await ai.contextSettings({ repoId: 'shop' })).scope).toBe('src/api')
    } finally {
      await rm(repo.path('elsewhere'))
      await rm(outside, { recursive: true, force: true })
    }
  })

  it('ignores a scope stored before scopes were checked that leaves the repository', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'gemba-context-settings-'))
    const file = join(folder, 'ai-context-settings.json')
    await writeFile(file, JSON.stringify({ shop: { scope: '../../../../etc', include: [], exclude: ['docs/'] } }))
    expect(await contextSettingsStore(file).get('shop')).toEqual({ scope: null, include: [], exclude: ['docs/'] })
    await rm(folder, { recursive: true, force: true })
  })

  it('shows files in the viewer redacted and withheld, and checks citations against the commit', async () => {
    fake = await startFakeAnthropic()
    const ai = service()
    const file = await ai.readFile({ repoId: 'shop', path: 'src/log.ts' }, signal)
    expect(file.kind === 'file' && file.text).toContain('[redacted by Gemba')
    expect(JSON.stringify(file)).not.toContain(PLANTED[2]!.secret)
    const env = await ai.readFile({ repoId: 'shop', path: '.env' }, signal)
    expect(env).toMatchObject({ kind: 'file', withheld: 'env-file', text: '' })
    await expect(ai.readFile({ repoId: 'shop', path: '../outside' }, signal)).rejects.toMatchObject({ code: 'refused' })
    const checks = await ai.verifyCitations({
      repoId: 'shop',
      commit: scan.headCommit,
      citations: [
        { path: 'src/server.ts', line: 2 },
        { path: 'src/server.ts', line: 99 },
        { path: 'src/invented.ts', line: 1 },
        { path: 'src/api' },
        { path: '../etc/passwd', line: 1 },
      ],
    })
    expect(checks.map((c) => c.status)).toEqual(['verified', 'line_out_of_range', 'missing', 'verified', 'refused'])
  })

  it('lists a file opened in the viewer with the session it was opened in: its path, never a folder or its text', async () => {
    fake = await startFakeAnthropic()
    const opened: Array<[string, string]> = []
    const ai = service({ viewerRecords: { opened: async (sessionId, path) => void opened.push([sessionId, path]) } })
    await ai.readFile({ repoId: 'shop', path: 'src/server.ts', sessionId: 'session-1' }, signal)
    await ai.readFile({ repoId: 'shop', path: 'src', sessionId: 'session-1' }, signal)
    await ai.readFile({ repoId: 'shop', path: 'src/log.ts' }, signal)
    expect(opened).toEqual([['session-1', 'src/server.ts']])
  })
})
