// The week's text for a kind of codebase: the variant's fields over the week's own, and the shipped
// variants checked against the schema's rules.
import { describe, expect, it } from 'vitest'
import { curriculumWeekFor, defaultCurriculum, loadCurriculum } from '../../../../shared/curriculum/load-curriculum.ts'
import { weekForKind } from '../../../../shared/curriculum/week-for-kind.ts'
import weeks from '../../../../shared/curriculum/weeks.json' with { type: 'json' }
import { GembaError } from '../../../../shared/errors.ts'
import { VARIANT_KINDS } from '../../../../shared/models/curriculum.ts'

const curriculum = defaultCurriculum()
const byId = (id: string) => curriculum.weeks.find((week) => week.id === id)!
const clone = (): { version: number; weeks: Array<Record<string, unknown>> } => structuredClone(weeks)

describe('the week for a kind of codebase', () => {
  it('follows one call through the public API in a library, one request in a web service', () => {
    const week = byId('follow-one-request-end-to-end')
    expect(weekForKind(week, 'library').theme).toBe('Follow one call through the public API')
    expect(weekForKind(week, 'library').steps.explore.prompts[0]).toMatch(/from the public API to the result/)
    expect(weekForKind(week, 'web-service')).toBe(week)
    expect(weekForKind(week, 'unknown')).toBe(week)
    expect(weekForKind(week, null).theme).toBe('Follow one request end to end')
  })

  it('keeps the week’s own text for every field the variant leaves out', () => {
    const week = byId('follow-one-request-end-to-end')
    const webApp = weekForKind(week, 'web-app')
    expect(webApp.theme).toBe('Follow one user action end to end')
    expect(webApp.whyItMatters).toBe(week.whyItMatters)
    expect(webApp.steps.change).toEqual(week.steps.change)
    expect(webApp.steps.diagram.brief).toBe(week.steps.diagram.brief)
    expect(webApp.steps.diagram.prompts).not.toEqual(week.steps.diagram.prompts)
    expect([webApp.number, webApp.id]).toEqual([week.number, week.id])
  })

  it('reads as the week’s own text where a week has no variant for the kind', () => {
    const week = curriculumWeekFor(curriculum, 4)
    expect(week.variants).toBeUndefined()
    expect(weekForKind(week, 'library')).toBe(week)
  })

  it('has its own text for every kind in the weeks the kind changes the work', () => {
    for (const id of [
      'walk-the-codebase',
      'follow-one-request-end-to-end',
      'the-data-model',
      'the-deploy-path',
      'observability-and-incidents',
    ]) {
      for (const kind of VARIANT_KINDS) {
        const week = byId(id)
        const fitted = weekForKind(week, kind)
        expect(fitted, `${id} for ${kind}`).not.toBe(week)
        expect(fitted.steps.explore.prompts, `${id} for ${kind}`).not.toEqual(week.steps.explore.prompts)
      }
    }
  })

  it('still asks for a change with tests in every variant', () => {
    for (const week of curriculum.weeks) {
      for (const kind of VARIANT_KINDS) expect(weekForKind(week, kind).steps.change.prompts.join(' ')).toMatch(/tests?/)
    }
  })
})

describe('the schema of the variants', () => {
  const problems = (raw: unknown): string[] => {
    try {
      loadCurriculum(raw)
      return []
    } catch (error) {
      return ((error as GembaError).details?.['problems'] as string[]) ?? []
    }
  }

  it('refuses a kind it does not know, a field a week does not have, and an empty variant', () => {
    const broken = clone()
    ;(broken.weeks[0] as Record<string, unknown>)['variants'] = {
      desktop: { theme: 'Walk the app' },
      library: { title: 'Walk the library' },
      cli: {},
      'web-app': { steps: { explore: { prompts: [] } } },
    }
    const found = problems(broken).join('\n')
    expect(found).toMatch(/week 1 → variants.*desktop/)
    expect(found).toMatch(/week 1 → variants → library.*title/)
    expect(found).toMatch(/week 1 → variants → cli: must change at least one field/)
    expect(found).toMatch(/week 1 → variants → web-app → steps → explore → prompts: needs at least one prompt/)
  })

  it('refuses a variant theme that repeats another week’s theme for the same kind', () => {
    const broken = clone()
    const week2 = broken.weeks[1] as { variants: Record<string, { theme?: string }> }
    week2.variants['library']!.theme = 'Walk the codebase'
    expect(problems(broken).join('\n')).toMatch(/week 2 → variants → library → theme: repeats the theme week 1 has for a library/)
  })
})
