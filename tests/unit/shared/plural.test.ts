import { describe, expect, it } from 'vitest'
import { plural } from '../../../shared/plural.ts'

describe('plural', () => {
  it('says one in the singular and any other count in the plural', () => {
    expect(plural(1, 'line')).toBe('1 line')
    expect(plural(0, 'line')).toBe('0 lines')
    expect(plural(3, 'commit')).toBe('3 commits')
  })

  it('takes an irregular plural', () => {
    expect(plural(1, 'person', 'people')).toBe('1 person')
    expect(plural(2, 'person', 'people')).toBe('2 people')
  })
})
