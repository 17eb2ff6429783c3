// What goes between two text blocks of one answer. Claude splits an answer into blocks (around
// citations, tool rounds, thinking) and a block's text need not begin with the blank line a new
// paragraph or heading needs: "first." then "## Plan" must not read "first.## Plan". A block that
// continues a sentence (the usual case around a citation) is joined as it is. Pure.

const BLOCK_START = /^(#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|```|~~~|\|)/

export function blockSeparator(before: string, next: string): string {
  if (!before || !next || /\n\s*$/.test(before) || /^\s*\n/.test(next)) return ''
  if (BLOCK_START.test(next.trimStart())) return '\n\n'
  // "first.Then": a sentence ended and another began with nothing between them.
  if (/[.!?:]$/.test(before) && /^[A-Z]/.test(next)) return ' '
  return ''
}
