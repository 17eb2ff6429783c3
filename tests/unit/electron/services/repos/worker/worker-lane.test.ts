// One long-lived worker and its jobs: answers and progress come back; a cancelled job answers at once;
// a worker stuck on a job (a loop that never checks anything) or past a job's cap is terminated and its
// other jobs run again on a fresh one; a worker that dies fails its jobs and the next job starts another.
import { afterEach, describe, expect, it } from 'vitest'
import type { ScanPhase } from '../../../../../../shared/models/repos.ts'
import { WorkerLane } from '../../../../../../electron/services/repos/worker/worker-lane.ts'

const WORKER = new URL('../../../../../fixtures/lane-worker.ts', import.meta.url)
const lanes: WorkerLane[] = []
afterEach(async () => {
  await Promise.all(lanes.splice(0).map((lane) => lane.terminate()))
})

function lane(options: { graceMs?: number; capMs?: number } = {}): WorkerLane {
  const made = new WorkerLane({ url: WORKER, workerData: null, name: 'scan', ...options })
  lanes.push(made)
  return made
}

const job = (path: string) => ({ kind: 'scan' as const, request: { repoId: 'r', path, name: 'r', force: false }, known: null })
const never = () => new AbortController().signal

describe('WorkerLane', () => {
  it('answers jobs from one worker and forwards their progress', async () => {
    const worker = lane()
    const progress: [ScanPhase, number, number][] = []
    await expect(worker.run(job('progress'), never(), (...step) => progress.push(step))).resolves.toEqual({ value: 'read' })
    await expect(worker.run(job('answer'), never())).resolves.toEqual({ value: { answered: 2 } })
    expect(progress).toEqual([
      ['files', 1, 3],
      ['files', 2, 3],
      ['files', 3, 3],
    ])
    expect(worker.started).toBe(1)
    expect(worker.pending).toBe(0)
  })

  it('brings an error back as the same GembaError', async () => {
    await expect(lane().run(job('fail'), never())).rejects.toMatchObject({
      name: 'GembaError',
      code: 'repository_broken',
      message: 'Gemba could not scan x: the git object abc1234 is missing.',
    })
  })

  it('answers a cancelled job at once and keeps a worker that let go of it', async () => {
    const worker = lane()
    const controller = new AbortController()
    const running = worker.run(job('until-cancelled'), controller.signal)
    controller.abort()
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    await expect(worker.run(job('answer'), never())).resolves.toEqual({ value: { answered: 2 } })
    expect(worker.started).toBe(1)
  })

  it('terminates a worker stuck on a cancelled job, and runs its other jobs again on a fresh one', async () => {
    const worker = lane({ graceMs: 200 })
    const controller = new AbortController()
    const stuck = worker.run(job('loop'), controller.signal)
    // Posted behind the loop: it cannot start until that worker is gone.
    const behind = worker.run(job('answer'), never())
    controller.abort()
    await expect(stuck).rejects.toMatchObject({ code: 'cancelled' })
    await expect(behind).resolves.toEqual({ value: { answered: 2 } })
    expect(worker.started).toBe(2)
  })

  it('stops a job past its cap, with a sentence that says so', async () => {
    const worker = lane({ capMs: 300 })
    await expect(worker.run(job('loop'), never())).rejects.toMatchObject({
      code: 'timeout',
      message: 'The scan took longer than 300 ms and was stopped.',
    })
    await expect(worker.run(job('answer'), never())).resolves.toEqual({ value: { answered: 2 } })
    expect(worker.started).toBe(2)
  })

  it('fails the jobs of a worker that dies, and starts another for the next job', async () => {
    const worker = lane()
    await expect(worker.run(job('die'), never())).rejects.toMatchObject({
      code: 'internal',
      message: 'Reading the repository stopped unexpectedly.',
    })
    await expect(worker.run(job('answer'), never())).resolves.toEqual({ value: { answered: 2 } })
    expect(worker.started).toBe(2)
  })
})
