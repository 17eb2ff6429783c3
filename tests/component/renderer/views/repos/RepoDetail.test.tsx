// The repository page says in one calm sentence which parts of its scan stopped at their time budget,
// above the tour and the map; a scan that finished says nothing of the kind.
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { RepoTour } from '../../../../../shared/models/repos.ts'
import { RepoDetail } from '../../../../../renderer/views/repos/RepoDetail.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'
import { repoView } from '../../../../fixtures/renderer-views.ts'

const SENTENCE =
  'To stay quick, the scan stopped reading imports after 60 s (12,400 of 30,000 files), so this tour shows what it had read by then; Rescan to try again.'

function tour(shortfall: string | null): RepoTour {
  return {
    markdown: '# A tour of shop\n\n## What it is\n\nA shop.\n',
    mermaid: 'flowchart LR',
    moduleGraph: { folders: [], links: [] },
    moduleSections: {},
    computedFrom: 'repository',
    headCommit: 'r1-head',
    shortfall,
  }
}

function repoPage(shortfall: string | null) {
  return renderView(() => <RepoDetail repo={repoView('r1')} />, {
    handlers: { 'repos.tour': () => tour(shortfall), 'change.checkouts': () => [] },
    prepare: (stores) => void stores.useRepos.getState().loadTour('r1'),
  })
}

describe('the repository page', () => {
  it('says which parts of the scan stopped at their budget, above the tour', async () => {
    repoPage(SENTENCE)
    await expect.element(page.getByRole('heading', { name: 'A tour of shop' })).toBeVisible()
    await expect.element(page.getByRole('note')).toHaveTextContent(SENTENCE)
  })

  it('says nothing of the kind after a scan that finished', async () => {
    repoPage(null)
    await expect.element(page.getByRole('heading', { name: 'A tour of shop' })).toBeVisible()
    expect(page.getByRole('note').elements()).toHaveLength(0)
  })
})
