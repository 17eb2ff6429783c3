// Splits the packed repository context (pack-context.ts's text) into what goes to Claude as search
// results: the overview before the files (project facts, tree), each <file> block's numbered lines,
// and the rest (history). The format is Gemba's own and deterministic; a line that is not a numbered
// file line stays in the overview or the rest, so nothing packed is ever dropped.
import type { Excerpt, ExcerptLine } from './excerpt-blocks.ts'

export interface ContextParts {
  readonly overview: string
  readonly files: readonly Excerpt[]
  readonly rest: string
}

const OPEN = /^<file path="([^"]+)" lines="(\d+)"(?: excerpt="(\w+)")?( read="working tree")?>$/
const LINE = /^(\d+)\t(.*)$/

function titleOf(path: string, lines: number, form: string | undefined, shown: number): string {
  const count = `${lines.toLocaleString('en')} line${lines === 1 ? '' : 's'}`
  if (form === 'signatures') return `${path} — ${count}; its declarations only (read_file shows the rest)`
  if (form === 'head') return `${path} — the first ${shown} of ${count} (read_file shows the rest)`
  return `${path} — ${count}`
}

export function splitContext(text: string): ContextParts {
  const rows = text.split('\n')
  const overview: string[] = []
  const rest: string[] = []
  const files: Excerpt[] = []
  for (let index = 0; index < rows.length; index++) {
    const open = OPEN.exec(rows[index]!)
    const close = open ? rows.indexOf('</file>', index + 1) : -1
    if (!open || close === -1) {
      ;(files.length === 0 ? overview : rest).push(rows[index]!)
      continue
    }
    const lines: ExcerptLine[] = []
    for (const row of rows.slice(index + 1, close)) {
      const match = LINE.exec(row)
      if (match) lines.push({ line: Number(match[1]), text: match[2]! })
    }
    const [, path, total, form, workingTree] = open
    const title = titleOf(path!, Number(total), form, lines.length)
    if (lines.length > 0) files.push({ path: path!, title, lines, ...(workingTree ? { workingTree: true } : {}) })
    else (files.length === 0 ? overview : rest).push(...rows.slice(index, close + 1))
    index = close
  }
  return { overview: overview.join('\n'), files, rest: rest.join('\n') }
}
