// Offline task-idea benchmark (a script, not a test): `npm run bench -- tasks <repository> … [--show]`.
// Scans each repository cold as the app does (cache in a temp folder, the secret redactor's exclusions),
// runs the offline task ideas on that scan, and prints per repository how many ideas it offers, their
// kinds and sizes, and the time the ideas took against the time of the scan measured in the same run.
// With --show, each idea's title and file. Never writes inside the repositories.
import { existsSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { offlineTasks } from '../../electron/services/change/tasks/offline-tasks.ts'
import { createCodeParser } from '../../electron/services/repos/parse/code-parser.ts'
import { scanRepo } from '../../electron/services/repos/scan/scan-repo.ts'
import { SecretRedactor } from '../../electron/services/secrets/index.ts'
import type { TaskProposal } from '../../shared/models/change.ts'

const args = process.argv.slice(2)
const show = args.includes('--show')
const repos = args.filter((arg) => !arg.startsWith('--')).map((arg) => resolve(arg))
const bad = repos.filter((path) => !existsSync(join(path, '.git')) || !statSync(path).isDirectory())
if (repos.length === 0 || bad.length > 0) {
  console.error(
    `Usage: npm run bench -- tasks <repository> … [--show]  (each a git working tree)${bad.length ? `\nNot a git working tree: ${bad.join(', ')}` : ''}`,
  )
  process.exit(2)
}

const cacheFolder = await mkdtemp(join(tmpdir(), 'gemba-bench-tasks-'))
const parser = await createCodeParser()
const redactor = new SecretRedactor()
const signal = new AbortController().signal

interface Row {
  readonly name: string
  readonly tasks: readonly TaskProposal[]
  readonly scanMs: number
  readonly ideasMs: number
}
const rows: Row[] = []
for (const path of repos) {
  const scanStarted = performance.now()
  const scan = await scanRepo(
    { repoId: basename(path), path, force: true },
    { cacheFolder, clock: () => new Date(), parser: async () => parser },
  )
  const scanMs = performance.now() - scanStarted
  const ideasStarted = performance.now()
  const tasks = await offlineTasks(path, scan, (file) => redactor.exclusion(file), signal)
  rows.push({ name: basename(path), tasks, scanMs, ideasMs: performance.now() - ideasStarted })
}
parser.dispose()
await rm(cacheFolder, { recursive: true, force: true })

const count = (values: readonly string[]) => {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].map(([value, n]) => (n > 1 ? `${value}×${n}` : value)).join(', ') || '—'
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
console.log(`\n| ${'repository'.padEnd(10)} | ideas | ${'kinds'.padEnd(44)} | ${'sizes'.padEnd(16)} | ideas    | scan     | ratio |`)
console.log(`|${'-'.repeat(12)}|-------|${'-'.repeat(46)}|${'-'.repeat(18)}|----------|----------|-------|`)
for (const row of rows) {
  console.log(
    `| ${row.name.padEnd(10)} | ${String(row.tasks.length).padStart(5)} | ${count(row.tasks.map((task) => task.kind)).padEnd(44)} | ${count(row.tasks.map((task) => task.size)).padEnd(16)} | ${seconds(row.ideasMs).padStart(8)} | ${seconds(row.scanMs).padStart(8)} | ${(row.ideasMs / row.scanMs).toFixed(2).padStart(5)} |`,
  )
}
const total = rows.reduce((sum, row) => sum + row.tasks.length, 0)
const atLeastThree = rows.filter((row) => row.tasks.length >= 3).length
const diverse = rows.filter((row) => new Set(row.tasks.map((task) => task.kind)).size >= 2).length
console.log(`\n${total} ideas on ${rows.length} repositories; ${atLeastThree} with three; ${diverse} with two kinds or more.`)
if (show) {
  for (const row of rows) {
    console.log(`\n${row.name}:`)
    if (row.tasks.length === 0) console.log('  (no ideas)')
    for (const task of row.tasks) console.log(`  [${task.kind}, ${task.effortMinutes} min] ${task.title}\n      ${task.files.join(', ')}`)
  }
}
