// The search worker: runs the model's pattern over the lines of the redacted files the main thread
// sends, so a pattern that takes seconds per line never holds the backend's event loop; the main
// thread terminates it at the call's time cap. Matches redacted text only; reads nothing itself.
import { parentPort } from 'node:worker_threads'
import type { RE2JS } from 're2js'
import { compileSearchPattern, type SearchPatternInput } from './search-pattern.ts'

/** Lines longer than this are matched on their first part only (minified code). */
export const MAX_LINE_MATCHED = 20_000

export type SearchWorkerRequest =
  | { readonly kind: 'pattern'; readonly pattern: SearchPatternInput }
  | { readonly kind: 'match'; readonly id: number; readonly texts: readonly string[]; readonly limit: number }

/** For each text, its matching 0-based line numbers; at most `limit` in all, in order. */
export interface SearchWorkerReply {
  readonly id: number
  readonly lines: readonly (readonly number[])[]
}

export function matchLines(pattern: RE2JS, texts: readonly string[], limit: number): number[][] {
  let left = limit
  return texts.map((text) => {
    const found: number[] = []
    if (left <= 0) return found
    for (const [index, line] of text.split('\n').entries()) {
      if (!pattern.test(line.length > MAX_LINE_MATCHED ? line.slice(0, MAX_LINE_MATCHED) : line)) continue
      found.push(index)
      if (--left <= 0) break
    }
    return found
  })
}

let pattern: RE2JS | null = null
parentPort?.on('message', (request: SearchWorkerRequest) => {
  if (request.kind === 'pattern') {
    const compiled = compileSearchPattern(request.pattern)
    pattern = typeof compiled === 'string' ? null : compiled
    return
  }
  const reply: SearchWorkerReply = { id: request.id, lines: pattern ? matchLines(pattern, request.texts, request.limit) : [] }
  parentPort?.postMessage(reply)
})
