// Reads asked for together share one run, and every answer was read after its caller asked: 500 callers
// cost two reads, a caller arriving mid-read gets the next one, and one caller giving up stops no one else.
import { describe, expect, it } from 'vitest'
import { FreshReads } from '../../../../../electron/services/repos/fresh-reads.ts'

/** A read that resolves when told to, numbered by when it started. */
function controlledReads() {
  const started: { n: number; finish: (value: string) => void }[] = []
  const work = () =>
    new Promise<string>((resolve) => {
      const n = started.length + 1
      started.push({ n, finish: resolve })
    })
  return { started, work }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

describe('FreshReads', () => {
  it('answers 500 concurrent callers with two reads, each answer read after its caller asked', async () => {
    const reads = new FreshReads<string>()
    const { started, work } = controlledReads()
    const first = reads.read('repo', work)
    // Arrive while the first read is under way: they share the next one, never the one already running.
    const rest = Array.from({ length: 499 }, () => reads.read('repo', work))
    expect(started).toHaveLength(1)
    started[0]!.finish('state at read 1')
    await expect(first).resolves.toBe('state at read 1')
    await flush()
    expect(started).toHaveLength(2)
    started[1]!.finish('state at read 2')
    expect(new Set(await Promise.all(rest))).toEqual(new Set(['state at read 2']))
    expect(started).toHaveLength(2)
    expect(reads.size).toBe(0)
  })

  it('reads different things apart, and again once nothing is under way', async () => {
    const reads = new FreshReads<string>()
    const { started, work } = controlledReads()
    const a = reads.read('a', work)
    const b = reads.read('b', work)
    expect(started).toHaveLength(2)
    started[0]!.finish('a')
    started[1]!.finish('b')
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b'])
    const again = reads.read('a', work)
    expect(started).toHaveLength(3)
    started[2]!.finish('a again')
    await expect(again).resolves.toBe('a again')
  })

  it('lets one caller give up without stopping the read the others wait for', async () => {
    const reads = new FreshReads<string>()
    const { started, work } = controlledReads()
    const first = reads.read('repo', work)
    const controller = new AbortController()
    const leaving = reads.read('repo', work, controller.signal)
    const staying = reads.read('repo', work, new AbortController().signal)
    controller.abort()
    await expect(leaving).rejects.toMatchObject({ code: 'cancelled' })
    started[0]!.finish('read 1')
    await first
    await flush()
    started[1]!.finish('read 2, anyway')
    await expect(staying).resolves.toBe('read 2, anyway')
  })

  it('passes a failed read on to the callers that shared it, and reads again for the next', async () => {
    const reads = new FreshReads<string>()
    let calls = 0
    const failing = () => Promise.reject(new Error(`unreadable ${++calls}`))
    await expect(Promise.all([reads.read('repo', failing), reads.read('repo', failing)])).rejects.toThrow('unreadable')
    await expect(reads.read('repo', async () => 'readable')).resolves.toBe('readable')
  })
})
