import { describe, expect, it } from 'vitest'
import { curriculumWeekFor, defaultCurriculum, loadCurriculum } from '../../../../shared/curriculum/load-curriculum.ts'
import weeks from '../../../../shared/curriculum/weeks.json' with { type: 'json' }
import { GembaError } from '../../../../shared/errors.ts'

const clone = (): { version: number; weeks: Array<Record<string, unknown>> } => structuredClone(weeks)

describe('the shipped curriculum', () => {
  const curriculum = defaultCurriculum()

  it('is a 12-week programme, numbered in order, one theme each', () => {
    expect(curriculum.weeks.map((week) => week.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  })

  it('covers every theme the programme promises', () => {
    const themes = curriculum.weeks.map((week) => week.theme.toLowerCase()).join(' | ')
    for (const topic of [
      'walk the codebase',
      'follow one request end to end',
      'tests and ci',
      'deploy path',
      'data model',
      'observability and incidents',
      'dependencies and upgrades',
      'developer loop',
      'fix a real bug from the backlog',
      "review a teammate's pull request",
      'on-call runbook',
      'retrospective',
    ]) {
      expect(themes).toContain(topic)
    }
  })

  it("carries the leaders' own questions word for word", () => {
    const prompts = curriculum.weeks.flatMap((week) => Object.values(week.steps).flatMap((step) => step.prompts))
    const all = prompts.join('\n')
    expect(all).toContain('Walk me through the codebase')
    expect(all).toContain('Draw me a high-level architecture')
    expect(all).toContain("Pretend I'm a junior engineer new to the team and show me what I need to know")
    expect(all).toContain("Make this small change, including tests, and explain it like I'm a new team member")
  })

  it('asks for a change with tests every week', () => {
    for (const week of curriculum.weeks) {
      expect(week.steps.change.prompts.join(' ')).toMatch(/tests?/)
    }
  })

  it('repeats after the last week', () => {
    expect(curriculumWeekFor(curriculum, 13).number).toBe(1)
    expect(curriculumWeekFor(curriculum, 24).number).toBe(12)
    expect(curriculumWeekFor(curriculum, 1).number).toBe(1)
  })
})

describe('loadCurriculum', () => {
  it('names the week and field of every problem', () => {
    const broken = clone()
    const week3 = broken.weeks[2] as { steps: { change: { prompts: string[] } }; goal: string }
    week3.steps.change.prompts = []
    week3.goal = ''
    try {
      loadCurriculum(broken)
      expect.unreachable('a broken curriculum must not load')
    } catch (error) {
      expect(error).toBeInstanceOf(GembaError)
      const message = (error as GembaError).message
      expect(message).toContain('week 3 → goal: must not be empty')
      expect(message).toContain('week 3 → steps → change → prompts: needs at least one prompt')
      expect((error as GembaError).next).toMatch(/weeks\.json/)
    }
  })

  it('refuses weeks out of order and repeated themes', () => {
    const broken = clone()
    const [first, second] = broken.weeks
    broken.weeks[0] = second as Record<string, unknown>
    broken.weeks[1] = first as Record<string, unknown>
    ;(broken.weeks[5] as { theme: string }).theme = 'walk the CODEBASE'
    expect(() => loadCurriculum(broken)).toThrow(/week 1 → number: is 2 but should be 1/)
    expect(() => loadCurriculum(broken)).toThrow(/week 6 → theme: repeats the theme of week/)
  })

  it('refuses unknown fields (a typo should not silently drop content)', () => {
    const broken = clone()
    ;(broken.weeks[0] as Record<string, unknown>)['gaol'] = 'typo'
    expect(() => loadCurriculum(broken)).toThrow(/week 1/)
  })

  it('accepts an edited curriculum without code changes', () => {
    const edited = clone()
    edited.weeks = edited.weeks.slice(0, 4)
    ;(edited.weeks[0] as { theme: string }).theme = 'Our own first week'
    const curriculum = loadCurriculum(edited)
    expect(curriculum.weeks).toHaveLength(4)
    expect(curriculumWeekFor(curriculum, 5).theme).toBe('Our own first week')
  })
})
