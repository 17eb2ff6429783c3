// Loads and validates the curriculum. A broken weeks.json fails loudly with every problem named by
// its place in the file ("week 3 → steps → change → prompts: needs at least one prompt").
import { GembaError } from '../errors.ts'
import type { Curriculum, CurriculumWeek } from '../models/curriculum.ts'
import { curriculumSchema } from './curriculum-schema.ts'
import weeks from './weeks.json' with { type: 'json' }

export function loadCurriculum(raw: unknown, source = 'shared/curriculum/weeks.json'): Curriculum {
  const parsed = curriculumSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => `${describePath(issue.path)}: ${issue.message}`)
  throw new GembaError({
    code: 'internal',
    message: `The curriculum in ${source} is not valid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}.`,
    next: `Fix ${source} (compare it with a week that loads) and restart Gemba.`,
    details: { problems },
  })
}

/** The curriculum shipped with the app. */
export function defaultCurriculum(): Curriculum {
  return loadCurriculum(weeks)
}

/** The curriculum week for a programme week that may be beyond the last one (the programme repeats). */
export function curriculumWeekFor(curriculum: Curriculum, programmeWeek: number): CurriculumWeek {
  const count = curriculum.weeks.length
  const index = (((Math.trunc(programmeWeek) - 1) % count) + count) % count
  const week = curriculum.weeks[index]
  if (!week) throw new GembaError({ code: 'internal', message: 'The curriculum has no weeks.' })
  return week
}

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file'
  const parts: string[] = []
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i]
    if (key === 'weeks' && typeof path[i + 1] === 'number') {
      parts.push(`week ${(path[i + 1] as number) + 1}`)
      i += 1
    } else if (typeof key === 'number') parts.push(`item ${key + 1}`)
    else parts.push(String(key))
  }
  return parts.join(' → ')
}
