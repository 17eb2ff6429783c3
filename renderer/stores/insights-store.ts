// Insights: the journal's trends for one year, with the weeks the programme marked skipped or paused
// (its whole history, asked of the sessions domain; without it the heatmap shows practised weeks only),
// and the note for a repository's tech lead, drafted by the journal on the leader's press.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { JournalInsights, JournalWeekMark, TechLeadNote } from '../../shared/models/journal.ts'
import { errorData } from '../bridge.ts'
import { onFirstCall } from './on-first-call.ts'
import { weekMarksFrom } from './week-marks.ts'

export interface InsightsState {
  readonly year: number
  readonly insights: JournalInsights | null
  readonly loading: boolean
  readonly error: GembaErrorData | null
  load(year?: number): Promise<void>
  /** The note for one repository's tech lead, once asked for; `copied` once it is on the clipboard. */
  readonly note: {
    readonly repositoryId: string
    readonly note: TechLeadNote | null
    readonly error: GembaErrorData | null
    readonly copied: boolean
  } | null
  openNote(repositoryId: string): Promise<void>
  closeNote(): void
  copyNote(): Promise<void>
}

async function programmeMarks(client: GembaApi, year: number): Promise<JournalWeekMark[]> {
  try {
    return weekMarksFrom(await client.invoke('sessions.programme', {}), year)
  } catch {
    return []
  }
}

export function createInsightsStore(client: GembaApi) {
  return create<InsightsState>((set, get) => {
    const follow = onFirstCall(() => client.subscribe('journal.changed', () => void get().load()))
    return {
      year: new Date().getFullYear(),
      insights: null,
      loading: false,
      error: null,
      note: null,
      async openNote(repositoryId) {
        set({ note: { repositoryId, note: null, error: null, copied: false } })
        try {
          const note = await client.invoke('journal.techLeadNote', { repositoryId })
          if (get().note?.repositoryId === repositoryId) set({ note: { repositoryId, note, error: null, copied: false } })
        } catch (error) {
          if (get().note?.repositoryId === repositoryId) set({ note: { repositoryId, note: null, error: errorData(error), copied: false } })
        }
      },
      closeNote() {
        set({ note: null })
      },
      async copyNote() {
        const current = get().note
        if (!current?.note) return
        try {
          await navigator.clipboard.writeText(current.note.markdown)
          set({ note: { ...current, copied: true } })
        } catch {
          set({
            note: {
              ...current,
              error: {
                code: 'refused',
                message: 'The clipboard is not available here.',
                next: 'Save the note as a Markdown file instead.',
              },
            },
          })
        }
      },
      async load(year) {
        follow()
        const wanted = year ?? get().year
        set({ year: wanted, loading: true, error: null })
        try {
          const marks = await programmeMarks(client, wanted)
          const insights = await client.invoke('journal.insights', { year: wanted, marks })
          if (get().year === wanted) set({ insights, loading: false })
        } catch (error) {
          set({ loading: false, error: errorData(error) })
        }
      },
    }
  })
}
