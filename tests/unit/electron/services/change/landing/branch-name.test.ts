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
})
