import { describe, expect, it } from 'vitest'
import { parseSessionMarkdown } from '../../../../../electron/services/journal/parse-session-markdown.ts'
import { renderSessionMarkdown } from '../../../../../electron/services/journal/render-session-markdown.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'

describe('renderSessionMarkdown', () => {
  it('writes no Explanation heading for a change that has none (made by hand, offline), and reads it back', () => {
    const base = buildSessionRecord()
    const record = buildSessionRecord({ offline: true, change: { ...base.change!, manual: true, explanation: '' } })
    const markdown = renderSessionMarkdown(record)
    expect(markdown).not.toContain('Explanation')
    expect([...markdown.matchAll(/^#+ (.+)$/gm)].at(-1)?.[1]).toBe('Test run')
    const parsed = parseSessionMarkdown(markdown, 'a.md')
    expect(parsed.ok && parsed.record.change?.explanation).toBe('')
    expect(renderSessionMarkdown(base)).toContain('### Explanation')
  })
})
