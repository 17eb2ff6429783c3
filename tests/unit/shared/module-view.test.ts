import { describe, expect, it } from 'vitest'
import type { FolderSummary, ModuleGraph } from '../../../shared/models/repos.ts'
import { boxLocator, groupView, moduleView, openedView } from '../../../shared/module-view.ts'

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

  it('opens a single-package repository on its modules and their imports, not on two unconnected boxes', () => {
    // Shaped like a small Python library: src/<pkg>/ with its modules, and a few files at the root.
    const modules: Record<string, number> = {
      'src/tinyhttp/__init__.py': 40,
      'src/tinyhttp/client.py': 900,
      'src/tinyhttp/models.py': 700,
      'src/tinyhttp/sessions.py': 500,
      'src/tinyhttp/adapters.py': 400,
      'src/tinyhttp/utils.py': 300,
    }
    const base = graph({ '.': 120, 'src/tinyhttp': 2840 })
    const g: ModuleGraph = {
      ...base,
      folders: base.folders.map((folder) => ({ ...folder, codeLines: folder.path === '.' ? 60 : folder.lines })),
      links: [{ from: 'src/tinyhttp', to: 'src/tinyhttp', weight: 9 }],
      files: Object.entries(modules).map(([path, lines]) => ({ path, lines, language: 'Python' })),
      fileLinks: [
        { from: 'src/tinyhttp/__init__.py', to: 'src/tinyhttp/client.py', weight: 1 },
        { from: 'src/tinyhttp/client.py', to: 'src/tinyhttp/sessions.py', weight: 1 },
        { from: 'src/tinyhttp/sessions.py', to: 'src/tinyhttp/adapters.py', weight: 1 },
        { from: 'src/tinyhttp/sessions.py', to: 'src/tinyhttp/models.py', weight: 1 },
        { from: 'src/tinyhttp/adapters.py', to: 'src/tinyhttp/utils.py', weight: 1 },
        { from: '.', to: 'src/tinyhttp/client.py', weight: 1 },
      ],
    }
    // The scan's modules stay folders (they own history); the map and its diagram draw the modules.
    expect(moduleView(g, '.', { showSupporting: false }).boxes.map((box) => box.label)).toEqual(['src/tinyhttp/', '(root files)'])
    const view = moduleView(g, '.', { showSupporting: false, openFiles: true })
    expect(view.boxes.map((box) => box.label)).toEqual([
      'client.py',
      'models.py',
      'sessions.py',
      'adapters.py',
      'utils.py',
      '(root files)',
      '__init__.py',
    ])
    const id = (path: string) => view.boxes.find((box) => box.path === path)!.id
    expect(view.edges).toEqual(
      expect.arrayContaining([
        { from: id('src/tinyhttp/client.py'), to: id('src/tinyhttp/sessions.py'), weight: 1 },
        { from: id('src/tinyhttp/sessions.py'), to: id('src/tinyhttp/models.py'), weight: 1 },
        { from: id('.'), to: id('src/tinyhttp/client.py'), weight: 1 },
      ]),
    )
    expect(view.edges).toHaveLength(6)
  })

  it('lets every folder be opened: a folder of files onto its modules, a group of modules onto each', () => {
    const files = Array.from({ length: 24 }, (_, i) => ({
      path: `pkg/m${String(i).padStart(2, '0')}.py`,
      lines: 1000 - i * 10,
      language: 'Python',
    }))
    const g: ModuleGraph = { ...graph({ pkg: 18000, 'pkg/sub': 3000, lib: 500 }), files }
    const top = moduleView(g, '.', { showSupporting: false })
    const own = top.boxes.find((box) => box.kind === 'files' && box.path === 'pkg')!
    expect(own.drillable).toBe(true)
    const opened = openedView(g, own, { showSupporting: false })
    expect(opened.boxes).toHaveLength(15)
    const group = opened.boxes.find((box) => box.kind === 'group')!
    expect(group.label).toBe('10 smaller modules')
    expect(groupView(g, group).boxes.every((box) => box.kind === 'file')).toBe(true)
  })
})
