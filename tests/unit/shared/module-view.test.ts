import { describe, expect, it } from 'vitest'
import type { FolderSummary, ModuleGraph } from '../../../shared/models/repos.ts'
import { boxLocator, groupView, moduleView } from '../../../shared/module-view.ts'

/** A graph from `path: lines` of the files directly in each folder (totals are summed up the tree). */
function graph(
  direct: Record<string, number>,
  links: ModuleGraph['links'] = [],
  roles: Record<string, FolderSummary['role']> = {},
): ModuleGraph {
  const totals = new Map<string, { files: number; lines: number }>()
  for (const [path, lines] of Object.entries(direct)) {
    for (let at = path; ; at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '.') {
      const total = totals.get(at) ?? { files: 0, lines: 0 }
      totals.set(at, { files: total.files + 1, lines: total.lines + lines })
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
    direct: { files: direct[path] ? 1 : 0, lines: direct[path] ?? 0, language: 'TypeScript' },
  }))
  return { folders, links }
}

describe('moduleView', () => {
  it('opens the folder holding the code in place, keeps tests and docs apart, and weighs edges between boxes', () => {
    const g = graph(
      { '.': 50, src: 400, 'src/jsx': 1700, 'src/middleware': 1500, 'src/utils': 800, tests: 3000, docs: 100 },
      [
        { from: 'src/middleware', to: 'src', weight: 96 },
        { from: 'src/middleware', to: 'src/utils', weight: 33 },
        { from: 'tests', to: 'src', weight: 500 },
      ],
      { tests: 'test', docs: 'docs' },
    )
    const view = moduleView(g, '.', { showSupporting: false })
    expect(view.boxes.map((box) => box.label)).toEqual(['src/jsx/', 'src/middleware/', 'src/utils/', 'src/ (files)', '(root files)'])
    expect(view.supporting.map((box) => box.label)).toEqual(['tests/', 'docs/'])
    expect(view.edges).toEqual([
      { from: 'm_src_middleware', to: 'm_src__files', weight: 96 },
      { from: 'm_src_middleware', to: 'm_src_utils', weight: 33 },
    ])
    const all = moduleView(g, '.', { showSupporting: true })
    expect(all.boxes.filter((box) => box.supporting).map((box) => box.label)).toEqual(['tests/', 'docs/'])
    expect(all.edges).toContainEqual({ from: 'm_tests', to: 'm_src__files', weight: 500 })
  })

  it('never shows more than about fifteen boxes: the smallest fold into one, which a drill-in opens', () => {
    const direct = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`area${i}`, 1000 - i * 10]))
    const view = moduleView(graph(direct), '.', { showSupporting: false })
    expect(view.boxes).toHaveLength(15)
    const group = view.boxes.find((box) => box.kind === 'group')!
    expect(group.members).toHaveLength(16)
    expect(group.label).toBe('16 smaller folders')
    expect(groupView(graph(direct), group).boxes.map((box) => box.path)).toEqual(group.members)
  })

  it('locates a folder in the box that holds it', () => {
    const view = moduleView(graph({ src: 10, 'src/a': 500, 'src/a/deep': 100, 'src/b': 600 }), '.', { showSupporting: false })
    const locate = boxLocator(view.boxes)
    expect(locate('src/a/deep')?.label).toBe('src/a/')
    expect(locate('src')?.label).toBe('src/ (files)')
  })
})
