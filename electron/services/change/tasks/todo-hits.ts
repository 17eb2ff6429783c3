// TODO and FIXME comments in the code (not in changelogs, docs, CI files or vendored code): the marker
// must sit in a comment, and say something. Read-only; skips binary, large and withheld files.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileRecord } from '../../../../shared/models/repos.ts'
import { familyOf } from './code-shape.ts'

const MAX_FILE_BYTES = 512 * 1024
const MARKER = /(?:\/\/|#|\/\*|^\s*\*|--)\s*(?:@?)(TODO|FIXME|XXX|HACK)\b(?:\([^)]*\))?[:\s-]+(.*)$/
export const OUT_OF_REACH = /(^|\/)(node_modules|vendor|third_party|dist|build|generated|\.github)\//

export interface TodoHit {
  readonly path: string
  readonly line: number
  readonly marker: string
  readonly text: string
}

/** The comment's words, without the comment's own closing. */
function words(text: string): string {
  return text
    .replace(/\*\/\s*$|-->\s*$/, '')
    .trim()
    .slice(0, 160)
}

export async function findTodoHits(root: string, files: readonly FileRecord[], signal: AbortSignal): Promise<TodoHit[]> {
  const hits: TodoHit[] = []
  for (const file of files) {
    signal.throwIfAborted()
    if (file.binary || file.size > MAX_FILE_BYTES || !familyOf(file.path) || OUT_OF_REACH.test(file.path)) continue
    const text = await readFile(join(root, ...file.path.split('/')), 'utf8').catch(() => '')
    if (!/TODO|FIXME|XXX|HACK/.test(text)) continue
    for (const [index, line] of text.split('\n').entries()) {
      const match = MARKER.exec(line)
      if (!match?.[1]) continue
      const said = words(match[2] ?? '')
      // A marker with fewer than three words says too little to act on in an hour.
      if (said.split(/\s+/).filter((word) => /\w/.test(word)).length >= 3)
        hits.push({ path: file.path, line: index + 1, marker: match[1], text: said })
    }
  }
  return hits
}
