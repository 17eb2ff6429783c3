// An answer's text with its citations: each search_result_location citation mapped back to the exact
// lines it cites (through the line ranges of the blocks Gemba sent), and written into the prose as a
// path:line reference after the cited words, so the answer, the journal and any Markdown reader show
// it. Pure; checking the cited lines against the repository is verify-cited-lines.ts's job.
import { blockSeparator } from '../client/text-blocks.ts'
import type { ContentBlock, TextCitation } from '@anthropic-ai/sdk/resources/messages'
import type { SourceRecord } from './excerpt-blocks.ts'

export interface MappedCitation {
  readonly path: string
  readonly startLine: number
  readonly endLine: number
  /** The revision the cited excerpt was read at ("1a2b3c4d5e6f", "working-tree", "staged"). */
  readonly revision: string
  /** The cited blocks' text as the API returned it (numbered lines). */
  readonly citedText: string
}

export function mapCitation(citation: TextCitation, sources: readonly SourceRecord[]): MappedCitation | null {
  if (citation.type !== 'search_result_location') return null
  const source = sources[citation.search_result_index]
  const first = source?.ranges[citation.start_block_index]
  const last = source?.ranges[citation.end_block_index - 1]
  if (!source || !first || !last || citation.end_block_index <= citation.start_block_index) return null
  return { path: source.path, startLine: first.start, endLine: last.end, revision: source.revision, citedText: citation.cited_text }
}

export function citationKey(citation: Pick<MappedCitation, 'path' | 'startLine' | 'endLine'>): string {
  return citation.startLine === citation.endLine
    ? `${citation.path}:${citation.startLine}`
    : `${citation.path}:${citation.startLine}-${citation.endLine}`
}

/** Inserts " (path:a-b)" before the trailing punctuation and spaces of a cited piece of text. */
function withReferences(text: string, keys: readonly string[]): string {
  const mentions = (key: string) => new RegExp(`${key.replace(/-\d+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`).test(text)
  const fresh = keys.filter((key) => !mentions(key))
  if (fresh.length === 0) return text
  const tail = /[\s.,;:!?]*$/.exec(text)?.[0] ?? ''
  return `${text.slice(0, text.length - tail.length)} (${fresh.join(', ')})${tail}`
}

const fenceCount = (text: string) => (text.match(/^\s*```/gm) ?? []).length

/** The answer's text blocks joined, cited pieces followed by their references, and the citations in order. */
export function citedText(
  content: readonly ContentBlock[],
  sources: readonly SourceRecord[],
): { text: string; citations: MappedCitation[] } {
  let text = ''
  const citations: MappedCitation[] = []
  const deferred: string[] = []
  for (const block of content) {
    if (block.type !== 'text') continue
    const mapped = (block.citations ?? []).map((citation) => mapCitation(citation, sources)).filter((c): c is MappedCitation => c !== null)
    citations.push(...mapped)
    const keys = [...new Set(mapped.map(citationKey))]
    // Inside a code fence a reference would read as code: it waits for the fence to close.
    text += blockSeparator(text, block.text)
    if (keys.length && fenceCount(text + block.text) % 2 === 1) {
      deferred.push(...keys)
      text += block.text
      continue
    }
    text += withReferences(block.text, keys)
    if (deferred.length && fenceCount(text) % 2 === 0) {
      text = `${text.replace(/\s*$/, '')}\n\n(${deferred.splice(0).join(', ')})\n`
    }
  }
  if (deferred.length) text = `${text.replace(/\s*$/, '')}\n\n(${deferred.join(', ')})`
  return { text, citations }
}
