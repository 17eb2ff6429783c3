// How one file appears in the context: whole with line numbers (so Claude can cite path:line), or,
// when it is too large, excerpted to its declarations' signatures at their real line numbers (for
// prose, its outline: headings and each section's first line; for a build definition or
// configuration, its outline by indentation), or its head. Works on text that is
// already redacted; never reads the disk.
import type { Definition } from '../../repos/index.ts'

export type FileForm = 'whole' | 'signatures' | 'head'

export interface FileExcerpt {
  readonly form: FileForm
  readonly body: string
  /** Lines of the file, for the opening tag. */
  readonly lines: number
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** Every line, numbered as read_file numbers them. */
export function wholeFile(text: string): FileExcerpt {
  const lines = splitLines(text)
  return { form: 'whole', body: lines.map((line, index) => `${index + 1}\t${line}`).join('\n'), lines: lines.length }
}

/**
 * The file's opening lines (its header comment and imports), then one line per declaration; with
 * `maxChars`, the outermost declarations first and then as many of the others as fit, in line order.
 */
export function signatureExcerpt(text: string, definitions: readonly Definition[], headLines = 12, maxChars = Infinity): FileExcerpt {
  const lines = splitLines(text)
  const firstDefinition = Math.min(...definitions.map((d) => d.line), Infinity)
  const shown = Math.min(headLines, firstDefinition - 1)
  const head = lines.slice(0, shown).map((line, index) => `${index + 1}\t${line}`)
  const seen = new Set<number>()
  const signatures: { line: number; depth: number; text: string }[] = []
  for (const definition of [...definitions].sort((a, b) => a.line - b.line)) {
    if (definition.line <= shown || seen.has(definition.line)) continue
    seen.add(definition.line)
    const depth = definitions.filter((outer) => outer.line < definition.line && outer.endLine >= definition.endLine).length
    signatures.push({ line: definition.line, depth, text: `${definition.line}\t${'  '.repeat(depth)}${definition.signature}` })
  }
  const tail = (kept: number) =>
    kept === signatures.length
      ? `… (${lines.length} lines; declarations only, read_file shows the rest)`
      : `… (${lines.length} lines; ${kept} of its ${signatures.length} declarations, the outermost first; read_file shows the rest)`
  let kept = signatures
  const size = (list: readonly { text: string }[]) =>
    [...head, '…', ...list.map((entry) => entry.text), tail(list.length)].join('\n').length
  if (size(signatures) > maxChars) {
    // Outer declarations (types, free functions) before members, then in line order.
    const byDepth = [...signatures].sort((a, b) => a.depth - b.depth || a.line - b.line)
    const chosen = new Set<number>()
    let used = [...head, '…', tail(0)].join('\n').length
    for (const entry of byDepth) {
      if (used + entry.text.length + 1 > maxChars) break
      chosen.add(entry.line)
      used += entry.text.length + 1
    }
    kept = signatures.filter((entry) => chosen.has(entry.line))
  }
  const body = [...head, ...(kept.length ? ['…', ...kept.map((entry) => entry.text)] : []), tail(kept.length)]
  return { form: 'signatures', body: body.join('\n'), lines: lines.length }
}

const HEADING = /^(#{1,6}\s+\S|=+\s*$|-{3,}\s*$|\.\.\s+_)/

/**
 * A long Markdown, reStructuredText or AsciiDoc document as its outline: every heading at its line
 * number with the first line of text under it, so the reader sees what the document covers and where.
 */
export function outlineExcerpt(text: string, maxLineChars = 160): FileExcerpt {
  const lines = splitLines(text)
  const out: string[] = []
  let fence = false
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (/^\s*(```|~~~)/.test(line)) fence = !fence
    if (fence) continue
    // Setext headings (`Title` over `===`) and Markdown/AsciiDoc `#`/`=` headings.
    const setext = /^(=+|-+)\s*$/.test(lines[index + 1] ?? '') && line.trim() !== '' && !/^[-=]+\s*$/.test(line)
    const atx = /^(#{1,6}|={1,6})\s+\S/.test(line)
    if (!atx && !setext) continue
    out.push(`${index + 1}\t${line.slice(0, maxLineChars)}`)
    // The section's first line of prose, skipping code blocks, within a few lines of the heading.
    let inCode = false
    for (let at = index + (setext ? 2 : 1); at < Math.min(lines.length, index + 12); at++) {
      const next = lines[at] ?? ''
      if (/^\s*(```|~~~)/.test(next)) inCode = !inCode
      else if (!inCode && next.trim() !== '' && !HEADING.test(next) && !/^(=+|-+)\s*$/.test(lines[at + 1] ?? '')) {
        out.push(`${at + 1}\t${next.length > maxLineChars ? `${next.slice(0, maxLineChars)}…` : next}`)
        break
      } else if (!inCode && /^#{1,6}\s/.test(next)) break
    }
  }
  out.push(`… (${lines.length} lines; headings and each section's first line only, read_file shows the rest)`)
  return { form: 'signatures', body: out.join('\n'), lines: lines.length }
}

/** A line that is only a comment (`//`, `/*`, ` *`, `#` but not `#include` or `#[attribute]`, `--`, `<!--`). */
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|--|<!--|#(?!\[|!|\s*(include|define|if|ifdef|ifndef|else|elif|endif|undef|pragma|import)\b))/

/**
 * A build definition, configuration or code that declares nothing (a crate root of modules and
 * re-exports, a routes file) too long to show whole, as its outline by indentation: every line of the
 * outermost level, then the next level's lines in file order, and so on while they fit (a pom.xml's
 * modules and dependencies before its plugins' settings, a go.mod's first require block before the
 * indirect ones), at their real line numbers, comments left out. Null when not even the outermost
 * level fits.
 */
export function indentOutline(text: string, maxChars: number, maxLineChars = 200): FileExcerpt | null {
  const lines = splitLines(text)
  const tail = `… (${lines.length} lines; its outline by indentation, the outermost lines first, comments left out; read_file shows the rest)`
  const entries = lines.flatMap((line, index) =>
    line.trim() === '' || COMMENT_LINE.test(line)
      ? []
      : [
          {
            line: index + 1,
            depth: (/^[ \t]*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length,
            text: `${index + 1}\t${line.length > maxLineChars ? `${line.slice(0, maxLineChars)}…` : line}`,
          },
        ],
  )
  const outermost = Math.min(...entries.map((entry) => entry.depth))
  let used = tail.length
  const kept: typeof entries = []
  for (const entry of [...entries].sort((a, b) => a.depth - b.depth || a.line - b.line)) {
    if (used + entry.text.length + 1 > maxChars) {
      if (entry.depth === outermost) return null
      break
    }
    kept.push(entry)
    used += entry.text.length + 1
  }
  kept.sort((a, b) => a.line - b.line)
  return { form: 'signatures', body: [...kept.map((entry) => entry.text), tail].join('\n'), lines: lines.length }
}

/** The first lines of a file that fit in `maxChars`. */
export function headExcerpt(text: string, maxChars: number): FileExcerpt {
  const lines = splitLines(text)
  const out: string[] = []
  let chars = 0
  for (const [index, line] of lines.entries()) {
    const numbered = `${index + 1}\t${line.length > 400 ? `${line.slice(0, 400)}…` : line}`
    if (chars + numbered.length + 1 > maxChars) break
    out.push(numbered)
    chars += numbered.length + 1
  }
  if (out.length < lines.length) out.push(`… (${lines.length} lines; the first ${out.length} shown, read_file shows the rest)`)
  return { form: 'head', body: out.join('\n'), lines: lines.length }
}
