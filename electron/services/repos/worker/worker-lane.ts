// One long-lived worker thread and the jobs posted to it: each answered once (a value, or an error as
// data), with progress on the way. A caller's abort answers it at once as cancelled and asks the worker
// to stop; a worker that has not let go of the job within a grace period, or a job past its hard cap,
// is terminated (a synchronous loop cannot be interrupted any other way) and the other jobs it held
// run again on a fresh worker, once. A worker that dies fails its jobs; the next job starts another.
// An idle worker never keeps the process alive. Never imports 'electron'.
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { GembaError, type GembaErrorData } from '../../../../shared/errors.ts'
import type { ScanPhase } from '../../../../shared/models/repos.ts'
import type { HostMessage, RepoJob, WorkerMessage } from './repo-worker-protocol.ts'

export type JobAnswer =
  { readonly value: unknown; readonly key?: string } | { readonly same: string; readonly timings: Readonly<Record<string, number>> }

export interface LaneOptions {
  readonly url: URL
  readonly workerData: unknown
  readonly resourceLimits?: ResourceLimits
  /** How long a cancelled job may take to stop before its worker is terminated (default 2 s). */
  readonly graceMs?: number
  /** The longest any job may run before its worker is terminated (default 10 minutes). */
  readonly capMs?: number
  /** What a job past its cap is called in the error ("The scan of payments took …"). */
  readonly name?: string
}

interface Job {
  readonly id: number
  readonly job: RepoJob
  readonly resolve: (answer: JobAnswer) => void
  readonly reject: (error: Error) => void
  readonly onProgress: ((phase: ScanPhase, done: number, total: number) => void) | undefined
  /** Answered already (cancelled): whatever the worker says about it later is dropped. */
  settled: boolean
  /** Posted again after its worker was terminated for another job. */
  retried: boolean
  worker: Worker | null
  cap: ReturnType<typeof setTimeout> | undefined
  grace: ReturnType<typeof setTimeout> | undefined
}

export class WorkerLane {
  private readonly options: LaneOptions
  private worker: Worker | null = null
  private readonly jobs = new Map<number, Job>()
  private nextId = 1
  /** Workers started so far (a test can tell a restart). */
  started = 0

  constructor(options: LaneOptions) {
    this.options = options
  }

  run(job: RepoJob, signal: AbortSignal, onProgress?: (phase: ScanPhase, done: number, total: number) => void): Promise<JobAnswer> {
    if (signal.aborted) return Promise.reject(cancelled())
    return new Promise<JobAnswer>((resolve, reject) => {
      const onAbort = () => this.cancel(entry)
      const entry: Job = {
        id: this.nextId++,
        job,
        resolve: (answer) => {
          signal.removeEventListener('abort', onAbort)
          resolve(answer)
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort)
          reject(error)
        },
        onProgress,
        settled: false,
        retried: false,
        worker: null,
        cap: undefined,
        grace: undefined,
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.jobs.set(entry.id, entry)
      this.post(entry)
    })
  }

  /** Whether a worker is running now. */
  get alive(): boolean {
    return this.worker !== null
  }

  /** Jobs not answered yet. */
  get pending(): number {
    return [...this.jobs.values()].filter((job) => !job.settled).length
  }

  /** Stops the worker now; jobs still running fail as cancelled. */
  async terminate(): Promise<void> {
    const worker = this.worker
    this.worker = null
    for (const job of this.jobs.values()) this.finish(job, () => job.reject(cancelled('Gemba is closing.')))
    this.jobs.clear()
    await worker?.terminate()
  }

  private post(job: Job): void {
    let worker: Worker
    try {
      worker = this.ensureWorker()
    } catch (error) {
      this.jobs.delete(job.id)
      this.finish(job, () => job.reject(stopped(error instanceof Error ? error : new Error(String(error)))))
      return
    }
    job.worker = worker
    worker.ref()
    clearTimeout(job.cap)
    const capMs = this.options.capMs ?? 10 * 60_000
    job.cap = setTimeout(() => this.overCap(job, capMs), capMs)
    job.cap.unref?.()
    worker.postMessage({ id: job.id, job: job.job } satisfies HostMessage)
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(this.options.url, {
      workerData: this.options.workerData,
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    })
    this.started += 1
    worker.on('message', (message: WorkerMessage) => this.receive(worker, message))
    worker.on('error', (error) => this.died(worker, error))
    worker.on('exit', (code) => this.died(worker, new Error(`the worker stopped (exit code ${code})`)))
    worker.unref()
    this.worker = worker
    return worker
  }

  private receive(worker: Worker, message: WorkerMessage): void {
    const job = this.jobs.get(message.id)
    if (!job || job.worker !== worker) return
    if ('progress' in message) {
      if (!job.settled) job.onProgress?.(message.progress.phase, message.progress.done, message.progress.total)
      return
    }
    this.jobs.delete(job.id)
    this.idle(worker)
    this.finish(job, () => {
      if ('error' in message) job.reject(toError(message.error, message.stack))
      else if ('same' in message) job.resolve({ same: message.same, timings: message.timings })
      else job.resolve({ value: message.value, ...(message.key ? { key: message.key } : {}) })
    })
  }

  /** Answers the caller now; the worker is asked to stop, and terminated if it has not within the grace period. */
  private cancel(job: Job): void {
    if (job.settled) return
    this.finish(job, () => job.reject(cancelled()))
    // Still in the map: the worker's answer (or its silence) decides what happens to the worker.
    const worker = job.worker
    if (!worker || !this.jobs.has(job.id)) return
    worker.postMessage({ cancel: job.id } satisfies HostMessage)
    job.grace = setTimeout(() => {
      if (this.jobs.get(job.id) === job && job.worker === worker) this.replaceWorker(worker, job)
    }, this.options.graceMs ?? 2_000)
    job.grace.unref?.()
  }

  private overCap(job: Job, capMs: number): void {
    if (this.jobs.get(job.id) !== job) return
    const minutes = Math.round(capMs / 60_000)
    const took =
      capMs < 1000 ? `${capMs} ms` : minutes < 1 ? `${Math.round(capMs / 1000)} s` : `${minutes} minute${minutes === 1 ? '' : 's'}`
    this.finish(job, () =>
      job.reject(
        new GembaError({
          code: 'timeout',
          message: `The ${this.options.name ?? 'work'} took longer than ${took} and was stopped.`,
          next: 'Try again; if it happens again, the repository may be too large to read in one go.',
        }),
      ),
    )
    if (job.worker) this.replaceWorker(job.worker, job)
  }

  /** Terminates a worker stuck on `culprit`; its other jobs run again on a fresh one (once each). */
  private replaceWorker(worker: Worker, culprit: Job): void {
    this.jobs.delete(culprit.id)
    if (this.worker === worker) this.worker = null
    const others = [...this.jobs.values()].filter((job) => job.worker === worker)
    void worker.terminate()
    for (const job of others) {
      if (job.settled) {
        this.jobs.delete(job.id)
      } else if (job.retried) {
        this.jobs.delete(job.id)
        this.finish(job, () => job.reject(interrupted()))
      } else {
        job.retried = true
        this.post(job)
      }
    }
  }

  private died(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null
    for (const job of [...this.jobs.values()]) {
      if (job.worker !== worker) continue
      this.jobs.delete(job.id)
      this.finish(job, () => job.reject(stopped(error)))
    }
  }

  private idle(worker: Worker): void {
    if (![...this.jobs.values()].some((job) => job.worker === worker)) worker.unref()
  }

  private finish(job: Job, answer: () => void): void {
    clearTimeout(job.cap)
    clearTimeout(job.grace)
    if (job.settled) return
    job.settled = true
    answer()
  }
}

function cancelled(message = 'Cancelled.'): GembaError {
  return new GembaError({ code: 'cancelled', message })
}

function interrupted(): GembaError {
  return new GembaError({
    code: 'unavailable',
    message: 'This was interrupted twice by other work that had to be stopped.',
    next: 'Try again.',
  })
}

function stopped(error: Error): GembaError {
  const memory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY'
  return new GembaError(
    {
      code: 'internal',
      message: memory
        ? 'Reading the repository needed more memory than Gemba allows it, and was stopped.'
        : 'Reading the repository stopped unexpectedly.',
      next: 'Try again; the rest of Gemba is unaffected.',
    },
    { cause: error },
  )
}

function toError(data: GembaErrorData, stack: string | undefined): GembaError {
  const cause = stack ? Object.assign(new Error(data.message), { stack }) : undefined
  return new GembaError(data, cause ? { cause } : undefined)
}
