import { describe, expect, it } from 'vitest'
import { gembaBranchName, slugify } from '../../../../../../electron/services/change/landing/branch-name.ts'

describe('gembaBranchName', () => {
  it('is gemba/<date>-<slug>, unique among existing branches', () => {
    const date = new Date(2026, 10, 24, 9, 30)
    expect(gembaBranchName(date, 'Fix the “Sign in” typo!', [])).toBe('gemba/2026-11-24-fix-the-sign-in-typo')
    expect(gembaBranchName(date, 'Fix typo', ['gemba/2026-11-24-fix-typo'])).toBe('gemba/2026-11-24-fix-typo-2')
    expect(slugify('   ')).toBe('change')
    expect(slugify('Ümlaut café — add validation to the e-mail field on sign-up form please')).toMatch(/^[a-z0-9-]{1,40}$/)
  })

  it('cuts a long request at a word boundary, never inside a word', () => {
    const date = new Date(2026, 10, 24)
    const request = 'Make the settlement log line say what the merchant was charged'
    expect(gembaBranchName(date, request, [])).toBe('gemba/2026-11-24-make-the-settlement-log-line-say-what')
    for (const text of [request, 'Add a retry to every outbound webhook call, with backoff', 'Rename x to y']) {
      const slug = slugify(text)
      expect(slug.length).toBeLessThanOrEqual(40)
      const words = text.toLowerCase().split(/[^a-z0-9]+/)
      for (const word of slug.split('-')) expect(words).toContain(word)
    }
    // One word longer than the whole slug is cut: there is no boundary to cut at.
    expect(slugify('Supercalifragilisticexpialidocious-and-then-some-more-words'.replace(/-/g, ''))).toHaveLength(40)
  })
})
