// A real-repository hour, offline (a script, not a test): `npm run bench -- hour <repository> …
// [--test-seconds N] [--setup-seconds N]`. For each repository, on a throwaway copy (a local clone in a
// temp folder, on a `main` branch at the repository's commit): add it and take the tour (the app's
// scan), take the first offline idea, make a small hand edit, check test readiness (the team's own
// command and where it was read), run the setup where it is offered, run the tests, apply the edit on
// a Gemba branch, and write the journal's test line. After each step it checks what must hold: the
// "changed" count equals `git status`; after the commit git status is clean and the commit holds only
// the edit; the outcome's category agrees with what was known before (a blocked run could not run;
// could-not-run always has a reason and no failing tests; a failure names what failed or why); the
// journal says the same as the run. Prints one row per repository with the copy's time as the baseline
// measured in the same run, then every check that did not hold. Never writes inside the repositories.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { buildMemoryNote } from '../../electron/services/ai/memory/memory-note.ts'
import { createAnthropicSdk } from '../../electron/services/ai/client/ai-client.ts'
import { changePrefs } from '../../electron/services/change/change-prefs.ts'
import { ChangeService } from '../../electron/services/change/change-service.ts'
import { unwatched } from '../../electron/services/events-port.ts'
import { renderSessionMarkdown } from '../../electron/services/journal/render-session-markdown.ts'
import { RepoService } from '../../electron/services/repos/repo-service.ts'
import type { RepoEntry } from '../../shared/models/repos.ts'
import type { InstallResult, TestReadiness, TestRunResult } from '../../shared/models/change.ts'
import type { JournalTestRun } from '../../shared/models/journal.ts'
import { unsavedSpending } from '../fixtures/spending.ts'
import { buildSessionRecord } from '../unit/electron/services/journal/fixtures/build-session-record.ts'

const exec = promisify(execFile)
const args = process.argv.slice(2)
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)
const testSeconds = Number(valueOf('--test-seconds')) || 180
const setupSeconds = Number(valueOf('--setup-seconds')) || 180
const flagValues = new Set([valueOf('--test-seconds'), valueOf('--setup-seconds')])
const repos = args.filter((arg) => !arg.startsWith('--') && !flagValues.has(arg)).map((arg) => resolve(arg))
const bad = repos.filter((path) => !existsSync(join(path, '.git')))
if (repos.length === 0 || bad.length > 0) {
  console.error(
    `Usage: npm run bench -- hour <repository> … [--test-seconds N] [--setup-seconds N]${bad.length ? `\nNot a git working tree: ${bad.join(', ')}` : ''}`,
  )
  process.exit(2)
}

const git = async (cwd: string, ...gitArgs: string[]) =>
  (await exec('git', ['-c', 'core.autocrlf=false', ...gitArgs], { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text)
const never = new AbortController().signal
const bounded = (limitSeconds: number) => AbortSignal.timeout(limitSeconds * 1000)
const progress = { report: () => undefined }

interface Row {
  readonly name: string
  copyMs: number
  tourMs: number
  idea: string
  command: string
  from: string
  readiness: string
  setup: string
  outcome: string
  testsMs: number
  applied: string
  totalMs: number
  readonly problems: string[]
}

const work = await mkdtemp(join(tmpdir(), 'gemba-bench-hour-'))
const rows: Row[] = []
for (const source of repos) rows.push(await hour(source))
await rm(work, { recursive: true, force: true })

printTable(rows)
const problems = rows.flatMap((row) => row.problems.map((problem) => `${row.name}: ${problem}`))
console.log(
  problems.length === 0
    ? '\nEvery check held on every repository.'
    : `\nChecks that did not hold:\n${problems.map((line) => `- ${line}`).join('\n')}`,
)
process.exit(problems.length === 0 ? 0 : 1)

async function hour(source: string): Promise<Row> {
  const name = basename(source)
  const row: Row = {
    name,
    copyMs: 0,
    tourMs: 0,
    idea: '',
    command: '',
    from: '',
    readiness: '',
    setup: '—',
    outcome: '',
    testsMs: 0,
    applied: '',
    totalMs: 0,
    problems: [],
  }
  const started = performance.now()
  const copy = join(work, name)
  const check = (holds: boolean, problem: string) => {
    if (!holds) row.problems.push(problem)
  }
  // The copy: a local clone (hard links to the repository's objects where it can; nothing is written in
  // the repository), on `main` at its commit.
  try {
    const head = (await git(source, 'rev-parse', 'HEAD')).trim()
    await git(work, 'clone', '-q', '--no-checkout', source, copy)
    await git(copy, 'checkout', '-q', '-B', 'main', head)
  } catch (error) {
    row.outcome = `no copy: ${clip(String((error as Error).message).split('\n')[0]!, 60)}`
    row.problems.push(`the copy could not be checked out (${clip(String((error as Error).message), 200)})`)
    return row
  }
  row.copyMs = performance.now() - started
  const home = join(work, `${name}-home`)
  let entries: RepoEntry[] = []
  const repoService = new RepoService({
    store: { load: async () => entries, save: async (next) => void (entries = [...next]) },
    cacheFolder: join(work, `${name}-cache`),
  })
  const prefs = new Map<string, unknown>()
  const recorded: Record<string, unknown>[] = []
  const service = new ChangeService({
    repos: {
      info: (id, signal) => repoService.info({ id }, signal),
      workingFiles: (id, leaveOut, signal) => repoService.workingFiles({ id, leaveOut }, signal),
      scan: (id, signal) => repoService.scan({ id }, signal, unwatched),
    },
    ai: async () => ({ apiKey: null, endpoint: null, model: 'claude-sonnet-5-5', contextTokens: 40_000 }),
    createSdk: createAnthropicSdk,
    spending: unsavedSpending(),
    prefs: changePrefs({ get: (key) => prefs.get(key), set: (key, value) => void prefs.set(key, value) }),
    session: { record: async (_sessionId, patch) => void recorded.push(patch) },
    home,
    testEnv: { ...process.env, HOME: process.env.HOME ?? home },
    testToolsFolder: join(home, 'tools', 'bin'),
  })
  try {
    const tourStarted = performance.now()
    const view = await repoService.add({ path: copy }, never)
    await repoService.scan({ id: view.id }, never, unwatched)
    row.tourMs = performance.now() - tourStarted
    const repoId = view.id

    const ideas = await service.proposeTasks({ repoId }, never, progress)
    row.idea = ideas.tasks[0]?.title ? clip(ideas.tasks[0].title, 40) : '(none)'

    const draft = await service.start(
      { repoId, request: 'A small hand edit in the hour', estimateMinutes: 10, mode: 'manual' },
      never,
      progress,
    )
    const edited = await handEdit(copy)
    await countsMatch(service, repoId, copy, 'after the hand edit', check)

    const command = await service.testCommand({ repoId }, never)
    row.command = command.command ?? '(none found)'
    row.from = command.from ?? ''
    let readiness: TestReadiness | null = null
    let install: InstallResult | null = null
    let run: TestRunResult | null = null
    if (command.command) {
      readiness = await service.testReadiness({ repoId, command: command.command }, never)
      row.readiness = readinessCell(readiness)
      if (readiness.steps.some((step) => step.done !== true)) {
        install = await service.installDependencies({ repoId, command: command.command }, bounded(setupSeconds), progress)
        row.setup = install.steps
          .map(
            (step) =>
              `${clip(step.command, 28)}: ${step.outcome === 'could_not_run' ? `could not run (${step.couldNotRun?.reason})` : step.outcome}`,
          )
          .join('; ')
        readiness = install.readiness
        await countsMatch(service, repoId, copy, 'after the setup', check)
      }
      const testsStarted = performance.now()
      run = await service.runTests(
        { repoId, command: command.command, sessionId: 'bench', timeoutSeconds: testSeconds, draftId: draft.draftId },
        never,
        progress,
      )
      row.testsMs = performance.now() - testsStarted
      row.outcome = run.outcome === 'could_not_run' ? `could not run: ${clip(run.couldNotRun?.sentence ?? '', 70)}` : run.outcome
      if (run.outcome === 'failed')
        row.outcome += ` (${run.summary?.failed.length ?? 0} failing${run.summary?.counts ? `; ${run.summary.counts}` : ''}${run.summary?.firstError ? `; first error: ${clip(run.summary.firstError, 60)}` : ''})`
      checkOutcome(run, readiness, check)
      await countsMatch(service, repoId, copy, 'after the tests', check)
    } else row.outcome = 'no test command'

    await service.setIdentity({ name: 'Bench Leader', email: 'leader@example.com' })
    const message = await service.commitMessage({ draftId: draft.draftId }, never, progress)
    try {
      const applied = await service.apply({ draftId: draft.draftId, acceptedPaths: [edited], message: message.message }, never, progress)
      const branch = applied.applied!.branch
      const status = (await git(copy, 'status', '--porcelain', '--untracked-files=all')).trim()
      const inCommit = (await git(copy, 'show', '--name-only', '--format=', 'HEAD')).trim().split('\n')
      const on = (await git(copy, 'rev-parse', '--abbrev-ref', 'HEAD')).trim()
      check(status === '', `git status is not clean after the commit: ${clip(status.replaceAll('\n', ', '), 200)}`)
      check(inCommit.length === 1 && inCommit[0] === edited, `the commit holds ${inCommit.join(', ')}, not only ${edited}`)
      check(on === branch, `the clone is on ${on}, not on the Gemba branch ${branch}`)
      row.applied = status === '' && inCommit.length === 1 ? 'clean, 1 file' : 'NOT CLEAN'
    } catch (error) {
      row.applied = 'FAILED'
      row.problems.push(`apply failed: ${clip((error as Error).message, 200)}`)
    }

    if (run) checkJournal(recorded, run, check)
  } catch (error) {
    row.problems.push(`the hour stopped: ${clip((error as Error).stack ?? String(error), 300)}`)
  } finally {
    await service.dispose()
    await repoService.dispose()
    row.totalMs = performance.now() - started
    await rm(copy, { recursive: true, force: true })
    await rm(home, { recursive: true, force: true })
  }
  return row
}

/** One line appended to the README, a file and not a link (the leader's small edit); the file's path in the repository. */
async function handEdit(root: string): Promise<string> {
  const entries = await readdir(root, { withFileTypes: true })
  const readme = entries.find((entry) => entry.isFile() && /^readme(\.(md|rst|txt|markdown))?$/i.test(entry.name))?.name ?? 'NOTES.md'
  await appendFile(join(root, readme), '\nA line written in the hour.\n')
  return readme
}

/** The "changed" count Gemba shows equals what `git status` lists. */
async function countsMatch(
  service: ChangeService,
  repoId: string,
  root: string,
  when: string,
  check: (holds: boolean, problem: string) => void,
): Promise<void> {
  const shown = (await service.workingChanges({ repoId }, never)).files.map((file) => file.path).sort()
  const status = (await git(root, 'status', '--porcelain', '--untracked-files=all', '-z'))
    .split('\0')
    .filter(Boolean)
    .filter((entry) => !/^R/.test(entry) || entry.length > 3)
    .map((entry) => entry.slice(3))
    .sort()
  check(
    JSON.stringify(shown) === JSON.stringify(status),
    `${when} Gemba lists ${shown.length} changed (${clip(shown.join(', '), 120)}); git status lists ${status.length} (${clip(status.join(', '), 120)})`,
  )
}

function checkOutcome(run: TestRunResult, readiness: TestReadiness | null, check: (holds: boolean, problem: string) => void): void {
  check(
    (run.outcome === 'could_not_run') === (run.couldNotRun !== null),
    `outcome ${run.outcome} with couldNotRun ${JSON.stringify(run.couldNotRun)}`,
  )
  if (readiness?.blocked)
    check(run.outcome === 'could_not_run', `readiness was blocked (${readiness.blocked.sentence}) but the run says ${run.outcome}`)
  if (run.outcome === 'could_not_run') check(run.summary === null, 'a run that could not run lists failing tests')
  if (run.outcome === 'failed')
    check(
      (run.summary?.failed.length ?? 0) > 0 || Boolean(run.summary?.firstError),
      `failed, but no failing test and no first error were read from the output (exit ${run.exitCode}): ${clip(run.outputTail.slice(-300), 300)}`,
    )
  if (run.outcome === 'passed') check(run.exitCode === 0, `passed with exit code ${run.exitCode}`)
}

/** The journal's test line and the coach's note say what the run came to. */
function checkJournal(
  recorded: readonly Record<string, unknown>[],
  run: TestRunResult,
  check: (holds: boolean, problem: string) => void,
): void {
  const kept = recorded.map((patch) => patch.testRun).findLast(Boolean) as JournalTestRun | undefined
  check(kept?.outcome === run.outcome, `the session kept ${kept?.outcome}, the run said ${run.outcome}`)
  if (!kept) return
  const base = buildSessionRecord({})
  const record = buildSessionRecord({ change: { ...base.change!, testRun: kept } })
  const markdown = renderSessionMarkdown(record)
  const line = markdown.split('\n').find((text) => text.startsWith(`\`${run.command.split('\n')[0]}`)) ?? ''
  const says = / could not run/.test(line)
    ? 'could_not_run'
    : / failed \(exit/.test(line)
      ? 'failed'
      : / passed/.test(line)
        ? 'passed'
        : 'nothing'
  check(says === run.outcome, `the journal's test line says ${says}: ${clip(line, 160)}`)
  const note = buildMemoryNote({ sessions: [record], since: null }, { includeReflections: false }) ?? ''
  if (run.outcome !== 'failed') check(!/the tests (failed|did not pass)/.test(note), 'the coach’s note says the tests failed')
}

function readinessCell(readiness: TestReadiness): string {
  if (readiness.ready) return 'ready'
  if (readiness.blocked)
    return `blocked: ${readiness.blocked.reason}${readiness.missing.length ? ` (${readiness.missing.map((tool) => tool.tool).join(', ')})` : ''}`
  const pending = readiness.steps.filter((step) => step.done !== true).length
  return pending > 0 ? `${pending} setup step${pending === 1 ? '' : 's'}` : clip(readiness.problems[0] ?? 'not ready', 40)
}

function printTable(list: readonly Row[]): void {
  const header = [
    'repository',
    'copy (baseline)',
    'tour',
    'command',
    'read from',
    'readiness',
    'setup',
    'outcome',
    'tests',
    'apply',
    'hour',
    'checks',
  ]
  const body = list.map((row) => [
    row.name,
    seconds(row.copyMs),
    seconds(row.tourMs),
    clip(row.command, 40),
    clip(row.from, 48),
    row.readiness,
    clip(row.setup, 70),
    row.outcome,
    seconds(row.testsMs),
    row.applied,
    seconds(row.totalMs),
    row.problems.length === 0 ? 'all held' : `${row.problems.length} failed`,
  ])
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`)
  for (const cells of body) console.log(`| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`)
}
