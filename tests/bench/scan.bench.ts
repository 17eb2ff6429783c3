// Scan benchmark (a script, not a test): `npx node tests/bench/scan.bench.ts [path]`. Scans the
// synthetic repository (or `path`), phase by phase, next to the native git CLI measured in the same
// run, and prints a table with ratios and peak memory.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCodeParser } from '../../electron/services/repos/parse/code-parser.ts'
import { readHistory } from '../../electron/services/repos/history/read-history.ts'
import { scanRepo } from '../../electron/services/repos/scan/scan-repo.ts'
import { syntheticRepo } from './synthetic-repo.ts'

let peak = 0
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
}, 10)

function time<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = work()
  return { value, ms: performance.now() - start }
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await work()
  return { value, ms: performance.now() - start }
}

const built = await timeAsync(async () => process.argv[2] ?? (await syntheticRepo()))
const path = built.value
const git = (args: string[]) => execFileSync('git', args, { cwd: path, maxBuffer: 1 << 30 }).toString()
const lsFiles = time(() => git(['ls-files']).split('\n').length - 1)
const gitLog = time(() => git(['log', '--numstat', '--format=%H', '-n', '1000']).length)
const cacheFolder = await mkdtemp(join(tmpdir(), 'gemba-bench-cache-'))
const parser = await createCodeParser()
const deps = { cacheFolder, clock: () => new Date(), parser: async () => parser }
const cold = await timeAsync(() => scanRepo({ repoId: 'bench', path, force: true }, deps))
const warm = await timeAsync(() => scanRepo({ repoId: 'bench', path }, deps))
const head = cold.value.headCommit ?? ''
const history = await timeAsync(() =>
  readHistory({ gitdir: join(path, '.git'), head, cache: {}, limit: 1000, known: new Map(), shallow: new Set() }),
)
clearInterval(sampler)
peak = Math.max(peak, process.memoryUsage().rss)
parser.dispose()
await rm(cacheFolder, { recursive: true, force: true })

const t = cold.value.timings
const rows: [string, number, string, number | null][] = [
  ['files (index + read + count)', t.files ?? 0, 'git ls-files', lsFiles.ms],
  ['parse (tree-sitter)', t.parse ?? 0, '', null],
  ['manifests', t.manifests ?? 0, '', null],
  ['modules + import resolution', t.modules ?? 0, '', null],
  ['history: churn over 1,000 commits (in scan)', t.history ?? 0, 'git log --numstat -n 1000', gitLog.ms],
  ['history alone, fresh cache object', history.ms, 'git log --numstat -n 1000', gitLog.ms],
  ['rank key files', t.rank ?? 0, '', null],
  ['write cache', t.cache ?? 0, '', null],
  ['whole scan, cold', cold.ms, '', null],
  ['whole scan, cached (unchanged repo)', warm.ms, '', null],
]
const pad = (text: string, width: number) => text.padEnd(width)
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(9)
console.log(`\nRepository: ${path}${process.argv[2] ? '' : ` (synthetic; built or reused in ${built.ms.toFixed(0)} ms)`}`)
console.log(`${cold.value.filesCount} files, ${history.value.commits.length} commits read, ${cold.value.fileEdges.length} import edges, ${cold.value.modules.length} modules, ${cold.value.skipped.length} skipped\n`)
console.log(`| ${pad('phase', 44)} | ${pad('gemba', 9)} | ${pad('native git baseline', 26)} | ${pad('git', 9)} | ratio |`)
console.log(`|${'-'.repeat(46)}|${'-'.repeat(11)}|${'-'.repeat(28)}|${'-'.repeat(11)}|-------|`)
for (const [phase, ours, baseline, theirs] of rows) {
  const ratio = theirs ? `${(ours / theirs).toFixed(2)}x` : ''
  console.log(`| ${pad(phase, 44)} | ${ms(ours)} | ${pad(baseline, 26)} | ${theirs === null ? ' '.repeat(9) : ms(theirs)} | ${pad(ratio, 5)} |`)
}
console.log(`\nPeak memory (RSS, sampled every 10 ms): ${(peak / 1048576).toFixed(0)} MB`)
console.log(`Targets: whole scan < 10 s: ${cold.ms < 10_000 ? 'met' : 'MISSED'}; churn within 3x git: ${history.ms < 3 * gitLog.ms ? 'met' : 'MISSED'}; peak < 600 MB: ${peak < 600 * 1048576 ? 'met' : 'MISSED'}`)
