import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { ChangeDraftView, TaskProposals } from '../../../../../shared/models/change.ts'
import { SmallChange } from '../../../../../renderer/views/change/SmallChange.tsx'
import { draftView } from '../../../../fixtures/renderer-views.ts'
import { renderView } from '../../../../fixtures/render-view.tsx'

const PROPOSALS: TaskProposals = {
  source: 'ai',
  note: 'Claude read the greeting and its test.',
  tasks: [
    {
      id: 't1',
      title: 'Fix the “Helo” typo',
      description: 'The greeting says Helo.',
      kind: 'text_or_validation',
      files: ['src/greet.js:1'],
      effortMinutes: 10,
      size: 'tiny',
    },
  ],
}

function smallChange(draft: ChangeDraftView) {
  return renderView(() => <SmallChange repoId="r1" />, {
    prepare: (stores) => stores.useChange.setState({ repoId: 'r1', sessionId: null, draft, proposals: PROPOSALS }),
  })
}

describe('SmallChange', () => {
  it('asks before “Start another change” throws away Claude’s draft, and keeps the suggested tasks', async () => {
    const { stores } = smallChange(draftView({ costUsd: 0.042 }))
    await page.getByRole('button', { name: 'Start another change…' }).click()
    const question = page.getByRole('group', { name: 'Discard Claude’s draft?' })
    await expect.element(question).toMatchTextContent(/It is not applied and cost \$0\.042; starting another change throws it away\./)
    await expect.element(question.getByRole('button', { name: 'Keep the draft' })).toHaveFocus()
    await question.getByRole('button', { name: 'Keep the draft' }).click()
    await expect.element(page.getByRole('heading', { name: 'Proposed files' })).toBeVisible()
    expect(stores.useChange.getState().draft?.draftId).toBe('draft-0001')
    await expect.element(page.getByRole('button', { name: 'Start another change…' })).toHaveFocus()

    await page.getByRole('button', { name: 'Start another change…' }).click()
    await page.getByRole('button', { name: 'Discard the draft' }).click()
    await expect.element(page.getByRole('heading', { name: 'Pick a small, real task' })).toBeVisible()
    await expect
      .element(page.getByRole('list', { name: 'Suggested tasks' }).getByRole('button', { name: /Fix the “Helo” typo/ }))
      .toBeVisible()
    expect(stores.useChange.getState().draft).toBeNull()
  })

  it('starts another change at once when nothing would be lost: the change by hand', async () => {
    smallChange(draftView({ mode: 'manual', costUsd: 0 }))
    await page.getByRole('button', { name: 'Start another change', exact: true }).click()
    await expect.element(page.getByRole('heading', { name: 'Pick a small, real task' })).toBeVisible()
  })
})
