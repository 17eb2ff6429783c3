import { describe, expect, it } from 'vitest'
import type { ModuleGraph } from '../../../../../../shared/models/repos.ts'
import { moduleDiagram, strokeWidth } from '../../../../../../electron/services/repos/tour/module-diagram.ts'

const folder = (path: string, lines: number, role: 'source' | 'docs' | 'tooling' = 'source') => ({
  path,
  files: 2,
  lines,
  language: 'TypeScript',
  role,
  direct: { files: path === '.' ? 0 : 2, lines: path === '.' ? 0 : lines, language: 'TypeScript' },
})

describe('moduleDiagram', () => {
  it('draws the map’s top level: safe ids, quoted labels, edges as stroke widths without number labels, no docs or tooling', () => {
    const graph: ModuleGraph = {
      folders: [
        folder('.', 1000),
        folder('api "v1"', 500),
        folder('lib[x]', 400),
        folder('docs', 90, 'docs'),
        folder('.github', 10, 'tooling'),
      ],
      links: [
        { from: 'api "v1"', to: 'lib[x]', weight: 4 },
        { from: 'lib[x]', to: 'api "v1"', weight: 1 },
      ],
    }
    const text = moduleDiagram({ moduleGraph: graph })
    expect(text.startsWith('flowchart LR\n')).toBe(true)
    expect(text).toContain('m_api__v1_ --> m_lib_x_')
    expect(text).not.toMatch(/-->\|/)
    expect(text).toContain('linkStyle 0 stroke-width:6px')
    expect(text).toContain(`linkStyle 1 stroke-width:${strokeWidth(1, 4)}px`)
    expect(text).not.toMatch(/\["[^"]*"[^\]]*"\]/)
    expect(text).not.toContain('docs')
    expect(text).not.toContain('github')
  })

  it('keeps to about fifteen boxes however many folders there are', () => {
    const folders = [folder('.', 100_000), ...Array.from({ length: 60 }, (_, i) => folder(`area${i}`, 2000 - i))]
    const nodes = moduleDiagram({ moduleGraph: { folders, links: [] } })
      .split('\n')
      .filter((line) => line.includes('["'))
    expect(nodes.length).toBeLessThanOrEqual(15)
  })
})
