// Journal bench: a deterministic 1,000-session journal in a temp folder; times the cold index build,
// the warm load from the cache, list, filter and full-text search through the service, against a
// naive scan of every file measured in the same run. Run: npx node tests/bench/journal.bench.ts
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { journalFileName, sidecarName } from '../../electron/services/journal/journal-file-name.ts'
import { sidecarOf } from '../../electron/services/journal/journal-folder.ts'
import { JournalService } from '../../electron/services/journal/journal-service.ts'
import { parseSessionMarkdown } from '../../electron/services/journal/parse-session-markdown.ts'
import { renderSessionMarkdown } from '../../electron/services/journal/render-session-markdown.ts'
import { generatedSession, seededRandom } from '../unit/electron/services/journal/fixtures/build-session-record.ts'

const SESSIONS = 1000
const RUNS = 15
const BUDGET_MS = 100

const root = await mkdtemp(join(tmpdir(), 'gemba-bench-'))
const journalFolder = join(root, 'journal')
const cacheFolder = join(root, 'cache')
const signal = new AbortController().signal
const makeService = () =>
  new JournalService({
    journalFolder,
    createJournalFolder: true,
    cacheFolder,
    pendingFolder: join(root, 'pending'),
    now: () => new Date('2026-12-01T12:00:00Z'),
  })

async function generate(): Promise<void> {
  await mkdir(journalFolder, { recursive: true })
  const random = seededRandom(42)
  const taken = new Set<string>()
  for (let n = 0; n < SESSIONS; n += 1) {
    const record = generatedSession(n, random)
    const fileName = journalFileName(record, taken)
    taken.add(fileName.toLowerCase())
    await writeFile(join(journalFolder, fileName), renderSessionMarkdown(record))
    await writeFile(join(journalFolder, sidecarName(fileName)), JSON.stringify(sidecarOf(record)))
  }
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i += 1) times.push(await time(work))
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? 0
}

/** The baseline: what answering without an index costs — read every file, then scan or parse it. */
async function naiveScan(match: (text: string) => boolean, parse: boolean): Promise<number> {
  let hits = 0
  for (const name of await readdir(journalFolder)) {
    if (!name.endsWith('.md')) continue
    const text = await readFile(join(journalFolder, name), 'utf8')
    if (parse && !parseSessionMarkdown(text, name).ok) continue
    if (match(text)) hits += 1
  }
  return hits
}

try {
  const generateMs = await time(generate)
  const cold = makeService()
  const coldMs = await time(() => cold.list({ limit: 50 }, signal))
  const warm = makeService()
  const warmMs = await time(() => warm.list({ limit: 50 }, signal))
  const listed = await warm.list({ limit: 50 }, signal)
  const filter = { repositoryId: 'repo-payments-api', tag: 'slow-tests' }
  const filtered = await warm.list({ filter, limit: 50 }, signal)
  const found = await warm.search({ query: 'rollback webhook' }, signal)

  const rows: [string, number, number, string][] = [
    ['cold index build (1,000 files)', coldMs, await median(() => naiveScan(() => true, true)), 'parse every file'],
    ['warm load from cache', warmMs, await median(() => naiveScan(() => true, true)), 'parse every file'],
    [
      'list newest 50',
      await median(() => warm.list({ limit: 50 }, signal)),
      await median(() => naiveScan(() => true, true)),
      'parse every file',
    ],
    [
      'filter repo + tag',
      await median(() => warm.list({ filter, limit: 50 }, signal)),
      await median(() => naiveScan((t) => t.includes('id: repo-payments-api') && t.includes('- slow-tests'), false)),
      'grep every file',
    ],
    [
      'search "rollback webhook"',
      await median(() => warm.search({ query: 'rollback webhook' }, signal)),
      await median(() => naiveScan((t) => /rollback/i.test(t) && /webhook/i.test(t), false)),
      'grep every file',
    ],
    [
      'search rare "kubernetes"',
      await median(() => warm.search({ query: 'kubernetes' }, signal)),
      await median(() => naiveScan((t) => /kubernetes/i.test(t), false)),
      'grep every file',
    ],
    [
      'search "deploy" + filter',
      await median(() => warm.search({ query: 'deploy', filter: { from: '2020-01-01' } }, signal)),
      await median(() => naiveScan((t) => /deploy/i.test(t), false)),
      'grep every file',
    ],
  ]
  console.log(
    `Journal bench: ${SESSIONS} sessions generated in ${generateMs.toFixed(0)} ms (${listed.total} listed, ${filtered.total} match the filter, ${found.total} search hits)`,
  )
  const cacheBytes = (await stat(join(cacheFolder, 'journal-index.json'))).size
  console.log(`index cache: ${(cacheBytes / 1e6).toFixed(1)} MB`)
  console.log(`median of ${RUNS} runs unless a one-off (cold, warm); budget ${BUDGET_MS} ms for list, filter and search\n`)
  console.log(
    `${'operation'.padEnd(32)} ${'gemba ms'.padStart(9)} ${'naive ms'.padStart(9)} ${'speed-up'.padStart(9)}  baseline        budget`,
  )
  for (const [name, ours, naive, how] of rows) {
    const budgeted = name.startsWith('list') || name.startsWith('filter') || name.startsWith('search')
    const verdict = budgeted ? (ours < BUDGET_MS ? 'ok' : 'OVER') : '-'
    console.log(
      `${name.padEnd(32)} ${ours.toFixed(1).padStart(9)} ${naive.toFixed(1).padStart(9)} ${`${(naive / ours).toFixed(1)}×`.padStart(9)}  ${how.padEnd(15)} ${verdict}`,
    )
  }
} finally {
  await rm(root, { recursive: true, force: true })
}
