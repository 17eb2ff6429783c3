// The AI service's repository-context port: scans through the repos domain (its cache makes a
// repeated scan cheap), applies the leader's per-repository scope and patterns, and packs the context.
// Remembers the last few packs by scan key and options, so a preview and the thread that follows it
// send exactly the same text. Never edits the repository or the scan.
import type { ScanResult } from '../../../../shared/models/repos.ts'
import type { CodeParser } from '../../repos/index.ts'
import type { RepoContext, RepoContextRequest } from './repo-context.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { ContextSettingsStore } from './context-settings-store.ts'
import { packContext, scanSnapshot, type PackedContext } from './pack-context.ts'

export interface RepoContextProviderDeps {
  readonly scan: (repoId: string, signal: AbortSignal) => Promise<ScanResult>
  readonly settings: ContextSettingsStore
  readonly redactor: Redactor
  readonly parser?: () => Promise<CodeParser | null>
}

export interface PackedRepoContext extends RepoContext {
  readonly packed: PackedContext
}

const KEEP = 8

interface PackChoices {
  readonly scope: string | null
  readonly include: readonly string[]
  readonly exclude: readonly string[]
  readonly budgetTokens: number
}

export class RepoContextProvider {
  readonly #deps: RepoContextProviderDeps
  readonly #packs = new Map<string, Promise<PackedRepoContext>>()

  constructor(deps: RepoContextProviderDeps) {
    this.#deps = deps
  }

  async context(request: RepoContextRequest, signal: AbortSignal): Promise<PackedRepoContext> {
    const [scan, stored] = await Promise.all([this.#deps.scan(request.repoId, signal), this.#deps.settings.get(request.repoId)])
    const options = {
      scope: request.scope ?? stored.scope,
      include: stored.include,
      exclude: stored.exclude,
      budgetTokens: request.contextTokens,
    }
    const key = JSON.stringify([request.repoId, scan.cache.key, scan.headCommit, options])
    const cached = this.#packs.get(key)
    if (cached) return cached
    const pending = this.#pack(scan, options, signal)
    this.#packs.set(key, pending)
    pending.catch(() => this.#packs.delete(key))
    while (this.#packs.size > KEEP) this.#packs.delete(this.#packs.keys().next().value!)
    return pending
  }

  async #pack(scan: ScanResult, options: PackChoices, signal: AbortSignal): Promise<PackedRepoContext> {
    const parser = (await this.#deps.parser?.().catch(() => null)) ?? null
    // One snapshot for the thread: the context, its tools, the viewer and the citation checks read it.
    const snapshot = scanSnapshot(scan)
    const packed = await packContext(scan, snapshot, { ...options, redactor: this.#deps.redactor, parser }, signal)
    return {
      snapshot,
      text: packed.text,
      manifest: {
        files: packed.files.map(({ path, bytes }) => ({ path, bytes })),
        redactions: packed.redactions,
        excluded: packed.excluded,
      },
      packed,
    }
  }
}
