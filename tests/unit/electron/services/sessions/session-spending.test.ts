import { describe, expect, it } from 'vitest'
import { SessionSpending, type SessionUsageBook } from '../../../../../electron/services/sessions/session-spending.ts'
import { GembaError } from '../../../../../shared/errors.ts'
import type { SessionUsage } from '../../../../../shared/models/sessions.ts'

const ZERO: SessionUsage = { inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0, costUsd: 0 }
const call = { inputTokens: 100, cacheWriteTokens: 2_000, cacheReadTokens: 3_000, outputTokens: 400 }

function book(limit: { usd: number }, saved: Map<string, SessionUsage>, failWrites = false): SessionUsageBook {
  return {
    limitUsd: async () => limit.usd,
    usageOf: async (id) => saved.get(id) ?? null,
    async add(id, usage) {
      const before = saved.get(id)
      if (!before) return false
      if (failWrites) throw new Error('disk full')
      saved.set(id, {
        ...before,
        ...Object.fromEntries(Object.entries(usage).map(([key, value]) => [key, before[key as keyof SessionUsage] + value])),
      })
      return true
    },
  }
}

async function refusal(run: Promise<unknown>): Promise<GembaError> {
  const error = await run.then(
    () => null,
    (caught: unknown) => caught,
  )
  if (!(error instanceof GembaError)) throw new Error('expected a GembaError')
  return error
}

describe('SessionSpending', () => {
  it('adds each call to the saved session, seeded from what the session had already spent', async () => {
    const saved = new Map([['s1', { ...ZERO, costUsd: 0.25 }]])
    const spending = new SessionSpending(book({ usd: 1 }, saved)).open({ sessionId: 's1', key: 'thread-1' })
    expect(await spending.totals()).toEqual({ spentUsd: 0.25, limitUsd: 1 })
    expect(await spending.record(call, 0.1)).toEqual({ spentUsd: 0.35, limitUsd: 1 })
    expect(saved.get('s1')).toEqual({
      inputTokens: 100,
      cachedInputTokens: 3_000,
      cacheWriteTokens: 2_000,
      outputTokens: 400,
      costUsd: 0.35,
    })
  })

  it('shares one record between every caller of a session, and refuses the request that would pass the limit', async () => {
    const saved = new Map([['s1', ZERO]])
    const port = new SessionSpending(book({ usd: 0.5 }, saved))
    await port.open({ sessionId: 's1', key: 'explore-thread' }).record(call, 0.45)
    const change = port.open({ sessionId: 's1', key: 'draft-1' })
    await expect(change.ensureRoom(0.04)).resolves.toBeUndefined()
    const error = await refusal(change.ensureRoom(0.1))
    expect(error.code).toBe('budget_exceeded')
    expect(error.message).toBe('This session has used $0.45 of its $0.50 budget, and the next request could cost about $0.10.')
    expect(error.next).toMatch(/Settings/)
  })

  it('reads the limit at every check, so a budget raised in Settings applies at once', async () => {
    const limit = { usd: 0.1 }
    const spending = new SessionSpending(book(limit, new Map([['s1', { ...ZERO, costUsd: 0.2 }]]))).open({ sessionId: 's1', key: 't' })
    expect((await refusal(spending.ensureRoom(0))).message).toBe('This session has used $0.20 of its $0.10 budget.')
    limit.usd = 1
    await expect(spending.ensureRoom(0.05)).resolves.toBeUndefined()
  })

  it('keeps work outside a session (or for a session it does not know) in memory, one record per owner', async () => {
    const port = new SessionSpending(book({ usd: 1 }, new Map()))
    await port.open({ sessionId: null, key: 'thread-a' }).record(call, 0.3)
    expect((await port.open({ sessionId: null, key: 'thread-a' }).totals()).spentUsd).toBeCloseTo(0.3)
    expect((await port.open({ sessionId: null, key: 'thread-b' }).totals()).spentUsd).toBe(0)
    await port.open({ sessionId: 'gone', key: 'x' }).record(call, 0.2)
    expect((await port.open({ sessionId: 'gone', key: 'y' }).totals()).spentUsd).toBeCloseTo(0.2)
  })

  it('never loses a paid answer to a failed write: the cost still counts', async () => {
    const port = new SessionSpending(book({ usd: 1 }, new Map([['s1', ZERO]]), true))
    const spending = port.open({ sessionId: 's1', key: 't' })
    expect((await spending.record(call, 0.4)).spentUsd).toBeCloseTo(0.4)
    expect((await port.open({ sessionId: 's1', key: 'another' }).totals()).spentUsd).toBeCloseTo(0.4)
  })
})
