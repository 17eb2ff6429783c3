// Scan benchmark (a script, not a test): `npm run bench -- scan [<repository>] [--runs N] [--in-process]
// [--scale N] [--commits N]`. Works on a throwaway clone of the repository (the synthetic one when none
// is given: 20,000 × scale files and that many commits), so it can add commits: cold scans (each in a
// fresh process, for an honest peak RSS of all its threads), a cached scan, and rescans after one new
// commit, next to the native git CLI measured in the same run. Scans run as the app runs them, in the
// repository worker (--in-process: on the bench's own thread, as before they moved). Prints medians of
// the runs, phase by phase, with ratios and the targets. Never writes inside the given repository.
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCodeParser } from '../../electron/services/repos/parse/code-parser.ts'
import { RepoJobs } from '../../electron/services/repos/worker/repo-jobs.ts'
import type { RepoWork } from '../../electron/services/repos/worker/repo-work.ts'
import { WorkerRepoWork } from '../../electron/services/repos/worker/repo-worker-host.ts'
import type { ScanResult } from '../../shared/models/repos.ts'
import { syntheticRepo } from './synthetic-repo.ts'

const MB = 1024 * 1024
const args = process.argv.slice(2)
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)
const runs = Math.max(1, Number(valueOf('--runs')) || 3)
const inProcess = args.includes('--in-process')
const never = () => new AbortController().signal
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const timed = async <T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> => {
  const start = performance.now()
  const value = await work()
  return { value, ms: performance.now() - start }
}

/** The repository work the app uses (a worker thread), or this thread's (--in-process). */
function repoWork(cacheFolder: string): RepoWork {
  return inProcess ? new RepoJobs({ cacheFolder, createParser: () => createCodeParser() }) : new WorkerRepoWork({ cacheFolder })
}

/**
 * Child mode: one cold scan in this fresh process, as the app runs it (its cache written behind the
 * result; the peak memory counts that too); prints its time, phases, CPU and peak RSS as JSON.
 */
async function coldChild(path: string, cacheFolder: string): Promise<void> {
  let peak = 0
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss))
  const sampler = setInterval(sample, 25)
  const work = repoWork(cacheFolder)
  const cpu = process.cpuUsage()
  const cold = await timed(() => work.scan({ repoId: 'bench', path, name: 'bench', force: true }, never()))
  await work.settled()
  const used = process.cpuUsage(cpu)
  sample()
  clearInterval(sampler)
  await work.dispose()
  process.stdout.write(
    JSON.stringify({
      ms: cold.ms,
      cpu: (used.user + used.system) / 1000,
      peak,
      timings: cold.value.timings,
      files: cold.value.filesCount,
      modules: cold.value.modules.length,
    }),
  )
}

if (args[0] === '--child') {
  await coldChild(args[1] ?? '', args[2] ?? '')
  process.exit(0)
}

const flagValues = new Set(['--runs', '--scale', '--commits'].map((flag) => valueOf(flag)).filter((value) => value !== undefined))
const given = args.find((arg) => !arg.startsWith('--') && !flagValues.has(arg))
const scale = Math.max(1, Number(valueOf('--scale')) || 1)
const source = given ?? (await syntheticRepo({ scale, commits: Math.max(1, Number(valueOf('--commits')) || 5000) }))
const workDir = await mkdtemp(join(tmpdir(), 'gemba-bench-scan-'))
const clone = join(workDir, 'repo')
const cacheFolder = join(workDir, 'cache')
// A clone whose repository lacks a few blobs (a real case) checks out what it can.
execFileSync('git', ['clone', '--quiet', '--local', '--no-checkout', source, clone])
execFileSync('git', ['reset', '--quiet'], { cwd: clone })
spawnSync('git', ['checkout-index', '--all', '--force'], { cwd: clone, stdio: 'ignore' })
spawnSync('git', ['update-index', '-q', '--refresh'], { cwd: clone, stdio: 'ignore' })
const git = (gitArgs: string[]) =>
  execFileSync('git', ['-c', 'core.quotepath=off', ...gitArgs], { cwd: clone, maxBuffer: 1 << 30 }).toString()

// Native git in the same run: listing the files and reading 1,000 commits' changes.
const lsFiles = median(await Promise.all([0, 1, 2].map(async () => (await timed(() => git(['ls-files']))).ms)))
const gitLog: number[] = []
// --numstat reads every changed blob; where some are missing, --raw (the paths and blob ids) is the baseline,
// and where trees are missing too, the commits alone.
const logs = (changes: string) =>
  spawnSync('git', ['log', changes, '--format=%H', '-n', '1000'], { cwd: clone, stdio: 'ignore' }).status === 0
const changes = ['--numstat', '--raw', '--format=%H'].find(logs) ?? '--format=%H'
for (let i = 0; i < runs; i++) gitLog.push((await timed(() => git(['log', changes, '--format=%H', '-n', '1000']))).ms)

interface Cold {
  ms: number
  cpu: number
  peak: number
  timings: Record<string, number>
  files: number
  modules: number
}
const colds: Cold[] = []
const self = fileURLToPath(import.meta.url)
for (let i = 0; i < runs; i++) {
  const child = spawnSync(
    process.execPath,
    [self, '--child', clone, join(cacheFolder, `cold-${i}`), ...(inProcess ? ['--in-process'] : [])],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  )
  if (child.status !== 0) throw new Error(`cold scan failed: ${child.stderr}`)
  colds.push(JSON.parse(child.stdout) as Cold)
}

// In this process: a cold scan to fill the cache, the cached scan, then rescans after one new commit each.
// As the app does: one repository worker keeps the last scan in memory between rescans.
const work = repoWork(join(cacheFolder, 'warm'))
const request = { repoId: 'bench', path: clone, name: 'bench', force: false }
const first = await work.scan({ ...request, force: true }, never())
const cached: number[] = []
for (let i = 0; i < runs; i++) cached.push((await timed(() => work.scan(request, never()))).ms)
const target =
  first.keyFiles.find((file) => /\.(rb|py|ts|js|go|java|kt|rs|cs|php|c|cc|cpp|h)$/.test(file.path))?.path ??
  first.files.find((file) => !file.binary)?.path ??
  ''
const rescans: { ms: number; value: ScanResult }[] = []
const gitCommit: number[] = []
for (let i = 0; i < runs; i++) {
  // The last scan's cache is written behind its result; a commit comes seconds later, by which time it is done.
  await work.settled()
  appendFileSync(join(clone, target), `\n${/\.(rb|py)$/.test(target) ? '#' : '//'} bench edit ${i}\n`)
  gitCommit.push(
    (await timed(() => git(['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', 'commit', '--quiet', '-am', `bench edit ${i}`])))
      .ms,
  )
  rescans.push(await timed(() => work.scan(request, never())))
}
await work.dispose()
const gitShow = median(await Promise.all([0, 1, 2].map(async () => (await timed(() => git(['show', changes, '--format=%H', 'HEAD']))).ms)))
await rm(workDir, { recursive: true, force: true })

const phase = (name: string) => median(colds.map((cold) => cold.timings[name] ?? 0))
const coldMs = median(colds.map((cold) => cold.ms))
const peak = median(colds.map((cold) => cold.peak))
const rescanMs = median(rescans.map((run) => run.ms))
const last = rescans.at(-1)?.value
type Row = readonly [phase: string, ours: number, baseline: string, theirs: number | null]
const rows: Row[] = [
  ['files (index + read + count lines + light reading)', phase('files'), 'git ls-files', lsFiles],
  [
    'history: 1,000 commits (a worker, while files are read)',
    phase('history (from its start)'),
    `git log ${changes} -n 1000`,
    median(gitLog),
  ],
  ['parse: whole files, after the reading', phase('parse (whole files)'), '', null],
  ['history: waited for after the parse', phase('history'), '', null],
  ['manifests', phase('manifests'), '', null],
  ['modules + import resolution', phase('modules'), '', null],
  ['rank key files', phase('rank'), '', null],
  ['write cache', phase('cache'), '', null],
  [`whole scan, cold (median of ${runs}, fresh process each)`, coldMs, '', null],
  ['whole scan, cached (unchanged repository)', median(cached), '', null],
  ['rescan after one new commit', rescanMs, 'git commit (the edit)', median(gitCommit)],
  ['  the same, against reading that commit', rescanMs, `git show ${changes} HEAD`, gitShow],
]
const pad = (text: string, width: number) => text.padEnd(width)
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(9)
console.log(
  `\nRepository: ${given ?? `${source} (synthetic)`}, scanned as a throwaway clone, ${inProcess ? "on the bench's own thread" : 'in the repository worker, as the app does'}`,
)
console.log(
  `${colds[0]?.files ?? 0} files, ${first.history.commitsRead} commits read, ${colds[0]?.modules ?? 0} modules; ` +
    `one-commit rescans edit ${target} (${last?.cache.filesReused ?? 0} files taken over, edges ${last?.cache.edgesReused ? 'taken over' : 'resolved again'})\n`,
)
console.log(
  `| ${pad('phase (cold scan: median of the runs)', 58)} | ${pad('gemba', 9)} | ${pad('native git baseline', 26)} | ${pad('git', 9)} | ratio  |`,
)
console.log(`|${'-'.repeat(60)}|${'-'.repeat(11)}|${'-'.repeat(28)}|${'-'.repeat(11)}|--------|`)
for (const [name, ours, baseline, theirs] of rows) {
  const ratio = theirs ? `${(ours / theirs).toFixed(1)}x` : ''
  console.log(
    `| ${pad(name, 58)} | ${ms(ours)} | ${pad(baseline, 26)} | ${theirs === null ? ' '.repeat(9) : ms(theirs)} | ${ratio.padStart(6)} |`,
  )
}
console.log(
  `\nCold scans (wall / CPU of both threads / peak RSS): ${colds.map((cold) => `${cold.ms.toFixed(0)} ms / ${cold.cpu.toFixed(0)} ms / ${(cold.peak / MB).toFixed(0)} MB`).join(', ')}`,
)
console.log(`Rescans after one commit: ${rescans.map((run) => run.ms.toFixed(0)).join(', ')} ms`)
console.log(`Peak memory of a cold scan (RSS sampled every 25 ms, median): ${(peak / MB).toFixed(0)} MB`)
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
console.log(
  `Targets: cold scan < 3 s: ${verdict(coldMs < 3000)}; peak RSS < 400 MB: ${verdict(peak < 400 * MB)}; rescan after one commit < 0.3 s: ${verdict(rescanMs < 300)}`,
)
