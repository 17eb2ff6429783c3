// Credentials in tables: a CSV, TSV or semicolon-separated file, or a Markdown table, whose header
// names a credential column (`password`, `api_key`, `Auth Token`): every cell of that column is a
// value held under the header's name. A table is a header line of short names and the lines below it
// with the same number of cells. Never applied to code, where commas separate arguments. Pure, linear.
import { secretNameClass, type SecretNameClass } from './credential-names.ts'
import type { FileKind } from './file-kind.ts'
import type { SecretSpan } from './secret-spans.ts'
import { looksLikeSecret } from './secret-values.ts'

const MAX_LINE = 10_000
const MAX_ROWS = 20_000
const HEADER_CELL = /^[\p{L}\p{N} _.\-/()#]{1,40}$/u
const MARKDOWN_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/

interface Cell {
  readonly text: string
  readonly start: number
}

/** A line's cells with where each starts; quoted CSV cells without their quotes. */
function cells(line: string, offset: number, delimiter: string): Cell[] {
  const out: Cell[] = []
  let body = line
  let shift = 0
  if (delimiter === '|') {
    const trimmed = line.trim()
    if (!trimmed.startsWith('|')) return []
    shift = line.indexOf('|') + 1
    body = line.slice(shift, trimmed.endsWith('|') ? line.lastIndexOf('|') : line.length)
  }
  let at = 0
  while (at <= body.length) {
    let end = body.indexOf(delimiter, at)
    if (body[at] === '"' && delimiter !== '|') {
      const close = body.indexOf('"', at + 1)
      if (close !== -1) end = body.indexOf(delimiter, close)
    }
    if (end === -1) end = body.length
    const raw = body.slice(at, end)
    const lead = raw.length - raw.trimStart().length
    let text = raw.trim()
    let start = offset + shift + at + lead
    if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
      text = text.slice(1, -1)
      start++
    }
    out.push({ text, start })
    at = end + 1
    if (end === body.length) break
  }
  return out
}

function delimiterOf(line: string): string | null {
  if (line.trimStart().startsWith('|')) return '|'
  for (const delimiter of ['\t', ',', ';']) if (line.includes(delimiter)) return delimiter
  return null
}

/** The credential columns a header line names, or null when the line is no header. */
function header(row: readonly Cell[]): Map<number, { name: string; nameClass: SecretNameClass }> | null {
  if (row.length < 2 || !row.every((cell) => HEADER_CELL.test(cell.text))) return null
  const columns = new Map<number, { name: string; nameClass: SecretNameClass }>()
  row.forEach((cell, index) => {
    const nameClass = secretNameClass(cell.text)
    if (nameClass) columns.set(index, { name: cell.text, nameClass })
  })
  return columns.size > 0 ? columns : null
}

/** Every value in a table column whose header says credential. */
export function findTableSpans(text: string, kind: FileKind): SecretSpan[] {
  if (kind === 'code' || !/[,\t;|]/.test(text)) return []
  const spans: SecretSpan[] = []
  const lines = text.split('\n')
  let offset = 0
  const starts = lines.map((line) => {
    const start = offset
    offset += line.length + 1
    return start
  })
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '')
    if (line.length > MAX_LINE) continue
    const delimiter = delimiterOf(line)
    if (!delimiter) continue
    const head = cells(line, starts[index]!, delimiter)
    const columns = header(head)
    if (!columns) continue
    let row = index + 1
    if (delimiter === '|' && MARKDOWN_RULE.test(lines[row] ?? '')) row++
    for (; row < lines.length && row - index < MAX_ROWS; row++) {
      const text = lines[row]!.replace(/\r$/, '')
      if (text.length > MAX_LINE) break
      const values = cells(text, starts[row]!, delimiter)
      if (values.length !== head.length) break
      for (const [column, { nameClass }] of columns) {
        const cell = values[column]!
        if (looksLikeSecret(nameClass, cell.text))
          spans.push({
            start: cell.start,
            end: cell.start + cell.text.length,
            kind: nameClass === 'password' ? 'password-column' : 'secret-column',
          })
      }
    }
    index = row - 1
  }
  return spans
}
