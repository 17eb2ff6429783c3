// The search_code tool's pattern: the model's literal or RE2 regular expression compiled for re2js
// (linear time: no backreferences or lookarounds), with the sentence that says why one cannot be used.
// Compiled on the main thread to check it, and again in the search worker that runs it. Pure.
import { RE2JS } from 're2js'

export const MAX_PATTERN_LENGTH = 300

export interface SearchPatternInput {
  readonly query: string
  readonly is_regex?: boolean | undefined
  readonly case_sensitive?: boolean | undefined
}

/** The pattern compiled for RE2, or the sentence that says why it cannot be. */
export function compileSearchPattern(input: SearchPatternInput): RE2JS | string {
  if (input.query.length === 0) return 'The query is empty.'
  if (input.query.length > MAX_PATTERN_LENGTH) return `The query is longer than ${MAX_PATTERN_LENGTH} characters.`
  const source = input.is_regex ? input.query : RE2JS.quote(input.query)
  try {
    return RE2JS.compile(source, input.case_sensitive ? 0 : RE2JS.CASE_INSENSITIVE)
  } catch (error) {
    const why = (error as Error).message
    return `The regular expression cannot be used: ${why}. Gemba searches with RE2 (linear time): no backreferences or lookarounds; use a literal query or a simpler pattern.`
  }
}
