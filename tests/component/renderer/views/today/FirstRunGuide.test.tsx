// The first-run guide's first step: once the repository is added, focus lands on the step's heading
// (which now reads done and names the repository), never on the page body.
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { RepoTour } from '../../../../../shared/models/repos.ts'
import { FirstRunGuide } from '../../../../../renderer/views/today/FirstRunGuide.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'
import { repoView, todayView } from '../../../../fixtures/renderer-views.ts'

const TOUR: RepoTour = {
  markdown: '# A tour\n\nA shop.\n',
  mermaid: 'flowchart LR',
  moduleGraph: { folders: [], links: [] },
  moduleSections: {},
  computedFrom: 'repository',
  headCommit: 'head',
  shortfall: null,
}

describe('the first-run guide', () => {
  it('puts focus on the first step, now done, once a repository is added', async () => {
    renderView(() => <FirstRunGuide today={todayView()} />, {
      handlers: {
        'repos.add': ({ path }) => ({ ...repoView('r-added', { name: 'payments', path }), notice: null }),
        'repos.tour': () => TOUR,
      },
    })
    await userEvent.fill(page.getByLabelText('Folder'), '/code/payments')
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }))
    const step = page.getByRole('heading', { level: 3, name: /Add a team’s repository/ })
    await expect.element(step).toHaveFocus()
    await expect.element(page.getByLabelText('Step 1, done')).toBeVisible()
  })
})
