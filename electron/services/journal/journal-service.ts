// The journal domain's service: serves the journal channels from the Markdown files (through the
// index cache) and saves finished sessions. Folders and the clock come in; it never deletes a
// journal file, and an entry it cannot write waits in the pending folder instead of being lost. Writes
// run one at a time in its queue; dispose() lets the queue drain (what was asked is on disk) and then
// refuses more. It announces each session's entry written (journal.entryWritten) and follows Settings
// to another folder (settings.journalFolderChanged).
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { EventMap } from '../../../shared/api.ts'
import type { journalChannels } from '../../../shared/channels/journal.ts'
import type { ParsedInputOf } from '../../../shared/contract.ts'
import { GembaError } from '../../../shared/errors.ts'
import {
  journalSessionRecordSchema,
  type JournalDriftView,
  type JournalFlushResult,
  type JournalProblem,
  type JournalSessionRecord,
  type JournalSessionView,
  type TechLeadNote,
} from '../../../shared/models/journal.ts'
import type { DomainEvents } from '../domain-events.ts'
import type { EventsPort } from '../events-port.ts'
import { writeFileAtomic, type WriteTempData } from '../fs/atomic-write.ts'
import { resolveTypedPath } from '../fs/resolve-typed-path.ts'
import { exportMarkdown, writeExportFile } from './export-markdown.ts'
import type { ReadDrift } from './git-drift.ts'
import { computeInsights } from './journal-insights.ts'
import { baseFileName, journalFileName } from './journal-file-name.ts'
import { folderUnavailable, readSessionFile, readSidecar, removeStaleTemps, writeSessionFiles } from './journal-folder.ts'
import { JournalIndex } from './journal-index.ts'
import { lookBack } from './look-back.ts'
import { replaceRegion } from './markdown-regions.ts'
import { parseSessionMarkdown } from './parse-session-markdown.ts'
import { dropPending, keepPending, listPending } from './pending-entries.ts'
import { quarterlyRollup } from './quarterly-rollup.ts'
import { searchJournal } from './search-journal.ts'
import { shareSummary, summaryRange } from './share-summary.ts'
import { NOTE_HOURS, techLeadNote } from './tech-lead-note.ts'
import { formatDate, quarterOf } from './iso-week.ts'

/** A temp file older than this cannot belong to a write still running. */
const STALE_TEMP_MS = 60 * 60 * 1000

type Channels = typeof journalChannels
type Input<M extends keyof Channels> = ParsedInputOf<Channels[M]>
export type JournalChanged = EventMap['journal.changed']

export interface JournalServiceOptions {
  /** Where the Markdown files live (Settings; default inside the data folder). */
  readonly journalFolder: string
  /** Create the journal folder when missing: true for the default folder, false for one the leader chose. */
  readonly createJournalFolder: boolean
  /** Where the index cache is kept (safe to delete). */
  readonly cacheFolder: string
  /** Inside the data folder: entries wait here while the journal folder cannot be written. */
  readonly pendingFolder: string
  readonly now: () => Date
  /** Where journal.changed is told (a save, an edit, a flush, files changed by hand). */
  readonly events?: EventsPort
  /** Where each session's entry written is announced, and another journal folder is heard of. */
  readonly domainEvents?: DomainEvents
  /** Compares a session's cited code with the repository today (git); absent: drift is unknown. */
  readonly readDrift?: ReadDrift
  /** Where the repository with this id is now (the repos domain's list), when it moved since the session. */
  readonly repositoryPathOf?: (repositoryId: string) => Promise<string | undefined>
  /** The disk port for journal and pending writes (default: the file handle's own write). */
  readonly writeData?: WriteTempData
  /** The leader's home folder: an export folder typed as `~/…` or relative is read from it. */
  readonly home?: string
}

export class JournalService {
  private options: JournalServiceOptions
  private index: JournalIndex
  private loaded = false
  private queue: Promise<unknown> = Promise.resolve()
  private closing = false
  private readonly unsubscribe: () => void

  constructor(options: JournalServiceOptions) {
    this.options = options
    this.index = new JournalIndex({ journalFolder: options.journalFolder, cacheFile: join(options.cacheFolder, 'journal-index.json') })
    this.unsubscribe =
      options.domainEvents?.on('settings.journalFolderChanged', ({ folder, create }) => this.useFolder(folder, { create })) ??
      (() => undefined)
  }

  /** Stops hearing Settings, lets every write asked for finish (the queue drains), then refuses more. */
  async dispose(): Promise<void> {
    this.unsubscribe()
    const drained = this.exclusive(async () => undefined)
    this.closing = true
    await drained
  }

  /**
   * Moves to the folder Settings now names: writes under way finish in the old folder first; the
   * index is rebuilt from the files in the new one (its cache is checked against the folder).
   */
  useFolder(folder: string, options: { readonly create: boolean }): Promise<void> {
    return this.exclusive(async () => {
      if (folder === this.options.journalFolder) return
      this.options = { ...this.options, journalFolder: folder, createJournalFolder: options.create }
      this.index = new JournalIndex({ journalFolder: folder, cacheFile: join(this.options.cacheFolder, 'journal-index.json') })
      this.loaded = false
    })
  }

  /**
   * Saves a finished session (the sessions domain's journal port). When the folder cannot be used it
   * keeps the entry pending in the data folder and throws a GembaError with `details.pending: true`.
   */
  async saveSession(record: JournalSessionRecord): Promise<{ fileName: string; path: string }> {
    const parsed = journalSessionRecordSchema.safeParse(record)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new GembaError({
        code: 'invalid_input',
        message: `The session could not be saved: ${issue?.path.join('.') ?? 'a field'} — ${issue?.message ?? 'invalid'}.`,
        details: { issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })) },
      })
    }
    const fileName = await this.exclusive(async () => {
      try {
        return await this.writeRecord(parsed.data)
      } catch (error) {
        const failure = folderUnavailable(this.options.journalFolder, error)
        const pending = {
          id: record.id,
          fileName: `${baseFileName(record)}.md`,
          savedAt: this.options.now().toISOString(),
          reason: failure.message,
        }
        await keepPending(this.options.pendingFolder, pending, parsed.data, this.options.writeData)
        throw new GembaError(
          {
            code: failure.code,
            message: `${failure.message} This session is kept safe in Gemba's data folder until it can be written.`,
            ...(failure.next === undefined ? {} : { next: failure.next }),
            details: { ...failure.details, pending: true, id: record.id },
          },
          { cause: error },
        )
      }
    })
    this.changed({ reason: 'saved', fileNames: [fileName] })
    await this.options.domainEvents?.emit('journal.entryWritten', { sessionId: parsed.data.id })
    await this.flushPending({}).catch(() => undefined)
    return { fileName, path: join(this.options.journalFolder, fileName) }
  }

  async list(input: Input<'list'>, signal: AbortSignal) {
    await this.fresh(signal)
    const entries = this.index.list(input.filter ?? {})
    const offset = input.offset ?? 0
    const limit = input.limit ?? 200
    return {
      entries: entries.slice(offset, offset + limit).map((entry) => entry.summary),
      total: entries.length,
      problemCount: this.index.problemList().length,
    }
  }

  async search(input: Input<'search'>, signal: AbortSignal) {
    await this.fresh(signal)
    return searchJournal(this.index, input.query, input.filter ?? {}, input.limit ?? 50)
  }

  async get(input: Input<'get'>, signal: AbortSignal): Promise<JournalSessionView> {
    await this.fresh(signal)
    return this.view(this.fileNameOf(input.id))
  }

  async updateReflection(input: Input<'updateReflection'>, signal: AbortSignal): Promise<JournalSessionView> {
    const fileName = await this.exclusive(async () => {
      await this.refreshIndex(signal)
      const name = this.fileNameOf(input.id)
      const path = join(this.options.journalFolder, name)
      const text = await readFile(path, 'utf8').catch((error: unknown) => {
        throw folderUnavailable(this.options.journalFolder, error)
      })
      const updated = replaceRegion(text, 'reflection', input.reflection)
      if (updated === null) {
        throw new GembaError({
          code: 'conflict',
          message: `The reflection section of ${name} was edited by hand and its markers are gone, so Gemba cannot tell where it is.`,
          next: 'Edit the reflection in the file itself, or restore the <!-- gemba:reflection --> markers.',
        })
      }
      await writeFileAtomic(path, updated, { mode: 0o600, ...(this.options.writeData ? { writeData: this.options.writeData } : {}) }).catch(
        (error: unknown) => {
          throw folderUnavailable(this.options.journalFolder, error)
        },
      )
      await this.index.refresh(signal)
      return name
    })
    this.changed({ reason: 'edited', fileNames: [fileName] })
    return this.view(fileName)
  }

  async drift(input: Input<'drift'>, signal: AbortSignal): Promise<JournalDriftView> {
    const { record } = await this.get(input, signal)
    const known = await this.options.repositoryPathOf?.(record.repository.id).catch(() => undefined)
    const repositoryPath = known ?? record.repository.path
    const readDrift = this.options.readDrift
    if (!readDrift) return { state: 'unknown', reason: 'Gemba cannot read repositories here.', repositoryPath }
    if (!/^[0-9a-f]{40}$/i.test(record.repository.commit)) {
      return { state: 'unknown', reason: 'This session was not pinned to a commit.', repositoryPath }
    }
    // A citation the repository did not confirm at the session's commit has nothing to follow since.
    const citations = (record.walkthrough?.citations ?? []).filter((citation) => !citation.mark)
    const read = await readDrift(repositoryPath, record.repository.commit, citations, signal).catch((): { ok: false; reason: string } => ({
      ok: false,
      reason: 'The repository could not be read.',
    }))
    if (!read.ok) return { state: 'unknown', reason: read.reason, repositoryPath }
    return { state: 'known', drift: read.drift, headCommit: read.head, repositoryPath }
  }

  async lookBack(input: Input<'lookBack'>, signal: AbortSignal) {
    await this.fresh(signal)
    const entry = this.index.byId(input.id)
    if (!entry) throw notFound(input.id)
    return lookBack(this.index.all(), entry)?.summary ?? null
  }

  async insights(input: Input<'insights'>, signal: AbortSignal) {
    await this.fresh(signal)
    const today = formatDate(this.options.now())
    return computeInsights(this.index.all(), { year: input.year ?? Number(today.slice(0, 4)), today, marks: input.marks ?? [] })
  }

  async rollup(input: Input<'rollup'>, signal: AbortSignal) {
    await this.fresh(signal)
    return quarterlyRollup(this.index.all(), input.quarter ?? quarterOf(formatDate(this.options.now())))
  }

  async exportMarkdown(input: Input<'exportMarkdown'>, signal: AbortSignal) {
    await this.fresh(signal)
    const ids = input.ids ? new Set(input.ids) : undefined
    const chosen = this.index.list({ ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) })
    const entries = ids ? chosen.filter((entry) => ids.has(entry.summary.id)) : chosen
    if (ids) for (const id of ids) if (!entries.some((entry) => entry.summary.id === id)) throw notFound(id)
    return exportMarkdown(
      this.options.journalFolder,
      entries.map((entry) => entry.summary.fileName),
      resolveTypedPath(input.folder, this.options.home),
      signal,
    )
  }

  async summary(input: Input<'summary'>, signal: AbortSignal) {
    await this.fresh(signal)
    const today = formatDate(this.options.now())
    const range = summaryRange(today, input.weeks)
    const inRange = this.index.list(range).map((entry) => entry.summary.fileName)
    const reflections = input.includeReflections ? await this.reflectionsOf(inRange) : undefined
    return shareSummary(this.index.all(), { today, weeks: input.weeks, reflections })
  }

  /** The note for a repository's tech lead, from the newest hours there (each file read once). */
  async techLeadNote(input: Input<'techLeadNote'>, signal: AbortSignal): Promise<TechLeadNote> {
    await this.fresh(signal)
    const newest = this.index
      .list({ repositoryId: input.repositoryId })
      .sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt))
      .slice(0, NOTE_HOURS)
    const records: JournalSessionRecord[] = []
    for (const entry of newest) {
      signal.throwIfAborted()
      const content = await readSessionFile(this.options.journalFolder, entry.summary.fileName).catch(() => undefined)
      const parsed = content && parseSessionMarkdown(content.text, entry.summary.fileName)
      if (parsed?.ok) records.push(parsed.record)
    }
    if (records.length === 0)
      throw new GembaError({
        code: 'not_found',
        message: 'There is no hour in this repository in the journal yet, so there is nothing to note.',
        next: 'Spend an hour in it first.',
      })
    return techLeadNote(records, formatDate(this.options.now()))
  }

  async exportSummary(input: Input<'exportSummary'>, signal: AbortSignal) {
    const summary = await this.summary(input, signal)
    const fileName = `gemba-summary-${summary.from}-to-${summary.to}.md`
    return writeExportFile(resolveTypedPath(input.folder, this.options.home), fileName, summary.markdown)
  }

  async problems(_input: Input<'problems'>, signal: AbortSignal) {
    await this.fresh(signal)
    const pending = await listPending(this.options.pendingFolder)
    const sidecars: JournalProblem[] = []
    for (const entry of this.index.all()) {
      signal.throwIfAborted()
      const { sidecarProblem } = await readSidecar(this.options.journalFolder, entry.summary.fileName)
      if (sidecarProblem)
        sidecars.push({
          fileName: entry.summary.fileName,
          code: 'bad_sidecar',
          message: `${sidecarProblem} The session is shown without its transcript.`,
        })
    }
    return { problems: [...this.index.problemList(), ...sidecars], pending: pending.map((file) => file.entry) }
  }

  async flushPending(_input: Input<'flushPending'>): Promise<JournalFlushResult> {
    const result = await this.exclusive(async () => {
      const pending = await listPending(this.options.pendingFolder)
      const written: string[] = []
      const sessions: string[] = []
      for (const [i, file] of pending.entries()) {
        try {
          written.push(await this.writeRecord(file.record))
          sessions.push(file.record.id)
        } catch (error) {
          const reason = folderUnavailable(this.options.journalFolder, error).message
          return { written, sessions, pending: pending.slice(i).map((rest) => rest.entry), reason }
        }
        await dropPending(this.options.pendingFolder, file.entry.id)
      }
      return { written, sessions, pending: [], reason: null }
    })
    if (result.written.length > 0) this.changed({ reason: 'flushed', fileNames: result.written })
    for (const sessionId of result.sessions) await this.options.domainEvents?.emit('journal.entryWritten', { sessionId })
    const { sessions: _sessions, ...flushed } = result
    return flushed
  }

  /** Writes one record to the journal folder (reusing the session's file when it has one). */
  private async writeRecord(record: JournalSessionRecord): Promise<string> {
    await this.refreshIndex()
    const existing = this.index.byId(record.id)?.summary.fileName
    const fileName = existing ?? journalFileName(record, this.index.takenNames())
    await writeSessionFiles(this.options.journalFolder, fileName, record, this.options.writeData)
    await this.index.refresh()
    return fileName
  }

  private async view(fileName: string): Promise<JournalSessionView> {
    const path = join(this.options.journalFolder, fileName)
    const [content, info] = await Promise.all([readSessionFile(this.options.journalFolder, fileName), stat(path)]).catch(
      (error: unknown) => {
        throw folderUnavailable(this.options.journalFolder, error)
      },
    )
    const parsed = parseSessionMarkdown(content.text, fileName, content.sidecar)
    if (!parsed.ok) {
      throw new GembaError({
        code: 'storage',
        message: parsed.problem.message,
        next: 'Fix the file by hand; Gemba reads it again as soon as it changes.',
      })
    }
    return {
      fileName,
      record: parsed.record,
      hasTranscript: content.sidecar !== undefined && content.sidecar.id === parsed.record.id,
      modifiedAt: new Date(info.mtimeMs).toISOString(),
    }
  }

  private async reflectionsOf(fileNames: readonly string[]): Promise<Map<string, string>> {
    const reflections = new Map<string, string>()
    for (const fileName of fileNames) {
      const content = await readSessionFile(this.options.journalFolder, fileName).catch(() => undefined)
      const parsed = content && parseSessionMarkdown(content.text, fileName)
      if (parsed?.ok) reflections.set(parsed.record.id, parsed.record.reflection)
    }
    return reflections
  }

  private fileNameOf(id: string): string {
    const entry = this.index.byId(id)
    if (!entry) throw notFound(id)
    return entry.summary.fileName
  }

  /** Index in line with the files, run one at a time with writes. */
  private async fresh(signal?: AbortSignal): Promise<void> {
    await this.exclusive(() => this.refreshIndex(signal))
  }

  private async refreshIndex(signal?: AbortSignal): Promise<void> {
    const first = !this.loaded
    if (first) {
      await this.index.loadCache()
      this.loaded = true
    }
    if (this.options.createJournalFolder) {
      await mkdir(this.options.journalFolder, { recursive: true }).catch((error: unknown) => {
        throw folderUnavailable(this.options.journalFolder, error)
      })
    }
    const { changed, removed } = await this.index.refresh(signal)
    if (first) await removeStaleTemps(this.options.journalFolder, this.options.now(), STALE_TEMP_MS)
    // Files changed by hand (or another copy of Gemba) since we last looked: tell the views.
    else if (changed.length + removed.length > 0) this.changed({ reason: 'files', fileNames: [...changed, ...removed] })
  }

  private changed(payload: JournalChanged): void {
    this.options.events?.emit('journal.changed', payload)
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new GembaError({ code: 'cancelled', message: 'Gemba is closing.' }))
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }
}

function notFound(id: string): GembaError {
  return new GembaError({
    code: 'not_found',
    message: `There is no journal entry for session ${id}.`,
    next: 'Its file may have been moved or renamed; check the journal folder.',
  })
}
