import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { RepoLoopCard as Card, TechLeadNote } from '../../../../../shared/models/journal.ts'
import { RepoLoopCard } from '../../../../../renderer/views/insights/RepoLoopCard.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'

const CARD: Card = {
  repositoryId: 'shop',
  repositoryName: 'shop',
  sessions: 2,
  weeks: [
    {
      isoWeek: '2026-W10',
      sessions: 1,
      firstTestRunMinutes: 38,
      firstGreenMinutes: 40,
      suiteSeconds: 95,
      setupSteps: 2,
      setupFailed: 1,
      flaky: [],
      frictionTags: ['setup-pain'],
    },
    {
      isoWeek: '2026-W20',
      sessions: 1,
      firstTestRunMinutes: null,
      firstGreenMinutes: null,
      suiteSeconds: null,
      setupSteps: null,
      setupFailed: null,
      flaky: ['cart > totals'],
      frictionTags: [],
    },
  ],
  summary: 'Tests first went green 40 min into the change in 2026-W10.',
}
const NOTE: TechLeadNote = {
  repositoryId: 'shop',
  repositoryName: 'shop',
  markdown: '# Notes from my hands-on hours in shop\n\n## Friction I ran into\n\nTagged: `setup-pain`.\n',
  fileName: 'gemba-note-shop-2026-12-07.md',
  sessions: 2,
}

describe('RepoLoopCard', () => {
  it('shows the loop week by week beside the friction, with a dash (never 0) where nothing was measured', async () => {
    renderView(() => <RepoLoopCard card={CARD} />)
    const rows = page.getByRole('row')
    await expect.element(rows.nth(1)).toBeVisible()
    expect(rows.nth(1).element().textContent).toBe('2026-W1038 min40 min2 (1 failed)95 s—setup-pain')
    expect(rows.nth(2).element().textContent).toBe('2026-W20————cart > totals—')
    expect(document.body.textContent).toContain('Tests first went green 40 min into the change in 2026-W10.')
  })

  it('drafts the note for the tech lead on the press, to read, copy or save as Markdown', async () => {
    const view = renderView(() => <RepoLoopCard card={CARD} />, { handlers: { 'journal.techLeadNote': () => NOTE } })
    await page.getByRole('button', { name: 'Note for the tech lead' }).click()
    const region = page.getByRole('region', { name: 'Note for the tech lead of shop' })
    await expect.element(region.getByRole('heading', { name: 'Notes from my hands-on hours in shop' })).toBeVisible()
    expect(view.fake.inputs('journal.techLeadNote')).toEqual([{ repositoryId: 'shop' }])
    const save = region.getByRole('link', { name: 'Save as gemba-note-shop-2026-12-07.md' })
    await expect.element(save).toHaveAttribute('download', 'gemba-note-shop-2026-12-07.md')
    expect(decodeURIComponent(save.element().getAttribute('href') ?? '')).toContain('Tagged: `setup-pain`.')
  })
})
