import { describe, expect, it } from 'vitest'
import { extractMermaid, findCitations, pathLikeLabel, splitCitations } from '../../../../renderer/stores/citations.ts'

describe('findCitations', () => {
  it('finds path:line citations in prose and code spans, once each', () => {
    const text = 'Start at `src/server.ts:42`, then src/api/routes.ts:7-12 and Makefile-free `go.mod:3`. Again src/server.ts:42.'
    expect(findCitations(text).map((c) => c.key)).toEqual(['src/server.ts:42', 'src/api/routes.ts:7', 'go.mod:3'])
  })

  it('ignores URLs, times, versions and ports', () => {
    expect(findCitations('See https://example.com:443/x at 10:30, version 1.2:3, localhost:8080.')).toEqual([])
  })

  it('splits text around citations for rendering in place', () => {
    expect(splitCitations('see a/b.ts:3 now')).toEqual(['see ', { path: 'a/b.ts', line: 3, key: 'a/b.ts:3', text: 'a/b.ts:3' }, ' now'])
    expect(splitCitations('(a/b.ts:3-5).')).toEqual(['(', { path: 'a/b.ts', line: 3, key: 'a/b.ts:3', text: 'a/b.ts:3-5' }, ').'])
  })
})

describe('extractMermaid', () => {
  it('takes the fenced block and keeps the prose as the caption', () => {
    expect(extractMermaid('Two parts.\n\n```mermaid\nflowchart TD\n  a --> b\n```\n')).toEqual({
      source: 'flowchart TD\n  a --> b',
      caption: 'Two parts.',
    })
  })

  it('accepts a bare flowchart and answers null when there is none', () => {
    expect(extractMermaid('Here:\nflowchart LR\n  a --> b')?.source).toBe('flowchart LR\n  a --> b')
    expect(extractMermaid('No diagram today.')).toBeNull()
  })
})

describe('pathLikeLabel', () => {
  it('reads folder and file labels, not plain words', () => {
    expect(pathLikeLabel('src/api')).toBe('src/api')
    expect(pathLikeLabel('"server.ts"')).toBe('server.ts')
    expect(pathLikeLabel('database')).toBeNull()
    expect(pathLikeLabel('Payments API')).toBeNull()
  })
})
