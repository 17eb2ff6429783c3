// The journal's index: a cache of every session file's list line, figures and search text, kept in
// memory and saved to the cache folder. The files are the truth: the index is rebuilt from them when
// the cache is missing, stale (mtime/size differ) or corrupt. Never writes into the journal folder.
import { readFile } from 'node:fs/promises'
import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import type { JournalFilter, JournalProblem } from '../../../shared/models/journal.ts'
import { writeJsonAtomic } from '../fs/atomic-write.ts'
import { indexEntryOf, SEARCH_FIELDS, type IndexedEntry, type SearchField } from './index-entry.ts'
import { readSessionFile, scanJournalFolder, type JournalFileStat } from './journal-folder.ts'
import { parseSessionMarkdown } from './parse-session-markdown.ts'

const CACHE_FORMAT = 'gemba-journal-index'
// 3: entries carry the change's authorship (lines the leader wrote), for Insights; every step's notes and the
// coach's conversations are searched. 4: the test run is searched. 5: entries carry what the change's tests came to
// (passed, failed, could not run).
// 6: entries carry the hour's developer loop (first test run, setup, suite, flaky tests), for Insights.
const CACHE_VERSION = 6

type SearchDoc = { readonly id: string } & Readonly<Record<SearchField, string>>

interface ProblemEntry {
  readonly problem: JournalProblem
  readonly mtimeMs: number
  readonly size: number
}

interface CacheFile {
  readonly format: string
  readonly version: number
  readonly folder: string
  readonly entries: IndexedEntry[]
  readonly problems: ProblemEntry[]
  readonly search: ReturnType<MiniSearch['toJSON']>
}

const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  searchOptions: {
    prefix: (term) => term.length > 2,
    fuzzy: (term) => (term.length > 4 ? 0.2 : false),
    combineWith: 'AND',
    boost: { theme: 2, tags: 2, repository: 1.5, reflection: 1.5, notes: 1.5, transcript: 0.5 },
  },
}

export type IndexLoad = 'cache' | 'rebuilt'

export interface RefreshResult {
  readonly changed: readonly string[]
  readonly removed: readonly string[]
}

export class JournalIndex {
  readonly journalFolder: string
  readonly cacheFile: string
  private entries = new Map<string, IndexedEntry>()
  private problems = new Map<string, ProblemEntry>()
  private search = new MiniSearch<SearchDoc>(SEARCH_OPTIONS)
  private newestFirst: IndexedEntry[] | null = null

  constructor(options: { readonly journalFolder: string; readonly cacheFile: string }) {
    this.journalFolder = options.journalFolder
    this.cacheFile = options.cacheFile
  }

  /** Loads the saved cache when it is usable; answers whether it did or starts from nothing. */
  async loadCache(): Promise<IndexLoad> {
    try {
      const cache = JSON.parse(await readFile(this.cacheFile, 'utf8')) as CacheFile
      if (cache.format !== CACHE_FORMAT || cache.version !== CACHE_VERSION || cache.folder !== this.journalFolder) {
        throw new Error('another format')
      }
      const search = MiniSearch.loadJS<SearchDoc>(cache.search, SEARCH_OPTIONS)
      const entries = new Map(cache.entries.map((entry) => [entry.summary.fileName, entry]))
      if (search.documentCount !== entries.size) throw new Error('index and entries disagree')
      this.entries = entries
      this.problems = new Map(cache.problems.map((entry) => [entry.problem.fileName, entry]))
      this.search = search
      this.newestFirst = null
      return 'cache'
    } catch {
      this.entries = new Map()
      this.problems = new Map()
      this.search = new MiniSearch<SearchDoc>(SEARCH_OPTIONS)
      this.newestFirst = null
      return 'rebuilt'
    }
  }

  /** Brings the index in line with the folder: re-reads changed files, forgets removed ones, saves. */
  async refresh(signal?: AbortSignal): Promise<RefreshResult> {
    const files = await scanJournalFolder(this.journalFolder, signal)
    const seen = new Set<string>()
    const changed: string[] = []
    for (const file of files) {
      seen.add(file.fileName)
      const known = this.entries.get(file.fileName) ?? this.problems.get(file.fileName)
      if (known && known.mtimeMs === file.mtimeMs && known.size === file.size) continue
      signal?.throwIfAborted()
      await this.reindex(file)
      changed.push(file.fileName)
    }
    const removed = [...this.entries.keys(), ...this.problems.keys()].filter((name) => !seen.has(name))
    for (const name of removed) this.forget(name)
    if (changed.length > 0 || removed.length > 0) await this.saveCache()
    return { changed, removed }
  }

  private async reindex(file: JournalFileStat): Promise<void> {
    this.forget(file.fileName)
    let content: Awaited<ReturnType<typeof readSessionFile>>
    try {
      content = await readSessionFile(this.journalFolder, file.fileName)
    } catch {
      const problem: JournalProblem = { fileName: file.fileName, code: 'unreadable', message: `${file.fileName} could not be read.` }
      this.problems.set(file.fileName, { problem, mtimeMs: file.mtimeMs, size: file.size })
      return
    }
    // With its sidecar: the coach's conversations are searchable too.
    const parsed = parseSessionMarkdown(content.text, file.fileName, content.sidecar)
    if (!parsed.ok) {
      this.problems.set(file.fileName, { problem: parsed.problem, mtimeMs: file.mtimeMs, size: file.size })
      return
    }
    const entry = indexEntryOf(parsed.record, file)
    this.entries.set(file.fileName, entry)
    this.search.add({ id: file.fileName, ...entry.text })
    this.newestFirst = null
  }

  private forget(fileName: string): void {
    if (this.entries.delete(fileName)) this.search.discard(fileName)
    this.problems.delete(fileName)
    this.newestFirst = null
  }

  /** Saves the cache; a cache that cannot be written only costs a rebuild next time. */
  async saveCache(): Promise<boolean> {
    const cache: CacheFile = {
      format: CACHE_FORMAT,
      version: CACHE_VERSION,
      folder: this.journalFolder,
      entries: [...this.entries.values()],
      problems: [...this.problems.values()],
      search: this.search.toJSON(),
    }
    try {
      await writeJsonAtomic(this.cacheFile, cache, { makeFolder: true, mode: 0o600 })
      return true
    } catch {
      return false
    }
  }

  /** Every session, newest first. */
  all(): readonly IndexedEntry[] {
    this.newestFirst ??= [...this.entries.values()].sort(compareNewestFirst)
    return this.newestFirst
  }

  list(filter: JournalFilter): IndexedEntry[] {
    return this.all().filter((entry) => matchesFilter(entry, filter))
  }

  query(text: string, filter: JournalFilter): { entry: IndexedEntry; result: SearchResult }[] {
    const results = this.search.search(text, {
      filter: (result) => {
        const entry = this.entries.get(String(result.id))
        return entry !== undefined && matchesFilter(entry, filter)
      },
    })
    return results.flatMap((result) => {
      const entry = this.entries.get(String(result.id))
      return entry ? [{ entry, result }] : []
    })
  }

  byId(id: string): IndexedEntry | undefined {
    return this.all().find((entry) => entry.summary.id === id)
  }

  byFileName(fileName: string): IndexedEntry | undefined {
    return this.entries.get(fileName)
  }

  problemList(): JournalProblem[] {
    return [...this.problems.values()].map((entry) => entry.problem).sort((a, b) => a.fileName.localeCompare(b.fileName))
  }

  /** File names in use (lower case), including files that could not be parsed. */
  takenNames(): Set<string> {
    return new Set([...this.entries.keys(), ...this.problems.keys()].map((name) => name.toLowerCase()))
  }
}

export function matchesFilter(entry: IndexedEntry, filter: JournalFilter): boolean {
  const s = entry.summary
  if (filter.repositoryId !== undefined && s.repository.id !== filter.repositoryId) return false
  if (filter.themeId !== undefined && s.theme.id !== filter.themeId) return false
  if (filter.tag !== undefined && !s.frictionTags.includes(filter.tag)) return false
  if (filter.from !== undefined && s.date < filter.from) return false
  if (filter.to !== undefined && s.date > filter.to) return false
  return true
}

function compareNewestFirst(a: IndexedEntry, b: IndexedEntry): number {
  const x = a.summary
  const y = b.summary
  if (x.date !== y.date) return x.date < y.date ? 1 : -1
  if (x.startedAt !== y.startedAt) return x.startedAt < y.startedAt ? 1 : -1
  return x.fileName < y.fileName ? 1 : x.fileName > y.fileName ? -1 : 0
}
