// Parses a scan's sources once each: the pool's workers start at once, and this thread joins them when
// it is free. This thread takes one file at a time and yields between files so the workers' answers
// are taken in as they come; each worker keeps two in flight. Cancellable, and stops taking files once
// its deadline has passed (the files not parsed then have no imports); the caller owns the pool.
import type { ImportAnalyzer } from './analyze-imports.ts'
import type { ParsePool } from './parse-pool.ts'
import { NEVER, type Deadline } from './phase-budget.ts'

export interface Source {
  readonly path: string
  readonly text: string
}

export interface Parsing {
  /** This thread joins in; resolves when every source is parsed (or the deadline passed): how many were. */
  finish(): Promise<{ readonly parsed: number; readonly total: number }>
}

export function startParsing(
  sources: (Source | undefined)[],
  analyzer: ImportAnalyzer,
  pool: ParsePool | null,
  progress: (done: number, total: number) => void,
  signal?: AbortSignal,
  deadline: Deadline = NEVER,
): Parsing {
  let next = 0
  let done = 0
  const total = sources.length
  const lane = async (viaPool: boolean) => {
    while (next < sources.length) {
      signal?.throwIfAborted()
      if (deadline.passed) {
        sources.fill(undefined, next)
        next = sources.length
        break
      }
      const index = next++
      const source = sources[index]
      sources[index] = undefined
      if (source) await analyzer.add(source.path, source.text, signal, viaPool ? pool : null)
      done += 1
      if (done % 200 === 0) progress(done, sources.length)
      if (pool && !viaPool) await new Promise((resolve) => setImmediate(resolve))
    }
  }
  const background = Promise.all(Array.from({ length: (pool?.size ?? 0) * 2 }, () => lane(true)))
  // A failure is reported by finish(); until then it must not surface as an unhandled rejection.
  background.catch(() => undefined)
  return {
    async finish() {
      await Promise.all([lane(false), background])
      return { parsed: done, total }
    },
  }
}
