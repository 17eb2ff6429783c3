import { describe, expect, it } from 'vitest'
import type { ModuleInfo } from '../../../../../../shared/models/repos.ts'
import { MAX_NODES, moduleDiagram } from '../../../../../../electron/services/repos/tour/module-diagram.ts'

const mod = (path: string, files = 3): ModuleInfo => ({
  id: `m_${path.replace(/[^A-Za-z0-9]/g, '_')}`, name: path, path, files, lines: files * 10, language: 'TypeScript', kind: 'folder',
})

describe('moduleDiagram', () => {
  it('draws modules and weighted edges with safe ids and quoted labels', () => {
    const text = moduleDiagram({ modules: [mod('src/a "b"'), mod('lib[x]')], moduleEdges: [{ from: 'm_src_a__b_', to: 'm_lib_x_', weight: 4 }] })
    expect(text.startsWith('flowchart LR\n')).toBe(true)
    expect(text).toContain('m_src_a__b_ -->|4| m_lib_x_')
    expect(text).not.toMatch(/\["[^"]*"[^\]]*"\]/)
  })

  it('folds and prunes past the node limit', () => {
    const modules = Array.from({ length: 60 }, (_, i) => mod(`area${i % 30}/part${i}`))
    const text = moduleDiagram({ modules, moduleEdges: [] })
    const nodes = text.split('\n').filter((line) => line.includes('["'))
    expect(nodes.length).toBeLessThanOrEqual(MAX_NODES)
    expect(text).toContain('g_area0')
  })
})
