// Taking the journal out of Gemba: Markdown exports (sessions or a date range) to a folder the
// leader chooses, PDF (Electron's printToPDF on the desktop, the browser's print otherwise), the
// one-page summary to share with tech leads, and the quarterly roll-up.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { JournalExportResult, JournalRollup, JournalShareSummary } from '../../shared/models/journal.ts'
import type { PaperSize } from '../../shared/channels/system.ts'
import { errorData } from '../bridge.ts'

export type ExportTarget =
  { readonly ids: readonly string[] } | { readonly from?: string; readonly to?: string } | { readonly summary: true }

interface Outcome {
  readonly status: 'idle' | 'working' | 'done' | 'error'
  readonly result: JournalExportResult | null
  readonly pdfPath: string | null
  readonly error: GembaErrorData | null
}

/** The paper most printers around the leader use: Letter in the Americas that use it, A4 elsewhere. */
export function paperForLocale(locale: string): PaperSize {
  const region = /[-_]([A-Z]{2})\b/.exec(locale)?.[1] ?? ''
  return LETTER_REGIONS.has(region) ? 'Letter' : 'A4'
}

const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PE', 'GT', 'CR', 'PA', 'DO', 'PR', 'SV', 'NI', 'BZ'])

export interface JournalShareState {
  readonly folder: string
  /** The paper a desktop PDF is laid out on (the browser's print dialog asks for itself). */
  readonly paper: PaperSize
  readonly outcome: Outcome
  readonly weeks: number
  readonly includeReflections: boolean
  readonly summary: JournalShareSummary | null
  readonly summaryError: GembaErrorData | null
  readonly copied: boolean
  readonly quarter: string | null
  readonly rollup: JournalRollup | null
  readonly rollupError: GembaErrorData | null
  setFolder(folder: string): void
  setPaper(paper: PaperSize): void
  pickFolder(): Promise<void>
  resetOutcome(): void
  exportMarkdown(target: ExportTarget): Promise<void>
  /** Desktop: a PDF file in the chosen folder. Browser: the browser's print dialog (save as PDF there). */
  savePdf(fileName: string, desktop: boolean): Promise<void>
  loadSummary(patch?: { weeks?: number; includeReflections?: boolean }): Promise<void>
  copySummary(): Promise<void>
  loadRollup(quarter?: string): Promise<void>
}

const IDLE: Outcome = { status: 'idle', result: null, pdfPath: null, error: null }

export function createJournalShareStore(client: GembaApi, options: { readonly locale?: string } = {}) {
  return create<JournalShareState>((set, get) => ({
    folder: '',
    paper: paperForLocale(options.locale ?? (typeof navigator === 'undefined' ? '' : navigator.language)),
    outcome: IDLE,
    weeks: 4,
    includeReflections: false,
    summary: null,
    summaryError: null,
    copied: false,
    quarter: null,
    rollup: null,
    rollupError: null,
    setFolder(folder) {
      set({ folder })
    },
    setPaper(paper) {
      set({ paper })
    },
    async pickFolder() {
      try {
        const { path } = await client.invoke('system.pickFolder', { title: 'Choose where to export' })
        if (path) set({ folder: path })
      } catch (error) {
        set({ outcome: { ...IDLE, status: 'error', error: errorData(error) } })
      }
    },
    resetOutcome() {
      set({ outcome: IDLE })
    },
    async exportMarkdown(target) {
      const folder = get().folder.trim()
      if (folder === '') return
      set({ outcome: { ...IDLE, status: 'working' } })
      try {
        const result =
          'summary' in target
            ? await client.invoke('journal.exportSummary', { folder, weeks: get().weeks, includeReflections: get().includeReflections })
            : await client.invoke('journal.exportMarkdown', { folder, ...('ids' in target ? { ids: [...target.ids] } : target) })
        set({ outcome: { ...IDLE, status: 'done', result } })
      } catch (error) {
        set({ outcome: { ...IDLE, status: 'error', error: errorData(error) } })
      }
    },
    async savePdf(fileName, desktop) {
      if (!desktop) {
        window.print()
        return
      }
      const folder = get().folder.trim()
      if (folder === '') return
      set({ outcome: { ...IDLE, status: 'working' } })
      try {
        const { path, supported } = await client.invoke('system.printToPdf', { folder, fileName, paper: get().paper })
        if (!supported) {
          set({ outcome: IDLE })
          window.print()
          return
        }
        set({ outcome: { ...IDLE, status: 'done', pdfPath: path } })
      } catch (error) {
        set({ outcome: { ...IDLE, status: 'error', error: errorData(error) } })
      }
    },
    async loadSummary(patch = {}) {
      const weeks = patch.weeks ?? get().weeks
      const includeReflections = patch.includeReflections ?? get().includeReflections
      set({ weeks, includeReflections, copied: false, summaryError: null })
      try {
        const summary = await client.invoke('journal.summary', { weeks, includeReflections })
        if (get().weeks === weeks && get().includeReflections === includeReflections) set({ summary })
      } catch (error) {
        set({ summaryError: errorData(error) })
      }
    },
    async copySummary() {
      const text = get().summary?.markdown
      if (!text) return
      try {
        await navigator.clipboard.writeText(text)
        set({ copied: true })
      } catch {
        set({
          summaryError: {
            code: 'refused',
            message: 'The clipboard is not available here.',
            next: 'Export the summary as a Markdown file instead.',
          },
        })
      }
    },
    async loadRollup(quarter) {
      set({ rollupError: null })
      try {
        const rollup = await client.invoke('journal.rollup', quarter ? { quarter } : {})
        set({ rollup, quarter: rollup.quarter })
      } catch (error) {
        set({ rollupError: errorData(error) })
      }
    },
  }))
}

/** The quarter before or after "2026-Q4". */
export function shiftQuarter(quarter: string, by: number): string {
  const [year, q] = quarter.split('-Q').map(Number)
  const index = (year ?? 2000) * 4 + ((q ?? 1) - 1) + by
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
}
