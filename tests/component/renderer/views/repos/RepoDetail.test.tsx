// The repository page says in one calm sentence which parts of its scan stopped at their time budget,
// above the tour and the map; a scan that finished says nothing of the kind. Every file and folder the
// tour names that the repository has opens in the read-only viewer, without an API key.
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { CitationCheck } from '../../../../../shared/models/ai.ts'
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

const NAMED =
  '# A tour of shop\n\n## Where to start reading\n\n1. `src/server.ts` — where the program starts\n2. `Makefile` — build definition\n3. `src/gone.ts` — named, but no longer there\n\n' +
  'The code is in `src/billing/`, `lib/` and `32 smaller modules`.\n\n- `test`: `make test` (Makefile)\n'
const ON_DISK: Readonly<Record<string, 'file' | 'folder'>> = {
  'src/server.ts': 'file',
  Makefile: 'file',
  'src/billing': 'folder',
  lib: 'folder',
  test: 'folder',
}

describe('the tour’s files', () => {
  it('open in the read-only viewer, no AI needed; what the repository does not have stays plain', async () => {
    const { fake } = renderView(() => <RepoDetail repo={repoView('r1')} />, {
      handlers: {
        'repos.tour': () => ({ ...tour(null), markdown: NAMED }),
        'change.checkouts': () => [],
        'ai.verifyCitations': ({ citations }) =>
          citations.map(({ path }): CitationCheck => {
            const kind = ON_DISK[path] ?? null
            return { path, line: null, status: kind ? 'verified' : 'missing', kind, lines: kind === 'file' ? 2 : null }
          }),
        'ai.readFile': ({ path }) => ({
          kind: 'file',
          path,
          absolutePath: `/repos/shop/${path}`,
          text: 'export function start() {\n  return listen(8080)\n}\n',
          lines: 3,
          redactions: [],
          withheld: null,
          binary: false,
          truncated: false,
        }),
      },
      prepare: (stores) => void stores.useRepos.getState().loadTour('r1'),
    })
    const tourPanel = page.getByRole('tabpanel', { name: 'Tour' })
    await expect.element(tourPanel.getByRole('button', { name: 'src/server.ts' })).toBeVisible()
    const links = () => [...document.querySelectorAll('#panel-tour button.cite')].map((button) => button.textContent)
    expect(links()).toEqual(['src/server.ts', 'Makefile', 'src/billing/', 'lib/'])
    // Checked as the tour names them, each once; the command's name is no folder link.
    expect(fake.inputs('ai.verifyCitations')[0]?.citations.map((citation) => citation.path)).toEqual([
      'src/server.ts',
      'Makefile',
      'src/gone.ts',
      'src/billing',
      'lib',
      'test',
    ])
    await tourPanel.getByRole('button', { name: 'src/server.ts' }).click()
    const viewer = page.getByRole('dialog', { name: 'src/server.ts' })
    await expect.element(viewer.getByText('return listen(8080)')).toBeVisible()
    expect(fake.inputs('ai.readFile')).toEqual([{ repoId: 'r1', path: 'src/server.ts' }])
    await viewer.getByRole('button', { name: 'Close' }).click()
    await expect.element(viewer).not.toBeInTheDocument()
  })
})
