// One search_code call's matcher: a worker thread (search-worker.ts) that runs the model's pattern,
// started for the call and terminated when it ends, when it is cancelled, or at its wall-clock cap,
// whatever the pattern is doing then. The main thread only posts redacted texts and waits.
// Never imports 'electron'.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SearchPatternInput } from './search-pattern.ts'
import type { SearchWorkerReply, SearchWorkerRequest } from './search-worker.ts'

/** search-worker.ts beside this module when Gemba runs from source, else the bundled search-worker.js. */
export function searchWorkerUrl(base: string = import.meta.url): URL {
  const source = new URL('./search-worker.ts', base)
  return source.protocol === 'file:' && existsSync(fileURLToPath(source)) ? source : new URL('./search-worker.js', base)
}

let workerUrl: URL | null = null

export class SearchStopped extends Error {
  readonly reason: 'time' | 'cancelled' | 'failed' | 'done'

  constructor(reason: SearchStopped['reason']) {
    super(`the search stopped (${reason})`)
    this.reason = reason
  }
}

export class SearchMatcher {
  readonly #worker: Worker
  readonly #pending = new Map<number, { resolve: (lines: SearchWorkerReply['lines']) => void; reject: (error: Error) => void }>()
  #nextId = 0
  #stopped: SearchStopped | null = null

  private constructor(worker: Worker) {
    this.#worker = worker
    worker.on('message', (reply: SearchWorkerReply) => {
      const waiting = this.#pending.get(reply.id)
      this.#pending.delete(reply.id)
      waiting?.resolve(reply.lines)
    })
    worker.on('error', () => this.stop('failed'))
    worker.on('exit', () => this.stop('failed'))
  }

  /** A matcher for `pattern` (already checked to compile), stopped at `capMs` or when `signal` aborts. */
  static start(pattern: SearchPatternInput, capMs: number, signal: AbortSignal): SearchMatcher {
    const matcher = new SearchMatcher(new Worker((workerUrl ??= searchWorkerUrl())))
    matcher.#post({
      kind: 'pattern',
      pattern: { query: pattern.query, is_regex: pattern.is_regex, case_sensitive: pattern.case_sensitive },
    })
    const timer = setTimeout(() => matcher.stop('time'), capMs)
    const cancel = () => matcher.stop('cancelled')
    signal.addEventListener('abort', cancel, { once: true })
    matcher.#worker.once('exit', () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', cancel)
    })
    if (signal.aborted) matcher.stop('cancelled')
    else if (capMs <= 0) matcher.stop('time')
    return matcher
  }

  /** Why the matcher stopped early, or null while it runs. */
  get stopped(): SearchStopped | null {
    return this.#stopped
  }

  /** Each text's matching line numbers (0-based), at most `limit` in all. Rejects with SearchStopped. */
  match(texts: readonly string[], limit: number): Promise<SearchWorkerReply['lines']> {
    if (this.#stopped) return Promise.reject(this.#stopped)
    const id = ++this.#nextId
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      this.#post({ kind: 'match', id, texts, limit })
    })
  }

  /** Terminates the worker; what waits is rejected with the reason. Idempotent. */
  stop(reason: SearchStopped['reason'] = 'done'): void {
    if (this.#stopped) return
    this.#stopped = new SearchStopped(reason)
    for (const waiting of this.#pending.values()) waiting.reject(this.#stopped)
    this.#pending.clear()
    void this.#worker.terminate()
  }

  #post(request: SearchWorkerRequest): void {
    this.#worker.postMessage(request)
  }
}
