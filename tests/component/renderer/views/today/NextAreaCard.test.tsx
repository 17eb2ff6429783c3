import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { NextArea } from '../../../../../shared/models/sessions.ts'
import { NextAreaCard } from '../../../../../renderer/views/today/NextAreaCard.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'

const NEXT: NextArea = {
  programmeWeek: 6,
  theme: 'The deploy path',
  suggestion: {
    repoId: 'shop',
    repoName: 'shop',
    path: 'src/billing',
    name: 'src/billing',
    label: 'src/billing/',
    commits: 41,
    window: { kind: 'days', since: '2026-11-07T00:00:00.000Z' },
    matchesTheme: false,
    why: '`src/billing/` changed in 41 commits in the last 30 days, and you have not been there.',
    alternatives: [{ path: 'src/jobs', commits: 9 }],
  },
  reason: null,
}

describe('NextAreaCard', () => {
  it('suggests next week’s area and says why, with the paths as code', async () => {
    renderView(() => <NextAreaCard thisWeek={5} />, { handlers: { 'sessions.nextArea': () => NEXT } })
    const card = page.getByRole('region', { name: /Somewhere new/ })
    await expect.element(card).toBeVisible()
    const text = card.element().textContent
    expect(text).toContain('Next week · The deploy path · in shop')
    expect(text).toContain('src/billing/ changed in 41 commits in the last 30 days, and you have not been there.')
    expect(text).toContain('Also not visited: src/jobs/ (9 commits lately).')
    expect([...card.element().querySelectorAll('code')].map((code) => code.textContent)).toContain('src/billing/')
  })

  it('shows nothing when there is nothing to suggest', async () => {
    const view = renderView(() => <NextAreaCard thisWeek={6} />, {
      handlers: { 'sessions.nextArea': () => ({ ...NEXT, suggestion: null, reason: 'Add a team’s repository first.' }) },
    })
    await expect.poll(() => view.fake.inputs('sessions.nextArea').length > 0).toBe(true)
    await expect.element(page.getByRole('region', { name: /Somewhere new/ })).not.toBeInTheDocument()
  })
})
