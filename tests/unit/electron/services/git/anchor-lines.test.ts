import { describe, expect, it } from 'vitest'
import { anchorLines, similarity } from '../../../../../electron/services/git/anchor-lines.ts'

const OLD = [
  '// Posts a payment to the ledger.',
  "import { routes } from '../http/router.ts'",
  '',
  'export const entries: number[] = []',
  '',
  'export function post(amount: number) {',
  '  if (amount <= 0) throw new Error("amount")',
  '  entries.push(amount)',
  '}',
  '',
  'export function total() {',
  '  return entries.reduce((sum, n) => sum + n, 0)',
  '}',
]

describe('anchorLines', () => {
  it('keeps lines that did not move, and follows lines that did (lines added above)', () => {
    expect(anchorLines(OLD, OLD, 6, 9, true)).toEqual({ status: 'unchanged', start: 6, end: 9 })
    const moved = ['// Header', '// more header', ...OLD]
    expect(anchorLines(OLD, moved, 6, 9, true)).toEqual({ status: 'moved', start: 8, end: 11 })
    expect(anchorLines(OLD, OLD, 6, 9, false)).toEqual({ status: 'moved', start: 6, end: 9 })
  })

  it('picks the copy whose surroundings match when the cited lines appear twice', () => {
    const twice = ['export function total() {', '  return entries.reduce((sum, n) => sum + n, 0)', '}', '', ...OLD]
    expect(anchorLines(OLD, twice, 11, 13, true)).toEqual({ status: 'moved', start: 15, end: 17 })
  })

  it('finds lines edited in place between their unchanged surroundings', () => {
    const edited = [...OLD]
    edited[6] = '  if (amount <= 0 || !Number.isFinite(amount)) throw new RangeError("amount")'
    expect(anchorLines(OLD, edited, 7, 7, true)).toEqual({ status: 'changed', start: 7, end: 7 })
    const grown = [...OLD.slice(0, 6), '  validate(amount)', '  log(amount)', ...OLD.slice(7)]
    expect(anchorLines(OLD, grown, 7, 7, true)).toEqual({ status: 'changed', start: 7, end: 8 })
  })

  it('follows a block rewritten a little when most of its lines still stand together', () => {
    const rewritten = [
      '// The ledger',
      '',
      'export function total() {',
      '  // sum them',
      '  return entries.reduce((sum, n) => sum + n, 0)',
      '}',
    ]
    expect(anchorLines(OLD, rewritten, 11, 13, true)).toMatchObject({ status: 'changed', start: 3 })
  })

  it('says the lines vanished when they and their surroundings are gone', () => {
    const gone = ['// Something else entirely', 'export const x = 1']
    expect(anchorLines(OLD, gone, 6, 9, true)).toEqual({ status: 'vanished', start: null, end: null })
    const cut = [...OLD.slice(0, 5), ...OLD.slice(9)]
    expect(anchorLines(OLD, cut, 6, 9, true)).toEqual({ status: 'vanished', start: null, end: null })
  })
})

describe('similarity', () => {
  it('is the share of lines two versions have in common', () => {
    expect(similarity(OLD, OLD)).toBe(1)
    expect(similarity(OLD, [...OLD.slice(0, 10), 'x', 'y', 'z'])).toBeCloseTo(10 / 13, 5)
    expect(similarity(OLD, ['a'])).toBe(0)
  })
})
