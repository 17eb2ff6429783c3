// The curriculum week of a session (its prompts), read from the curriculum shipped in shared/, in the
// text for the kind of codebase the hour kept when it started.
import { curriculumWeekFor, defaultCurriculum } from '../../../shared/curriculum/load-curriculum.ts'
import { weekForKind } from '../../../shared/curriculum/week-for-kind.ts'
import type { CurriculumWeek } from '../../../shared/models/curriculum.ts'
import type { Session } from '../../../shared/models/sessions.ts'

let curriculum: ReturnType<typeof defaultCurriculum> | null = null

export function curriculumWeek(session: Pick<Session, 'programmeWeek' | 'repoKind'>): CurriculumWeek {
  curriculum ??= defaultCurriculum()
  return weekForKind(curriculumWeekFor(curriculum, session.programmeWeek), session.repoKind?.kind)
}

/** The curriculum's own week (every kind's text), for saying which kind the hour's text is for. */
export function ownCurriculumWeek(programmeWeek: number): CurriculumWeek {
  curriculum ??= defaultCurriculum()
  return curriculumWeekFor(curriculum, programmeWeek)
}
