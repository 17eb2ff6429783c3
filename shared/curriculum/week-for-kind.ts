// A curriculum week as it reads for one kind of codebase: the week's own text with the fields its
// variant for that kind changes laid over it. A web service, an unknown kind or a week without a
// variant for the kind reads as the week's own text. Pure; keeps the week's number and id.
import { STEP_KEYS, VARIANT_KINDS, type CurriculumWeek, type VariantKind } from '../models/curriculum.ts'
import type { RepoKind } from '../models/repos.ts'

export function weekForKind(week: CurriculumWeek, kind: RepoKind | 'unknown' | null | undefined): CurriculumWeek {
  const variant = isVariantKind(kind) ? week.variants?.[kind] : undefined
  if (!variant) return week
  const steps = Object.fromEntries(
    STEP_KEYS.map((step) => [step, { ...week.steps[step], ...definedOnly(variant.steps?.[step] ?? {}) }]),
  ) as unknown as CurriculumWeek['steps']
  return {
    ...week,
    theme: variant.theme ?? week.theme,
    goal: variant.goal ?? week.goal,
    whyItMatters: variant.whyItMatters ?? week.whyItMatters,
    steps,
  }
}

function isVariantKind(kind: string | null | undefined): kind is VariantKind {
  return (VARIANT_KINDS as readonly string[]).includes(kind ?? '')
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>
}
