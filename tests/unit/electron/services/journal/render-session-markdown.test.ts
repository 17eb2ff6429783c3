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

  it('keeps the session’s "(unverified)" and "(withheld)" marks on the cited code, says so under the walkthrough, and reads them back', () => {
    const base = buildSessionRecord()
    const citations = [
      { path: 'src/http/router.ts', line: 12, label: 'request router' },
      { path: 'src/ledger/rules.ts', line: 90, mark: 'unverified' as const },
      { path: 'config/prod.env', mark: 'withheld' as const, label: 'settings' },
    ]
    const record = buildSessionRecord({ walkthrough: { ...base.walkthrough!, source: 'ai', citations } })
    const markdown = renderSessionMarkdown(record)
    expect(markdown).toContain('- `src/http/router.ts:12` — request router\n')
    expect(markdown).toContain('- `src/ledger/rules.ts:90` (unverified)\n')
    expect(markdown).toContain('- `config/prod.env` (withheld) — settings\n')
    expect(markdown).toContain('_2 citations the repository did not confirm at this commit are marked below, as in the session._')
    const parsed = parseSessionMarkdown(markdown, 'a.md')
    expect(parsed.ok && parsed.record.walkthrough?.citations).toEqual(citations)
  })
})
