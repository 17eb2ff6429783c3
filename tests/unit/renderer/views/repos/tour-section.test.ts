import { describe, expect, it } from 'vitest'
import { sectionFor, tourSection } from '../../../../../renderer/views/repos/tour-section.ts'

describe('tour sections', () => {
  const markdown =
    '# A tour\n\n## The parts, one by one\n\n### src/jsx/\n\n46 files.\n\nUses: `src/utils/`.\n\n### src/utils/\n\n45 files.\n'

  it('cuts one part’s section out of the tour', () => {
    expect(tourSection(markdown, 'src/jsx/')).toBe('46 files.\n\nUses: `src/utils/`.')
    expect(tourSection(markdown, 'src/utils/')).toBe('45 files.')
    expect(tourSection(markdown, 'missing/')).toBeNull()
  })

  it('finds the nearest section for a folder drilled into', () => {
    const sections = { 'src/jsx': 'src/jsx/', '.': '(root files)' }
    expect(sectionFor(sections, 'src/jsx/dom/client')).toEqual({ path: 'src/jsx', heading: 'src/jsx/' })
    expect(sectionFor(sections, 'lib/other')).toEqual({ path: '.', heading: '(root files)' })
    expect(sectionFor({}, 'src')).toBeNull()
  })
})
