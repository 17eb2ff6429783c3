// Adding a repository leaves focus on what the add produced (the repository's item in the list),
// never on the page body, whether it was the first one or another.
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { RepoTour } from '../../../../../shared/models/repos.ts'
import { ReposView } from '../../../../../renderer/views/repos/ReposView.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'
import { repoView } from '../../../../fixtures/renderer-views.ts'

const TOUR: RepoTour = {
  markdown: '# A tour\n\nA shop.\n',
  mermaid: 'flowchart LR',
  moduleGraph: { folders: [], links: [] },
  moduleSections: {},
  computedFrom: 'repository',
  headCommit: 'head',
  shortfall: null,
}

function reposPage(existing: readonly string[]) {
  return renderView(() => <ReposView />, {
    handlers: {
      'repos.list': () => existing.map((id) => repoView(id)),
      'repos.add': ({ path }) => ({ ...repoView('r-added', { name: 'payments', path }), notice: null }),
      'repos.tour': () => TOUR,
      'change.checkouts': () => [],
    },
  })
}

describe('adding a repository', () => {
  it('puts focus on the first repository added, in the list that replaces the form', async () => {
    reposPage([])
    await userEvent.fill(page.getByLabelText('Folder'), '/code/payments')
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }))
    const added = page.getByRole('list', { name: 'Repositories' }).getByRole('button', { name: /payments/ })
    await expect.element(added).toHaveFocus()
  })

  it('puts focus on another repository added from the list', async () => {
    reposPage(['r1'])
    await userEvent.click(page.getByText('Add another repository', { exact: true }).first())
    await userEvent.fill(page.getByLabelText('Folder'), '/code/payments')
    await userEvent.click(page.getByRole('button', { name: 'Add', exact: true }))
    const added = page.getByRole('list', { name: 'Repositories' }).getByRole('button', { name: /payments/ })
    await expect.element(added).toHaveFocus()
    await expect.element(added).toHaveAttribute('aria-pressed', 'true')
  })
})
