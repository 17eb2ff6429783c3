import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { FolderSummary, ModuleGraph } from '../../../../../shared/models/repos.ts'
import type { RepoVisits } from '../../../../../shared/models/sessions.ts'
import { ModuleMap } from '../../../../../renderer/views/repos/ModuleMap.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'

/** A repository's folders from the lines of the files directly in each (totals summed up the tree), as the scan reports them. */
function graph(direct: Record<string, number>, links: ModuleGraph['links'], roles: Record<string, FolderSummary['role']>): ModuleGraph {
  const totals = new Map<string, { files: number; lines: number }>()
  for (const [path, lines] of Object.entries(direct)) {
    for (let at = path; ; at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '.') {
      const total = totals.get(at) ?? { files: 0, lines: 0 }
      totals.set(at, { files: total.files + 3, lines: total.lines + lines })
      if (at === '.') break
    }
  }
  const roleOf = (path: string) =>
    Object.entries(roles).find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? 'source'
  const folders = [...totals].map(([path, total]) => ({
    path,
    ...total,
    language: 'TypeScript',
    role: roleOf(path),
    direct: { files: direct[path] ? 3 : 0, lines: direct[path] ?? 0, language: 'TypeScript' },
  }))
  return { folders, links }
}

const parts = (folder: string, names: readonly string[], lines: number) =>
  Object.fromEntries(names.map((name, index) => [`${folder}/${name}`, lines + index * 10]))
const ROUTES = ['orders', 'payments', 'refunds', 'users', 'carts', 'search', 'stock', 'prices', 'reports', 'webhooks']
const PAGES = ['home', 'basket', 'checkout', 'account', 'help', 'product', 'category', 'orders', 'search', 'admin']
const SHOP = graph(
  {
    '.': 40,
    'src/api': 500,
    ...parts('src/api', ROUTES, 300),
    ...parts('src/web', PAGES, 400),
    'src/db': 700,
    'src/jobs': 200,
    tests: 2000,
    docs: 300,
  },
  [
    { from: 'src/web/checkout', to: 'src/api/payments', weight: 12 },
    { from: 'src/api/orders', to: 'src/db', weight: 40 },
    { from: 'src/api/payments', to: 'src/api/orders', weight: 7 },
    { from: 'tests', to: 'src/api', weight: 30 },
  ],
  { tests: 'test', docs: 'docs' },
)
const TOUR =
  '# A tour of shop\n\n## Where things live\n\n### src/api\n\nThe HTTP API: every request enters here.\n\n### src/db\n\nThe database layer.\n'
const SECTIONS = { 'src/api': 'src/api', 'src/db': 'src/db' }

const box = (name: string) => page.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}: `) })

function map() {
  return renderView(() => <ModuleMap graph={SHOP} sections={SECTIONS} markdown={TOUR} label="Module map of shop" />)
}

describe('ModuleMap', () => {
  it('draws one box per part of the code, with the imports between them; tests and docs only when asked', async () => {
    map()
    for (const part of ['src/api/', 'src/web/', 'src/db/', 'src/jobs/']) await expect.element(box(part)).toBeVisible()
    await expect.element(box('tests/')).not.toBeInTheDocument()
    const arrows = () => [...document.querySelectorAll('.module-map__edge title')].map((title) => title.textContent)
    expect(arrows()).toEqual(expect.arrayContaining(['src/web/ → src/api/: 12 imports', 'src/api/ → src/db/: 40 imports']))
    await page.getByLabelText(/Show tests, docs and tooling \(2\)/).click()
    await expect.element(box('tests/')).toBeVisible()
    await expect.element(box('docs/')).toBeVisible()
    expect(arrows()).toEqual(expect.arrayContaining(['tests/ → src/api/: 30 imports']))
  })

  it('says what its dashed lines are: an arrow closing an import cycle, a box of tests, docs or tooling', async () => {
    const cyclic = graph(
      { 'src/api': 500, 'src/db': 700, tests: 300 },
      [
        { from: 'src/api', to: 'src/db', weight: 9 },
        { from: 'src/db', to: 'src/api', weight: 2 },
      ],
      { tests: 'test' },
    )
    renderView(() => <ModuleMap graph={cyclic} sections={{}} markdown="" label="Module map of shop" />)
    const legend = page.getByText(/An arrow points from code to what it imports/)
    await expect.element(legend).toMatchTextContent(/A dashed arrow closes an import cycle/)
    await expect.element(legend).not.toMatchTextContent(/A dashed box/)
    const dashed = [...document.querySelectorAll('.module-map__edge--back title')].map((title) => title.textContent)
    expect(dashed).toEqual(['src/db/ → src/api/: 2 imports'])
    await page.getByLabelText(/Show tests, docs and tooling/).click()
    await expect.element(legend).toMatchTextContent(/A dashed box holds tests, docs or tooling/)
  })

  it('shows a part’s section of the offline tour when its box is clicked', async () => {
    map()
    await box('src/api/').click()
    await expect.element(box('src/api/')).toHaveAttribute('aria-pressed', 'true')
    await expect
      .element(page.getByRole('complementary', { name: 'About src/api/' }))
      .toMatchTextContent(/The HTTP API: every request enters here\./)
    await box('src/db/').click()
    await expect.element(page.getByRole('complementary', { name: 'About src/db/' })).toMatchTextContent(/The database layer\./)
  })

  it('opens a part to show the folders inside it, and walks back out along the trail', async () => {
    map()
    await box('src/api/').click()
    await page.getByRole('button', { name: 'Open inside' }).click()
    for (const route of ROUTES) await expect.element(box(`src/api/${route}/`)).toBeVisible()
    await expect.element(box('src/web/')).not.toBeInTheDocument()
    const trail = page.getByRole('navigation', { name: 'Where you are in the map' })
    await expect.element(trail.getByRole('button', { name: 'src/api/' })).toHaveAttribute('aria-current', 'location')
    await trail.getByRole('button', { name: 'Whole repository' }).click()
    await expect.element(box('src/web/')).toBeVisible()
    await expect.element(box('src/api/orders/')).not.toBeInTheDocument()
  })

  it('zooms with its buttons, within bounds', async () => {
    map()
    const zoom = page.getByRole('group', { name: 'Zoom' })
    await expect.element(zoom.getByRole('status')).toHaveTextContent('100%')
    await zoom.getByRole('button', { name: 'Zoom in' }).click()
    await expect.element(zoom.getByRole('status')).toHaveTextContent('120%')
    for (let press = 0; press < 12; press += 1) await zoom.getByRole('button', { name: 'Zoom out' }).click()
    await expect.element(zoom.getByRole('status')).toHaveTextContent('40%')
  })
})

describe('ModuleMap: where the leader has been', () => {
  const visits: RepoVisits = {
    repoId: 'shop',
    hours: 4,
    from: '2026-09-07',
    to: '2026-11-30',
    paths: [
      { path: 'src/api/payments/charge.ts', read: 2, cited: 1, changed: 1 },
      { path: 'src/db/schema.ts', read: 0, cited: 2, changed: 0 },
      { path: 'src/jobs/nightly.ts', read: 1, cited: 0, changed: 0 },
    ],
    truncated: false,
  }

  it('shades each box by the deepest visit, says it to a screen reader, and explains the shades in a legend', async () => {
    renderView(() => <ModuleMap graph={SHOP} sections={SECTIONS} markdown={TOUR} label="Module map of shop" visits={visits} />)
    await expect.element(box('src/api/')).toHaveAttribute('data-visits', 'changed')
    await expect.element(box('src/db/')).toHaveAttribute('data-visits', 'cited')
    await expect.element(box('src/jobs/')).toHaveAttribute('data-visits', 'read')
    await expect.element(box('src/web/')).toHaveAttribute('data-visits', 'none')
    await expect.element(box('src/api/')).toHaveAccessibleName(/Here you changed 1 file, were walked through 1 file and read 1 file\./)
    await expect.element(box('src/web/')).toHaveAccessibleName(/You have not been here in any hour\./)
    const legend = page.getByRole('note', { name: 'Where you have been' })
    await expect.element(legend).toBeVisible()
    const text = legend.element().textContent
    expect(text).toContain('changed a file')
    expect(text).toContain('walked through (cited)')
    expect(text).toContain('read in the viewer')
    expect(text).toContain('not yet')
    expect(text).toContain('Over your 4 hours here (2026-09-07 to 2026-11-30).')
  })

  it('draws no shades and no legend without visits', async () => {
    map()
    await expect.element(box('src/api/')).not.toHaveAttribute('data-visits')
    await expect.element(page.getByRole('note', { name: 'Where you have been' })).not.toBeInTheDocument()
  })
})
