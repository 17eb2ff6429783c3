// The models the configured endpoint offers, kept so a thread can start without asking every time and
// offline with what was learnt: in memory, and in the data folder's cache (per endpoint, never the key),
// refreshed once a day. A failed refresh falls back to the kept list, then to what Gemba knows of the
// Claude families; it never blocks a thread for long (a short timeout) and never throws at a caller
// that only wants a profile.
import { readFile } from 'node:fs/promises'
import type { AiModelInfo, AiModelProfile } from '../../../../shared/models/ai.ts'
import { writeJsonAtomic } from '../../fs/atomic-write.ts'
import { modelProfile } from './model-profile.ts'

export interface ModelCatalogueDeps {
  /** Lists the models at the endpoint in use (the Models API); throws when it cannot. */
  readonly list: (signal: AbortSignal) => Promise<readonly AiModelInfo[]>
  /** Which endpoint the list belongs to (a URL; a different endpoint has a different list). */
  readonly endpoint: () => Promise<string>
  /** JSON file for the kept lists; null keeps them in memory only. */
  readonly file: string | null
  readonly now?: () => number
  readonly maxAgeMs?: number
  /** How long a thread waits for the list before going on without it. */
  readonly timeoutMs?: number
}

interface Kept {
  readonly fetchedAt: number
  readonly models: readonly AiModelInfo[]
}

interface CacheFile {
  readonly version: 1
  readonly endpoints: Readonly<Record<string, Kept>>
}

const DAY_MS = 24 * 60 * 60 * 1000

export class ModelCatalogue {
  readonly #deps: ModelCatalogueDeps
  #kept: Promise<Record<string, Kept>> | undefined
  readonly #inflight = new Map<string, Promise<readonly AiModelInfo[]>>()

  constructor(deps: ModelCatalogueDeps) {
    this.#deps = deps
  }

  /**
   * The endpoint's models, fresh when `refresh` or the kept list is older than a day. When the endpoint
   * cannot be asked, the kept list (unless `fallback` is false); throws when there is none.
   */
  async list(
    signal: AbortSignal,
    options: { readonly refresh?: boolean; readonly fallback?: boolean } = {},
  ): Promise<readonly AiModelInfo[]> {
    const endpoint = await this.#deps.endpoint()
    const kept = (await this.#load())[endpoint]
    const now = this.#deps.now?.() ?? Date.now()
    if (kept && !options.refresh && now - kept.fetchedAt < (this.#deps.maxAgeMs ?? DAY_MS)) return kept.models
    try {
      return await this.#fetch(endpoint, signal)
    } catch (error) {
      if (kept && !signal.aborted && options.fallback !== false) return kept.models
      throw error
    }
  }

  /** How to use `model` here: from the list when it can be had within the timeout, else from what Gemba knows. */
  async profileFor(model: string, signal: AbortSignal): Promise<AiModelProfile> {
    const waited = AbortSignal.any([signal, AbortSignal.timeout(this.#deps.timeoutMs ?? 4_000)])
    // The wait ends at the timeout even if the endpoint never answers (the fetch goes on for next time).
    const gaveUp = new Promise<readonly AiModelInfo[]>((resolve) => waited.addEventListener('abort', () => resolve([]), { once: true }))
    const listed = await Promise.race([this.list(waited).catch(() => [] as readonly AiModelInfo[]), gaveUp])
    signal.throwIfAborted()
    const bare = (id: string) => id.replace(/-\d{8}$/, '')
    return modelProfile(model, listed.find((info) => info.id === model) ?? listed.find((info) => bare(info.id) === bare(model)))
  }

  async #fetch(endpoint: string, signal: AbortSignal): Promise<readonly AiModelInfo[]> {
    let pending = this.#inflight.get(endpoint)
    if (!pending) {
      pending = this.#deps.list(signal).then(async (models) => {
        const all = { ...(await this.#load()), [endpoint]: { fetchedAt: this.#deps.now?.() ?? Date.now(), models } }
        this.#kept = Promise.resolve(all)
        if (this.#deps.file)
          await writeJsonAtomic(this.#deps.file, { version: 1, endpoints: all } satisfies CacheFile, { makeFolder: true }).catch(
            () => undefined,
          )
        return models
      })
      this.#inflight.set(endpoint, pending)
      void pending.finally(() => this.#inflight.delete(endpoint)).catch(() => undefined)
    }
    return pending
  }

  /** Waits for the lists still being fetched (and their cache writes) to settle. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.#inflight.values()])
  }

  #load(): Promise<Record<string, Kept>> {
    this.#kept ??= this.#deps.file
      ? readFile(this.#deps.file, 'utf8')
          .then(
            (text) => {
              const parsed = JSON.parse(text) as Partial<CacheFile>
              return parsed.version === 1 && typeof parsed.endpoints === 'object' && parsed.endpoints !== null
                ? { ...parsed.endpoints }
                : {}
            },
            () => ({}),
          )
          .catch(() => ({}))
      : Promise.resolve({})
    return this.#kept
  }
}
