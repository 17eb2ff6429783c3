// Working-tree state benchmark (a script, not a test): `npm run bench -- working-state [/path/to/repo …]`.
// On a throwaway shared clone of each repository (the synthetic 20,000-file one without paths), after
// what a leader and a test run leave (an edited file, a new folder of the leader's, pytest's cache with
// its own `.gitignore`, an empty `.benchmarks/`, a `__pycache__/`, a `node_modules/` of 2,000 files):
// Gemba's reading of the working tree next to `git status --porcelain` measured in the same run, the
// median of three each, and whether the changes listed are git's, path for path.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describeRepo } from '../../electron/services/repos/describe-repo.ts'
import { syntheticRepo } from './synthetic-repo.ts'

const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'))
const RUNS = 3

async function leaveWhatAnHourLeaves(dir: string): Promise<void> {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: dir, maxBuffer: 1 << 28 })
    .toString()
    .split('\0')
    .filter(Boolean)
  const edited = tracked.find((path) => /\.(ts|js|py|go|rs|java|rb|php|cs|c|md)$/.test(path)) ?? tracked[0]
  if (edited) await writeFile(join(dir, edited), `// an edit\n`, { flag: 'a' })
  await mkdir(join(dir, 'gemba-bench-new/helpers'), { recursive: true })
  await writeFile(join(dir, 'gemba-bench-new/helpers/trim.txt'), 'new\n')
  await mkdir(join(dir, '.pytest_cache/v/cache'), { recursive: true })
  await writeFile(join(dir, '.pytest_cache/.gitignore'), '# Created by pytest automatically.\n*\n')
  await writeFile(join(dir, '.pytest_cache/v/cache/nodeids'), '[]')
  await mkdir(join(dir, '.benchmarks'), { recursive: true })
  await mkdir(join(dir, 'gemba-bench-pkg/__pycache__'), { recursive: true })
  await writeFile(join(dir, 'gemba-bench-pkg/__pycache__/m.cpython-313.pyc'), 'x')
  for (let folder = 0; folder < 40; folder += 1) {
    const at = join(dir, 'node_modules', `pkg${folder}`)
    await mkdir(at, { recursive: true })
    for (let file = 0; file < 50; file += 1) await writeFile(join(at, `f${file}.js`), 'module.exports = 1\n')
  }
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
}

async function measure(source: string): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'gemba-bench-ws-'))
  const dir = join(work, basename(source))
  try {
    // A shared clone: the objects stay where they are, nothing is written in the source.
    try {
      execFileSync('git', ['clone', '-q', '--shared', source, dir], { stdio: 'ignore' })
    } catch {
      // A repository with objects missing cannot be checked out whole: nothing to compare.
      return `| ${basename(source)} | – | – | not measured: its checkout failed (objects missing) | – | – |`
    }
    await leaveWhatAnHourLeaves(dir)
    const gitTimes: number[] = []
    const ourTimes: number[] = []
    let gitLines: string[] = []
    let ours: string[] = []
    for (let run = 0; run < RUNS; run += 1) {
      let started = performance.now()
      gitLines = execFileSync('git', ['--no-optional-locks', 'status', '--porcelain'], { cwd: dir, maxBuffer: 1 << 28 })
        .toString()
        .split('\n')
        .filter(Boolean)
      gitTimes.push(performance.now() - started)
      started = performance.now()
      const view = await describeRepo({ id: 'bench', name: basename(dir), path: dir, addedAt: new Date().toISOString() })
      ourTimes.push(performance.now() - started)
      ours = view.changedFiles.map((file) => file.path)
    }
    const gitPaths = gitLines.map((line) => line.slice(3).replace(/^"|"$/g, ''))
    const same = gitPaths.length === ours.length && gitPaths.every((path) => ours.includes(path))
    return `| ${basename(source)} | ${gitLines.length} | ${ours.length} | ${same ? 'yes' : `NO: git ${gitPaths.join(' ')} / ours ${ours.join(' ')}`} | ${median(gitTimes).toFixed(0)} | ${median(ourTimes).toFixed(0)} |`
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

const sources = paths.length > 0 ? paths : [await syntheticRepo()]
console.log('| repository | git status lines | Gemba changes | same paths | git status ms | Gemba ms (cold, whole describe) |')
console.log('|---|---|---|---|---|---|')
let differ = 0
for (const source of sources) {
  const row = await measure(source)
  if (row.includes('| NO:')) differ += 1
  console.log(row)
}
process.exit(differ === 0 ? 0 : 1)
