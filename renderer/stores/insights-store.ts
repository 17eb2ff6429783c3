// Insights: the journal's trends for one year, with the weeks the programme marked skipped or paused
// (its whole history, asked of the sessions domain; without it the heatmap shows practised weeks only).
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { JournalInsights, JournalWeekMark } from '../../shared/models/journal.ts'
import { errorData } from '../bridge.ts'
import { onFirstCall } from './on-first-call.ts'
import { weekMarksFrom } from './week-marks.ts'

export interface InsightsState {
  readonly year: number
  readonly insights: JournalInsights | null
  readonly loading: boolean
  readonly error: GembaErrorData | null
  load(year?: number): Promise<void>
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
