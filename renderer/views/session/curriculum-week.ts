// The curriculum week of a session (its prompts), read from the curriculum shipped in shared/.
import { curriculumWeekFor, defaultCurriculum } from '../../../shared/curriculum/load-curriculum.ts'
import type { CurriculumWeek } from '../../../shared/models/curriculum.ts'

let curriculum: ReturnType<typeof defaultCurriculum> | null = null

export function curriculumWeek(programmeWeek: number): CurriculumWeek {
  curriculum ??= defaultCurriculum()
  return curriculumWeekFor(curriculum, programmeWeek)
}
