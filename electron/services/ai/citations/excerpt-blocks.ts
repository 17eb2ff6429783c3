// Repository excerpts as the API's search_result blocks: source "path@revision", a title, and the
// lines split into text blocks by line range (paragraphs of code, at most a dozen lines each), so a
// citation of blocks maps back to exact lines. Every line keeps its number ("12\t…") as read_file
// shows it, so path:line citations in prose stay possible. Pure; works on text already redacted.
import type { SearchResultBlockParam } from '@anthropic-ai/sdk/resources/messages'

export interface ExcerptLine {
  readonly line: number
  readonly text: string
}

/** What one search_result block carries, for mapping its citations back: a line range per text block. */
export interface SourceRecord {
  readonly path: string
  readonly revision: string
  readonly ranges: readonly { readonly start: number; readonly end: number }[]
}

export interface Excerpt {
  readonly path: string
  readonly title: string
  readonly lines: readonly ExcerptLine[]
  /** Read from the working tree (the leader's uncommitted edit), not at the commit. */
  readonly workingTree?: boolean
}

const MAX_BLOCK_LINES = 12
const MIN_BLOCK_LINES = 3

/** Lines grouped into blocks: a block ends after a blank line once it has a few lines, at a gap in the numbering, or at the cap. */
export function chunkLines(lines: readonly ExcerptLine[], oneLinePerBlock = false): ExcerptLine[][] {
  const chunks: ExcerptLine[][] = []
  let current: ExcerptLine[] = []
  for (const line of lines) {
    const previous = current.at(-1)
    if (previous && (oneLinePerBlock || line.line !== previous.line + 1 || current.length >= MAX_BLOCK_LINES)) {
      chunks.push(current)
      current = []
    }
    current.push(line)
    if (current.length >= MIN_BLOCK_LINES && line.text.trim() === '') {
      chunks.push(current)
      current = []
    }
  }
  if (current.length) chunks.push(current)
  return chunks
}

export function numbered(line: ExcerptLine): string {
  return `${line.line}\t${line.text}\n`
}

/** "path@revision": the revision is the short commit the excerpt was read at, or a word ("working-tree", "staged"). */
export function sourceName(path: string, revision: string): string {
  return `${path}@${revision}`
}

const WORKING_TREE = 'working-tree'

/** The revision of an excerpt read from the working tree over `revision` (a short commit): "1a2b3c4d5e6f+working-tree". */
export function overWorkingTree(revision: string): string {
  return revision === WORKING_TREE || revision.endsWith(`+${WORKING_TREE}`) ? revision : `${revision}+${WORKING_TREE}`
}

/** Whether a source's revision is (or includes) the working tree. */
export function readFromWorkingTree(revision: string): boolean {
  return revision === WORKING_TREE || revision.endsWith(`+${WORKING_TREE}`)
}

export function searchResultOf(
  excerpt: Excerpt,
  commitRevision: string,
  options: { readonly oneLinePerBlock?: boolean } = {},
): { block: SearchResultBlockParam; source: SourceRecord } {
  const chunks = chunkLines(excerpt.lines, options.oneLinePerBlock)
  const revision = excerpt.workingTree ? overWorkingTree(commitRevision) : commitRevision
  return {
    block: {
      type: 'search_result',
      source: sourceName(excerpt.path, revision),
      title: excerpt.title,
      content: chunks.map((chunk) => ({ type: 'text', text: chunk.map(numbered).join('') })),
      citations: { enabled: true },
    },
    source: { path: excerpt.path, revision, ranges: chunks.map((chunk) => ({ start: chunk[0]!.line, end: chunk.at(-1)!.line })) },
  }
}

/** The short form of a commit used in sources and shown to the leader. */
export function shortRevision(commit: string | null | undefined): string {
  return commit ? commit.slice(0, 12) : WORKING_TREE
}
