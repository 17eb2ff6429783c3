// Faults: the backend killed (SIGKILL) while it lands a change on a gemba/ branch, at every step of the
// landing and at seeded random moments. Right after the kill: the original branch is where it was,
// git fsck finds nothing but dangling objects, a gemba/ branch exists only as the complete change,
// HEAD is on the original branch or on that complete branch, and no file is torn. After the recovery
// the app runs before it touches the repository again: the repository is exactly as before, or the
// change is finished; and applying the same change again works.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recoverInterruptedLanding } from '../../../electron/services/change/git/land-change.ts'
import { GREETER_FILES } from '../../fixtures/fake-anthropic/small-change-script.ts'
import { buildRepo, RepoBuilder } from '../../fixtures/repo-builder.ts'
import { applyGreeterChange, CHANGE } from './apply-change-fixture.ts'

const CHILD = join(import.meta.dirname, 'apply-change-child.ts')
const STEPS = ['built', 'intent', 'branch', 'files', 'index', 'head'] as const
const RANDOM_RUNS = 14

let template: RepoBuilder
let base: string
let work: string
beforeAll(async () => {
  template = await buildRepo()
  await template.files(GREETER_FILES)
  base = await template.commit('Greeter with a test')
  work = await mkdtemp(join(tmpdir(), 'gemba-'))
})
afterAll(async () => {
  await template.cleanup()
  await rm(work, { recursive: true, force: true })
})

/** Seeded, so a failure names a run that can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let runs = 0
async function freshRepo(): Promise<RepoBuilder> {
  const dir = join(work, `run-${++runs}`)
  await cp(template.dir, dir, { recursive: true })
  return new RepoBuilder(dir)
}

interface ChildRun {
  readonly killed: boolean
  readonly done: boolean
  /** Milliseconds from "ready" to "done" (unkilled runs). */
  readonly applyMs: number
}

/** Runs the child on `dir`; kills it `afterMs` after it says ready, or lets it kill itself at `step`. */
function runChild(dir: string, kill: { afterMs?: number; step?: string }): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CHILD, dir, ...(kill.step ? [kill.step] : [])], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let errors = ''
    let readyAt = 0
    let doneAt = 0
    proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    proc.stdout.on('data', (chunk: Buffer) => {
      const before = out
      out += chunk.toString()
      if (!before.includes('ready') && out.includes('ready')) {
        readyAt = performance.now()
        if (kill.afterMs !== undefined) setTimeout(() => proc.kill('SIGKILL'), kill.afterMs)
      }
      if (out.includes('done ')) doneAt = performance.now()
    })
    proc.on('error', reject)
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0)
        resolve({ killed: signal === 'SIGKILL', done: out.includes('done '), applyMs: doneAt - readyAt })
      else reject(new Error(`child failed (${code}): ${errors}`))
    })
  })
}

const gitOut = async (repo: RepoBuilder, args: string[]) => (await repo.git(args)).trim()

async function gembaBranches(repo: RepoBuilder): Promise<string[]> {
  return (await gitOut(repo, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/gemba/'])).split('\n').filter(Boolean)
}

async function expectCompleteChange(repo: RepoBuilder, branch: string): Promise<void> {
  expect(await gitOut(repo, ['rev-parse', `${branch}^`])).toBe(base)
  expect((await gitOut(repo, ['diff', '--name-only', base, branch])).split('\n').sort()).toEqual([...CHANGE.paths].sort())
  for (const [path, text] of Object.entries(CHANGE.final)) expect(await repo.git(['show', `${branch}:${path}`])).toBe(text)
}

/** What must hold the instant after the kill, before any recovery. */
async function expectConsistentAfterKill(repo: RepoBuilder): Promise<void> {
  expect(await gitOut(repo, ['rev-parse', 'main'])).toBe(base)
  const fsck = await repo.git(['fsck', '--full', '--no-progress', '--no-dangling'])
  expect(fsck.trim()).toBe('')
  const branches = await gembaBranches(repo)
  expect(branches.length).toBeLessThanOrEqual(1)
  for (const branch of branches) await expectCompleteChange(repo, branch)
  const head = await gitOut(repo, ['symbolic-ref', 'HEAD'])
  expect(['refs/heads/main', ...branches.map((branch) => `refs/heads/${branch}`)]).toContain(head)
  // No torn file: each touched file is as it was or as the change has it; the others are untouched.
  for (const path of CHANGE.paths) {
    const disk = await readFile(repo.path(path), 'utf8').catch(() => null)
    expect([GREETER_FILES[path] ?? null, CHANGE.final[path]]).toContain(disk)
  }
  for (const [path, text] of Object.entries(GREETER_FILES))
    if (!CHANGE.paths.includes(path)) expect(await readFile(repo.path(path), 'utf8')).toBe(text)
}

/** After the recovery the app runs first: as before the apply, or the finished change; then it applies again. */
async function expectRecoveredAndReapplicable(repo: RepoBuilder, finished: boolean): Promise<void> {
  await recoverInterruptedLanding(repo.dir)
  expect(await gitOut(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe('')
  const head = await gitOut(repo, ['symbolic-ref', '--short', 'HEAD'])
  if (finished) {
    expect(head).toMatch(/^gemba\//)
    await expectCompleteChange(repo, head)
    return
  }
  expect(head).toBe('main')
  expect(await gembaBranches(repo)).toEqual([])
  for (const [path, text] of Object.entries(GREETER_FILES)) expect(await readFile(repo.path(path), 'utf8')).toBe(text)

  const again = await applyGreeterChange(repo.dir)
  await expectCompleteChange(repo, again.branch)
  expect(await gitOut(repo, ['symbolic-ref', '--short', 'HEAD'])).toBe(again.branch)
  expect(await gitOut(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe('')
  expect(await gitOut(repo, ['rev-parse', 'main'])).toBe(base)
}

/** True when the landing got as far as HEAD on the new branch (only the intent file may be left). */
async function landedOnBranch(repo: RepoBuilder): Promise<boolean> {
  return (await gitOut(repo, ['symbolic-ref', '--short', 'HEAD'])).startsWith('gemba/')
}

describe('the backend killed while it lands a change', () => {
  let applyMs = 0

  it('lands completely when nothing stops it (the baseline the random kills aim into)', async () => {
    const repo = await freshRepo()
    const run = await runChild(repo.dir, {})
    expect(run).toMatchObject({ killed: false, done: true })
    applyMs = run.applyMs
    await expectConsistentAfterKill(repo)
    await expectRecoveredAndReapplicable(repo, true)
  })

  it.each(STEPS)('killed right after the landing step "%s"', async (step) => {
    const repo = await freshRepo()
    const run = await runChild(repo.dir, { step })
    expect(run).toMatchObject({ killed: true, done: false })
    await expectConsistentAfterKill(repo)
    // Killed before HEAD moved, the change is undone; after it, only the intent file was left: finished.
    expect(await landedOnBranch(repo)).toBe(step === 'head')
    await expectRecoveredAndReapplicable(repo, false)
  })

  it('killed while it held HEAD.lock: recovery removes the lock it took, never an older one', async () => {
    const repo = await freshRepo()
    await runChild(repo.dir, { step: 'index' })
    // The kill came between taking HEAD.lock and renaming it over HEAD.
    const lock = join(repo.dir, '.git', 'HEAD.lock')
    await writeFile(lock, 'ref: refs/heads/gemba/unfinished\n')
    await expectRecoveredAndReapplicable(repo, false)
    expect(existsSync(lock)).toBe(false)

    // A lock older than Gemba's landing belongs to another git program: recovery waits for it.
    const other = await freshRepo()
    await runChild(other.dir, { step: 'index' })
    const otherLock = join(other.dir, '.git', 'HEAD.lock')
    await writeFile(otherLock, 'ref: refs/heads/main\n')
    const anHourAgo = new Date(Date.now() - 3_600_000)
    await utimes(otherLock, anHourAgo, anHourAgo)
    await expect(recoverInterruptedLanding(other.dir)).rejects.toThrow(/HEAD\.lock exists/)
    expect(existsSync(otherLock)).toBe(true)
  })

  it(`killed at ${RANDOM_RUNS} seeded random moments`, async () => {
    const random = mulberry32(20_261_124)
    const outcomes: string[] = []
    // A loaded machine may land faster than the measured time suggests: until a kill has come before
    // the end, the extra runs draw their moments from the first half of the landing.
    for (let i = 0; i < RANDOM_RUNS || (i < RANDOM_RUNS + 6 && !outcomes.some((outcome) => outcome.endsWith('killed'))); i++) {
      const repo = await freshRepo()
      const afterMs = Math.floor(random() * Math.max(5, applyMs * (i < RANDOM_RUNS ? 1.3 : 0.5)))
      const run = await runChild(repo.dir, { afterMs })
      outcomes.push(`${afterMs}ms:${run.done ? 'done' : 'killed'}`)
      await expectConsistentAfterKill(repo)
      // Finished: HEAD on the branch and the intent gone (the kill may land before "done" is printed).
      const finished = (await landedOnBranch(repo)) && !existsSync(join(repo.dir, '.git', 'gemba-landing.json'))
      expect(finished || !run.done).toBe(true)
      await expectRecoveredAndReapplicable(repo, finished)
    }
    // The kills spread over the landing: some before it finished.
    expect(
      outcomes.some((outcome) => outcome.endsWith('killed')),
      outcomes.join(' '),
    ).toBe(true)
  }, 60_000)
})
