// Claude's architecture diagram with its boxes checked against the repository as citations are: a box
// naming a folder the repository has opens it; one naming a folder it does not have is marked.
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { CitationCheck } from '../../../../../shared/models/ai.ts'
import { LinkedDiagram } from '../../../../../renderer/views/coach/LinkedDiagram.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'

const DIAGRAM = [
  'flowchart TD',
  '  api["src/api"] --> ghost["src/ghost"]',
  '  api --> db["src/db<br/>Postgres access"]',
  '  api --> web["Browser"]',
].join('\n')
const HAS = new Set(['src/api', 'src/db'])

describe('LinkedDiagram', () => {
  it('links the boxes naming folders the repository has and marks those naming folders it does not have', async () => {
    const { fake, stores } = renderView(() => <LinkedDiagram repoId="r1" source={DIAGRAM} onRendered={() => {}} />, {
      handlers: {
        'ai.verifyCitations': ({ citations }) =>
          citations.map(({ path }): CitationCheck => {
            const found = HAS.has(path)
            return { path, line: null, status: found ? 'verified' : 'missing', kind: found ? 'folder' : null, lines: null }
          }),
      },
    })
    await expect.element(page.getByRole('link', { name: 'Open src/api' })).toBeVisible()
    await expect.element(page.getByRole('link', { name: 'Open src/db' })).toBeVisible()
    const ghost = page.getByRole('img', { name: /^src\/ghost \(unverified/ })
    await expect.element(ghost).toBeVisible()
    expect(ghost.element().classList.contains('diagram-node--unverified')).toBe(true)
    await expect
      .element(page.getByRole('status'))
      .toMatchTextContent('One box names what the repository does not have, marked dashed: src/ghost (unverified).')
    // Only the boxes that name a path were asked about; "Browser" is a box, not a claim about the repository.
    expect(
      fake
        .inputs('ai.verifyCitations')
        .flatMap(({ citations }) => citations.map(({ path }) => path))
        .sort(),
    ).toEqual(['src/api', 'src/db', 'src/ghost'])
    await page.getByRole('link', { name: 'Open src/api' }).click()
    expect(stores.useCoach.getState().viewer).toEqual({ repoId: 'r1', path: 'src/api', line: null })
  })

  it('claims nothing either way when the check fails', async () => {
    renderView(() => <LinkedDiagram repoId="r1" source={DIAGRAM} onRendered={() => {}} />)
    await expect.element(page.getByRole('figure', { name: 'Architecture diagram from Claude' })).toBeVisible()
    await expect.element(page.getByText('src/ghost')).toBeVisible()
    expect(document.querySelector('.diagram-node--unverified, .diagram-node--linked')).toBeNull()
    expect(page.getByRole('status').elements()).toHaveLength(0)
  })
})
