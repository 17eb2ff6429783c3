// This week's text for the kind of codebase its repository reads as, once the scan has said so (read
// again when the week or its repository changes); null until then, or when it is for another week.
import { useEffect } from 'react'
import type { TodayView, WeekFit } from '../../../shared/models/sessions.ts'
import { useStores } from '../../stores-context.tsx'

export function useWeekFit(today: TodayView): WeekFit | null {
  const { useVisits } = useStores()
  const load = useVisits((state) => state.loadWeekFit)
  const weekFit = useVisits((state) => state.weekFit)
  const { programmeWeek } = today.week
  const repoId = today.week.repo?.id ?? null
  useEffect(() => {
    if (repoId) void load()
  }, [load, programmeWeek, repoId])
  return weekFit && weekFit.programmeWeek === programmeWeek && weekFit.repoId === repoId ? weekFit : null
}
