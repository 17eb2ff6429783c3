// Worker threads that work next to the main thread, so a big scan uses a second core: they parse
// sources, and one reads the history while this thread reads the files. Each worker holds its own
// tree-sitter runtime; the pool is started per scan and terminated after it, which also frees the
// workers' WebAssembly memory. A job a worker cannot do is rejected, never lost: the caller does it
// in-process instead. Never imports 'electron'.
import { Worker } from 'node:worker_threads'
import type { CommitRecord, HistoryRead } from '../history/read-history.ts'
import type { ParsedFile, ParseLanguage } from '../parse/parsed-file.ts'
import { parseWorkerUrl } from './parse-worker-url.ts'

/** What a worker needs to read the history: the repository, where to start, what is already known. */
export interface HistoryJob {
  /** The working tree's root (the worker opens the repository itself). */
  readonly root: string
  readonly head: string
  readonly limit: number
  readonly known: readonly CommitRecord[]
  readonly shallow: readonly string[]
  /** The history's time budget, in milliseconds from when the worker starts on it. */
  readonly budgetMs?: number
}

export type ParseJob =
  | { readonly id: number; readonly kind: 'parse'; readonly language: ParseLanguage; readonly text: string; readonly maxBytes: number }
  | { readonly id: number; readonly kind: 'light'; readonly language: ParseLanguage; readonly text: string; readonly definitions: boolean }
  | { readonly id: number; readonly kind: 'history'; readonly history: HistoryJob }

export type ParseReply =
  | { readonly id: number; readonly file: ParsedFile }
  | { readonly id: number; readonly history: HistoryRead }
  | { readonly id: number; readonly error: string }

interface Pending {
  readonly resolve: (value: ParsedFile | HistoryRead) => void
  readonly reject: (error: Error) => void
}

interface Slot {
  readonly worker: Worker
  readonly pending: Map<number, Pending>
  dead: boolean
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

// Resolved once, when first needed: the source worker beside this file, or the bundled one.
let workerUrl: URL | null = null

export class ParsePool {
  private readonly slots: Slot[]
  private nextId = 0

  private constructor(slots: Slot[]) {
    this.slots = slots
  }

  /** Starts `size` workers; a worker that fails to start (e.g. its file is not in a bundle) just rejects its jobs. */
  static start(size: number, url: URL = (workerUrl ??= parseWorkerUrl(import.meta.url))): ParsePool {
    const slots: Slot[] = []
    for (let i = 0; i < size; i++) {
      let worker: Worker
      try {
        // A small young generation, as the repository worker's: parsing churns through text it drops.
        worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 12 } })
      } catch {
        continue
      }
      const slot: Slot = { worker, pending: new Map(), dead: false }
      const fail = (error: Error) => {
        slot.dead = true
        for (const job of slot.pending.values()) job.reject(error)
        slot.pending.clear()
      }
      worker.on('message', (reply: ParseReply) => {
        const job = slot.pending.get(reply.id)
        slot.pending.delete(reply.id)
        if ('file' in reply) job?.resolve(reply.file)
        else if ('history' in reply) job?.resolve(reply.history)
        else job?.reject(new Error(reply.error))
      })
      worker.on('error', fail)
      worker.on('exit', () => fail(new Error('the parse worker stopped')))
      slots.push(slot)
    }
    return new ParsePool(slots)
  }

  /** Live workers; 0 when none could start. */
  get size(): number {
    return this.slots.filter((slot) => !slot.dead).length
  }

  parse(language: ParseLanguage, text: string, maxBytes: number): Promise<ParsedFile> {
    return this.post({ kind: 'parse', language, text, maxBytes }) as Promise<ParsedFile>
  }

  /** Reads a file lightly (parse/light-extract.ts) in a worker. */
  light(language: ParseLanguage, text: string, definitions: boolean): Promise<ParsedFile> {
    return this.post({ kind: 'light', language, text, definitions }) as Promise<ParsedFile>
  }

  /** Jobs posted and not answered yet, over all workers. */
  get pending(): number {
    return this.slots.reduce((sum, slot) => sum + slot.pending.size, 0)
  }

  /** Reads the history in a worker (the least busy one). */
  history(job: HistoryJob): Promise<HistoryRead> {
    return this.post({ kind: 'history', history: job }) as Promise<HistoryRead>
  }

  private post(job: DistributiveOmit<ParseJob, 'id'>): Promise<ParsedFile | HistoryRead> {
    const slot = this.slots.filter((candidate) => !candidate.dead).sort((a, b) => a.pending.size - b.pending.size)[0]
    if (!slot) return Promise.reject(new Error('no parse worker is running'))
    const id = this.nextId++
    return new Promise<ParsedFile | HistoryRead>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject })
      slot.worker.postMessage({ ...job, id } as ParseJob)
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate().catch(() => 0)))
  }
}
