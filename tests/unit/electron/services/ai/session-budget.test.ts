import { describe, expect, it } from 'vitest'
import { SessionBudget } from '../../../../../electron/services/ai/session-budget.ts'
import { GembaError } from '../../../../../shared/errors.ts'

describe('SessionBudget', () => {
  it('allows requests while the estimate fits', () => {
    const budget = new SessionBudget(1)
    budget.record(0.4)
    expect(() => budget.ensureRoom(0.5)).not.toThrow()
    expect(budget.spentUsd).toBeCloseTo(0.4)
  })

  it('refuses the request that would pass the limit, with the figures', () => {
    const budget = new SessionBudget(0.5, 0.45)
    let caught: unknown
    try {
      budget.ensureRoom(0.1)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(GembaError)
    expect((caught as GembaError).code).toBe('budget_exceeded')
    expect((caught as GembaError).message).toContain('$0.45 of its $0.50')
    expect((caught as GembaError).next).toMatch(/Settings/)
  })
})
