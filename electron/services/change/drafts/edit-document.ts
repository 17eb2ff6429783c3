// A staged file as two texts that share their lines: the raw text (what lands, secrets and line endings
// as they are) and the view (what the agent sees: every line ending '\n', each secret replaced by
// Gemba's redaction mark). The agent edits the view; the same edit is made to the raw text line for
// line, so every line it did not edit keeps its exact text and ending, and no answer ever depends on
// what a redacted line really holds. An edit that would change a redacted line is refused. Pure.

export type LineEnding = '' | '\n' | '\r\n'

export interface TextLine {
  readonly text: string
  /** '' only for the last piece (after a final line break, that piece is empty). */
  readonly eol: LineEnding
}

/** The text's lines with their endings, split as `text.split('\n')` would (a CR before LF is the ending's). */
export function splitLines(raw: string): TextLine[] {
  const lines: TextLine[] = []
  let start = 0
  for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', start)) {
    const crlf = at > start && raw[at - 1] === '\r'
    lines.push({ text: raw.slice(start, crlf ? at - 1 : at), eol: crlf ? '\r\n' : '\n' })
    start = at + 1
  }
  lines.push({ text: raw.slice(start), eol: '' })
  return lines
}

/** The raw text with '\n' for every line ending: what is redacted to make the view. */
export function unifiedEndings(raw: string): string {
  return splitLines(raw)
    .map((line) => line.text)
    .join('\n')
}

/** The ending most of the file's lines use ('\n' when none or a tie). */
function dominantEnding(lines: readonly TextLine[]): '\n' | '\r\n' {
  let crlf = 0
  let lf = 0
  for (const line of lines) {
    if (line.eol === '\r\n') crlf++
    else if (line.eol === '\n') lf++
  }
  return crlf > lf ? '\r\n' : '\n'
}

export interface EditableText {
  readonly raw: string
  /** The view of `raw`: the same number of lines; a line differs from raw's only where Gemba redacted it. */
  readonly view: string
}

export type ViewEdit =
  | {
      readonly raw: string
      readonly view: string
      /** 0-based lines of the new view that the edit wrote: [from, to). */
      readonly written: readonly [number, number]
    }
  | { readonly refused: 'redacted-line' | 'misaligned' }

/** Line index and column of a view offset; an offset at a line's end belongs to that line. */
function locate(lines: readonly string[], offset: number): [number, number] {
  let start = 0
  for (const [index, line] of lines.entries()) {
    if (offset <= start + line.length) return [index, Math.max(0, offset - start)]
    start += line.length + 1
  }
  return [lines.length - 1, lines.at(-1)!.length]
}

/**
 * Replaces view[from, to) with `insert` and makes the same change to the raw text. Lines the edit
 * leaves as they were (by their view) keep their raw text and ending; new lines take the ending of the
 * line they replace, else the file's usual one. Refused when a line it changes or removes is redacted.
 */
export function editView(doc: EditableText, from: number, to: number, insert: string): ViewEdit {
  const raws = splitLines(doc.raw)
  const views = doc.view.split('\n')
  if (views.length !== raws.length) return { refused: 'misaligned' }
  const [a, startColumn] = locate(views, from)
  const [b, endColumn] = locate(views, to)
  const replaced = views.slice(a, b + 1)
  const written = (views[a]!.slice(0, startColumn) + insert + views[b]!.slice(endColumn)).split('\n')
  // Lines the edit leaves as they were, at either end, stay the same lines.
  let head = 0
  while (head < replaced.length && head < written.length && replaced[head] === written[head]) head++
  let tail = 0
  while (
    tail < replaced.length - head &&
    tail < written.length - head &&
    replaced[replaced.length - 1 - tail] === written[written.length - 1 - tail]
  )
    tail++
  const removedFrom = a + head
  const removedTo = a + replaced.length - tail
  for (let line = removedFrom; line < removedTo; line++) if (raws[line]!.text !== views[line]) return { refused: 'redacted-line' }
  const added = written.slice(head, written.length - tail)
  // A new line ends as the line it replaces did, else as the nearest line above it, else as most lines do.
  const usual = raws.slice(0, removedFrom).findLast((line) => line.eol !== '')?.eol || dominantEnding(raws)
  const lines: TextLine[] = [
    ...raws.slice(0, removedFrom),
    // Unredacted lines: their raw text is their view.
    ...added.map(
      (text, index) => ({ text, eol: removedFrom + index < removedTo ? raws[removedFrom + index]!.eol : '' }) satisfies TextLine,
    ),
    ...raws.slice(removedTo),
  ]
  const raw = lines.map((line, index) => line.text + (index === lines.length - 1 ? '' : line.eol || usual)).join('')
  return {
    raw,
    view: doc.view.slice(0, from) + insert + doc.view.slice(to),
    written: [removedFrom, removedFrom + added.length],
  }
}

/** The 1-based lines where the view differs from the raw text (Gemba redacted them), with the mark's kind. */
export function redactedLines(doc: EditableText): { line: number; rule: string }[] {
  const raws = splitLines(doc.raw)
  const found: { line: number; rule: string }[] = []
  for (const [index, view] of doc.view.split('\n').entries()) {
    if (raws[index]?.text === view) continue
    found.push({ line: index + 1, rule: /\[redacted by Gemba: ([^\]]+)\]/.exec(view)?.[1] ?? 'secret' })
  }
  return found
}
