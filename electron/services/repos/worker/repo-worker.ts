// The body of a repository worker thread: one RepoJobs (its scan memory, its code parser) doing the
// jobs its host posts, each with its own AbortController (a 'cancel' message aborts it), progress posted
// as it goes (a few times a second at most) and the result or the error (as data) posted back. Reads
// the repository and writes only the scan cache; never imports 'electron'.
import { parentPort, workerData } from 'node:worker_threads'
import { GembaError } from '../../../../shared/errors.ts'
import type { ScanPhase, ScanResult } from '../../../../shared/models/repos.ts'
import { createCodeParser } from '../parse/code-parser.ts'
import { RepoJobs, tourOf } from './repo-jobs.ts'
import type { HostMessage, RepoJob, RepoWorkerData, WorkerMessage } from './repo-worker-protocol.ts'

const PROGRESS_EVERY_MS = 100

const port = parentPort
if (port) {
  const data = workerData as RepoWorkerData
  const jobs = new RepoJobs({
    cacheFolder: data.cacheFolder,
    createParser: data.parse ? () => createCodeParser(data.grammarDir ? { grammarDir: data.grammarDir } : {}) : undefined,
    ...(data.historyLimit ? { historyLimit: data.historyLimit } : {}),
    ...(data.parseWorkers !== undefined ? { parseWorkers: data.parseWorkers } : {}),
    ...(data.budgets ? { budgets: data.budgets } : {}),
    ...(data.configHome ? { configHome: data.configHome } : {}),
  })
  const running = new Map<number, AbortController>()
  const post = (message: WorkerMessage) => port.postMessage(message)

  const progressFor = (id: number) => {
    let last = 0
    let lastPhase: ScanPhase | null = null
    return (phase: ScanPhase, done: number, total: number) => {
      const now = performance.now()
      if (phase === lastPhase && done < total && now - last < PROGRESS_EVERY_MS) return
      last = now
      lastPhase = phase
      post({ id, progress: { phase, done, total } })
    }
  }

  const scanReply = (id: number, scan: ScanResult, known: string | null, value: () => unknown): WorkerMessage =>
    scan.cache.hit && scan.cache.key === known ? { id, same: known, timings: scan.timings } : { id, value: value(), key: scan.cache.key }

  const work = async (id: number, job: RepoJob, signal: AbortSignal): Promise<WorkerMessage> => {
    switch (job.kind) {
      case 'scan': {
        const scan = await jobs.scan(job.request, signal, progressFor(id))
        return scanReply(id, scan, job.known, () => scan)
      }
      case 'tour': {
        const scan = await jobs.scan(job.request, signal, progressFor(id))
        return scanReply(id, scan, job.known, () => tourOf(scan))
      }
      case 'describe':
        return { id, value: await jobs.describe(job.entry, signal, job.options) }
      case 'forget':
        return { id, value: await jobs.forget(job.repoId) }
      case 'settle':
        return { id, value: await jobs.settled() }
    }
  }

  port.on('message', (message: HostMessage) => {
    if ('cancel' in message) {
      running.get(message.cancel)?.abort()
      return
    }
    const controller = new AbortController()
    running.set(message.id, controller)
    work(message.id, message.job, controller.signal)
      .catch((error: unknown): WorkerMessage => {
        const mapped =
          error instanceof GembaError
            ? error
            : new GembaError({ code: 'internal', message: 'Something went wrong inside Gemba.' }, { cause: error })
        const cause = mapped.cause instanceof Error ? mapped.cause : error instanceof Error ? error : null
        return { id: message.id, error: mapped.toData(), ...(cause?.stack ? { stack: cause.stack } : {}) }
      })
      .then((reply) => {
        running.delete(message.id)
        post(reply)
      })
  })
}
