// Landing benchmark (a script, not a test): `npm run bench -- landing [-- /path/to/repo] [--runs N]`.
// On a throwaway copy of a repository (default: a generated one; give a big real clone to see what
// matters), lands the same three-file change on a new branch the way Gemba does (crash-safe-landing.ts:
// the commit built off to the side, an intent file, the branch, the files, the index, HEAD), next to
// the same landing made by the system `git` (the commit built in a temporary index with plumbing, then
// `git switch`), and `git switch` back to the original branch each way. Each run starts from the same
// clean checkout. Prints the medians. The copy is removed afterwards; the repository given is never written.
import { execFile } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { landChange } from '../../electron/services/change/landing/crash-safe-landing.ts'
import { openRepository, readHead, switchToBranch } from '../../electron/services/git/git-layer.ts'
import { gitEnv } from '../fixtures/repo-builder.ts'
import { syntheticRepo } from './synthetic-repo.ts'

const run = promisify(execFile)
const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5
const source = process.argv.slice(2).find((arg) => arg.startsWith('/')) ?? (await syntheticRepo())
const work = await mkdtemp(join(tmpdir(), 'gemba-bench-landing-'))
const root = join(work, 'repo')
await cp(source, root, { recursive: true })

async function git(args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<string> {
  const running = run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024, env: gitEnv(env) })
  if (input !== undefined) running.child.stdin?.end(input)
  return (await running).stdout.trim()
}

// A clean base: whatever the copy shows as changed (a blob the clone lacks) is committed away first.
if ((await git(['status', '--porcelain', '--untracked-files=no'])) !== '') await git(['commit', '-qam', 'bench base'])
const original = await git(['branch', '--show-current'])
const base = await git(['rev-parse', 'HEAD'])
const tracked = (await git(['ls-files'])).split('\n')
// Two files that exist (deep in the tree where there is one) and one new: the change a small task makes.
const existing = [...tracked].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1)).slice(0, 2)
const newFile = `${existing[0]!.split('/').slice(0, -1).join('/') || '.'}/gemba-bench-new.txt`.replace(/^\.\//, '')
const paths = [...existing, newFile]
const author = { name: 'Bench Person', email: 'bench@example.com' }

async function contentOf(path: string, runNo: number): Promise<Buffer> {
  const before = path === newFile ? '' : await git(['show', `${base}:${path}`])
  return Buffer.from(`${before}\n// bench edit ${runNo}\n`)
}

async function reset(): Promise<void> {
  await git(['switch', '-qf', original])
  await git(['reset', '-q', '--hard', base])
  await git(['clean', '-qfd', '--', newFile]).catch(() => undefined)
  for (const branch of (await git(['branch', '--list', 'bench/*', '--format=%(refname:short)'])).split('\n').filter(Boolean))
    await git(['branch', '-qD', branch])
}

async function gembaLanding(runNo: number): Promise<{ land: number; back: number }> {
  const files = new Map<string, Uint8Array | null>()
  for (const path of paths) files.set(path, await contentOf(path, runNo))
  const started = performance.now()
  await landChange({ root, branch: `bench/gemba-${runNo}`, originalBranch: original, base, files, message: 'Bench change', author })
  const landed = performance.now()
  const repo = await openRepository(root)
  try {
    await switchToBranch(repo, original)
    if ((await readHead(repo)).branch !== original) throw new Error('did not switch back')
  } finally {
    repo.close()
  }
  return { land: landed - started, back: performance.now() - landed }
}

async function systemGitLanding(runNo: number): Promise<{ land: number; back: number }> {
  const started = performance.now()
  const index = join(work, `index-${runNo}`)
  const env = { GIT_INDEX_FILE: index }
  await git(['read-tree', base], env)
  for (const path of paths) {
    const oid = await git(['hash-object', '-w', '--stdin'], {}, (await contentOf(path, runNo)).toString('latin1'))
    await git(['update-index', '--add', '--cacheinfo', `100644,${oid},${path}`], env)
  }
  const tree = await git(['write-tree'], env)
  const commit = await git(['commit-tree', tree, '-p', base, '-m', 'Bench change'])
  await git(['branch', `bench/git-${runNo}`, commit])
  await git(['switch', '-q', `bench/git-${runNo}`])
  const landed = performance.now()
  await git(['switch', '-q', original])
  await rm(index, { force: true })
  return { land: landed - started, back: performance.now() - landed }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const results = { gemba: { land: [] as number[], back: [] as number[] }, git: { land: [] as number[], back: [] as number[] } }
try {
  for (let runNo = 1; runNo <= RUNS; runNo++) {
    await reset()
    const gemba = await gembaLanding(runNo)
    results.gemba.land.push(gemba.land)
    results.gemba.back.push(gemba.back)
    await reset()
    const system = await systemGitLanding(runNo)
    results.git.land.push(system.land)
    results.git.back.push(system.back)
  }
} finally {
  await reset().catch(() => undefined)
  await writeFile(join(work, 'done'), '')
  await rm(work, { recursive: true, force: true })
}

console.log(`\nRepository: ${source} (${tracked.length.toLocaleString('en')} tracked files), ${RUNS} runs, change: ${paths.join(', ')}`)
console.log(`| ${'step'.padEnd(70)} | ${'median'.padStart(10)} |`)
console.log(`|${'-'.repeat(72)}|${'-'.repeat(12)}|`)
const rows: [string, number][] = [
  ['Gemba: land on a new branch (crash-safe, isomorphic-git + own index)', median(results.gemba.land)],
  ['Gemba: switch back to the original branch', median(results.gemba.back)],
  ['baseline: system git plumbing + `git switch` to the new branch', median(results.git.land)],
  ['baseline: `git switch` back', median(results.git.back)],
]
for (const [step, ms] of rows) console.log(`| ${step.padEnd(70)} | ${`${ms.toFixed(0)} ms`.padStart(10)} |`)
