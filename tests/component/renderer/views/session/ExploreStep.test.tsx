// The explore step lists the week's questions once: as the coach's buttons when Claude can answer them,
// as a list when there is no key. A question with a part to fill in is put in the box, never sent as is.
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { SettingsView } from '../../../../../shared/models/settings.ts'
import type { Session } from '../../../../../shared/models/sessions.ts'
import { weekForKind } from '../../../../../shared/curriculum/week-for-kind.ts'
import { curriculumWeekFor, defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { ExploreStep } from '../../../../../renderer/views/session/ExploreStep.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'
import { session } from '../../../../fixtures/renderer-views.ts'

function exploreStep(week: number, keySet: boolean, repoKind: Session['repoKind'] = null) {
  return renderView(() => <ExploreStep session={{ ...session('2026-01-06-w01-abc12', { programmeWeek: week }), repoKind }} />, {
    // Only whether a key is set matters here.
    prepare: (stores) => stores.useSettings.setState({ view: { apiKey: { set: keySet } } as unknown as SettingsView }),
  })
}

const promptsOf = (week: number) => curriculumWeekFor(defaultCurriculum(), week).steps.explore.prompts

describe('the explore step', () => {
  it('shows each of the week’s questions once: as buttons to ask Claude', async () => {
    exploreStep(2, true)
    const buttons = page.getByRole('group', { name: 'Quick-start questions' })
    for (const prompt of promptsOf(2)) {
      await expect.element(buttons.getByRole('button', { name: prompt })).toBeVisible()
      expect(page.getByText(prompt, { exact: true }).elements()).toHaveLength(1)
    }
    expect(document.querySelector('.week-prompts__list')).toBeNull()
  })

  it('lists them without a key, where there is no Claude to ask', async () => {
    exploreStep(2, false)
    const list = page.getByRole('region', { name: 'Questions to explore' }).getByRole('listitem')
    await expect.element(list.first()).toBeVisible()
    expect(list.elements().map((item) => item.textContent)).toEqual(promptsOf(2))
    expect(page.getByRole('group', { name: 'Quick-start questions' }).elements()).toHaveLength(0)
  })

  it('puts a question with a part to fill in into the box instead of sending it', async () => {
    const { fake } = exploreStep(9, true)
    const withPlaceholder = promptsOf(9).find((prompt) => /<[^>]+>/.test(prompt))!
    await page.getByRole('button', { name: withPlaceholder }).click()
    await expect.element(page.getByLabelText('Ask about this repository')).toHaveValue(withPlaceholder)
    await expect.element(page.getByLabelText('Ask about this repository')).toHaveFocus()
    expect(fake.inputs('ai.ask')).toEqual([])
  })

  it('asks the coach the questions for the kind of codebase the hour kept, and says which kind it read', async () => {
    exploreStep(2, true, { kind: 'library', reason: 'it publishes a package and runs no server' })
    await expect
      .element(
        page.getByText(
          'This repository reads as a library (it publishes a package and runs no server), so this week is “Follow one call through the public API”.',
        ),
      )
      .toBeVisible()
    const buttons = page.getByRole('group', { name: 'Quick-start questions' })
    const library = weekForKind(curriculumWeekFor(defaultCurriculum(), 2), 'library').steps.explore.prompts
    expect(library).not.toEqual(promptsOf(2))
    for (const prompt of library) await expect.element(buttons.getByRole('button', { name: prompt })).toBeVisible()
    expect(buttons.getByRole('button', { name: promptsOf(2)[0]! }).elements()).toHaveLength(0)
  })
})
