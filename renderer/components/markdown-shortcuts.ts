// The Markdown editor's text operations: wrapping a selection (bold, italic, code, link), line
// prefixes (heading, list, checklist), continuing a list on Enter, and the guided prompts (which are
// answered, where to write under one). Pure text in, text and selection out; no DOM.

export interface EditResult {
  readonly text: string
  readonly start: number
  readonly end: number
}

export type Shortcut = 'bold' | 'italic' | 'code' | 'link' | 'heading' | 'list' | 'task'

const WRAPS = { bold: '**', italic: '_', code: '`' } as const

export function applyShortcut(text: string, start: number, end: number, shortcut: Shortcut): EditResult {
  if (shortcut === 'bold' || shortcut === 'italic' || shortcut === 'code') return wrap(text, start, end, WRAPS[shortcut])
  if (shortcut === 'link') return link(text, start, end)
  return prefixLines(text, start, end, shortcut === 'heading' ? '### ' : shortcut === 'list' ? '- ' : '- [ ] ')
}

const LINK_LABEL = 'link text'
const LINK_URL = 'https://'

/**
 * Ctrl+K: a selection becomes the link's text and its address is selected to type over; with nothing
 * selected a link is started with its text selected. Pressed again inside a link it moves on, as
 * typing a link goes: from the text to the address, and from the address to after the link.
 */
function link(text: string, start: number, end: number): EditResult {
  const inside = start === end ? linkAround(text, start) : null
  if (inside) {
    if (start <= inside.labelEnd) return { text, start: inside.labelEnd + 2, end: inside.urlEnd }
    return { text, start: inside.urlEnd + 1, end: inside.urlEnd + 1 }
  }
  const selected = text.slice(start, end)
  const label = selected || LINK_LABEL
  const inserted = `[${label}](${LINK_URL})`
  const updated = text.slice(0, start) + inserted + text.slice(end)
  if (!selected) return { text: updated, start: start + 1, end: start + 1 + label.length }
  const url = start + label.length + 3
  return { text: updated, start: url, end: url + LINK_URL.length }
}

/** The `[text](address)` on the caret's line that holds the caret, by the offsets of its `]` and `)`. */
function linkAround(text: string, caret: number): { labelEnd: number; urlEnd: number } | null {
  const from = text.lastIndexOf('\n', caret - 1) + 1
  const lineEnd = text.indexOf('\n', caret)
  const line = text.slice(from, lineEnd < 0 ? text.length : lineEnd)
  for (const match of line.matchAll(/\[([^\]\n]*)\]\(([^)\s]*)\)/g)) {
    const at = from + match.index
    const labelEnd = at + 1 + (match[1]?.length ?? 0)
    const urlEnd = labelEnd + 2 + (match[2]?.length ?? 0)
    if (caret > at && caret <= urlEnd) return { labelEnd, urlEnd }
  }
  return null
}

/**
 * Wraps the selection in `mark`, or unwraps it when it is already wrapped. With nothing selected:
 * a pair to type into; pressed again right after typing, the caret steps out past the closing mark
 * (and an empty pair is taken away), as toggling bold off does in any editor.
 */
function wrap(text: string, start: number, end: number, mark: string): EditResult {
  const before = text.slice(start - mark.length, start)
  const after = text.slice(end, end + mark.length)
  if (start === end && after === mark) {
    if (before === mark)
      return {
        text: text.slice(0, start - mark.length) + text.slice(end + mark.length),
        start: start - mark.length,
        end: start - mark.length,
      }
    if (opensBefore(text, start, mark)) return { text, start: end + mark.length, end: end + mark.length }
  }
  if (before === mark && after === mark) {
    return {
      text: text.slice(0, start - mark.length) + text.slice(start, end) + text.slice(end + mark.length),
      start: start - mark.length,
      end: end - mark.length,
    }
  }
  return {
    text: `${text.slice(0, start)}${mark}${text.slice(start, end)}${mark}${text.slice(end)}`,
    start: start + mark.length,
    end: end + mark.length,
  }
}

/**
 * Whether the caret's line has an odd count of `mark` before the caret: a span opened and not closed
 * (an underscore inside a word, as in snake_case, is no mark).
 */
function opensBefore(text: string, caret: number, mark: string): boolean {
  const from = text.lastIndexOf('\n', caret - 1) + 1
  const line = text.slice(from, caret)
  const marks = [...line.matchAll(new RegExp(escapeMark(mark), 'g'))].filter(
    (found) => mark !== '_' || !(/[\p{L}\p{N}]/u.test(line[found.index - 1] ?? '') && /[\p{L}\p{N}]/u.test(line[found.index + 1] ?? '')),
  )
  return marks.length % 2 === 1
}

const escapeMark = (mark: string) => mark.replace(/\*/g, '\\*')

/** Adds `prefix` to every line the selection touches, or removes it when every one already has it. */
function prefixLines(text: string, start: number, end: number, prefix: string): EditResult {
  const from = text.lastIndexOf('\n', start - 1) + 1
  const lineEnd = text.indexOf('\n', end)
  const to = lineEnd < 0 ? text.length : lineEnd
  const lines = text.slice(from, to).split('\n')
  const strip = (line: string) => line.replace(/^(#{1,6} |- \[[ xX]\] |[-*+] )/, '')
  const all = lines.every((line) => line.startsWith(prefix))
  const changed = lines.map((line) => (all ? line.slice(prefix.length) : `${prefix}${strip(line)}`)).join('\n')
  const delta = changed.length - (to - from)
  return {
    text: text.slice(0, from) + changed + text.slice(to),
    start: lines.length === 1 ? Math.max(from, start + delta) : from,
    end: to + delta,
  }
}

/**
 * Enter inside a list item: the next line starts the same way ("- ", "- [ ] ", "1. " counted on).
 * Enter on an empty item ends the list. Null when the caret is not in a list item.
 */
export function continueList(text: string, caret: number): EditResult | null {
  const from = text.lastIndexOf('\n', caret - 1) + 1
  const line = text.slice(from, caret)
  const match = /^(\s*)([-*+] \[[ xX]\] |[-*+] |(\d+)([.)]) )(.*)$/.exec(line)
  if (!match) return null
  if (!(match[5] ?? '').trim()) {
    // An empty item: end the list here.
    return { text: text.slice(0, from) + text.slice(caret), start: from, end: from }
  }
  const marker = match[3] ? `${Number(match[3]) + 1}${match[4]} ` : (match[2] ?? '').replace(/\[[xX]\]/, '[ ]')
  const insert = `\n${match[1] ?? ''}${marker}`
  return { text: text.slice(0, caret) + insert + text.slice(caret), start: caret + insert.length, end: caret + insert.length }
}

export interface PromptState {
  readonly prompt: string
  /** Whether the leader wrote something under it. */
  readonly answered: boolean
  /** Where its heading is, or null when the text has no heading for it. */
  readonly at: number | null
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()

/** Each guided prompt: present as a heading or not, and answered or not. */
export function promptStates(text: string, prompts: readonly string[]): PromptState[] {
  const headings = [...text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*$/gm)].map((match) => ({
    title: normal(match[1] ?? ''),
    at: match.index,
    end: match.index + match[0].length,
  }))
  return prompts.map((prompt) => {
    const index = headings.findIndex((heading) => heading.title === normal(prompt))
    const heading = headings[index]
    if (!heading) return { prompt, answered: false, at: null }
    const bodyEnd = headings[index + 1]?.at ?? text.length
    return { prompt, answered: text.slice(heading.end, bodyEnd).trim() !== '', at: heading.at }
  })
}

/** Where to write under a prompt: after its heading's existing text, adding the heading at the end when it is missing. */
export function writeUnderPrompt(text: string, prompt: string): EditResult {
  const state = promptStates(text, [prompt])[0]
  if (!state || state.at === null) {
    const base = text.trimEnd()
    const added = `${base}${base ? '\n\n' : ''}### ${prompt}\n\n`
    return { text: added, start: added.length, end: added.length }
  }
  const headingEnd = text.indexOf('\n', state.at)
  const next = /^#{1,6}[ \t]/m.exec(text.slice(headingEnd < 0 ? text.length : headingEnd + 1))
  const bodyEnd = headingEnd < 0 ? text.length : next ? headingEnd + 1 + next.index : text.length
  const body = text.slice(headingEnd < 0 ? text.length : headingEnd + 1, bodyEnd)
  if (body.trim()) {
    const caret = (headingEnd < 0 ? text.length : headingEnd + 1) + body.trimEnd().length
    return { text, start: caret, end: caret }
  }
  // An empty prompt: one blank line under the heading, the caret on the line after it.
  const head = text.slice(0, headingEnd < 0 ? text.length : headingEnd)
  const rest = text.slice(bodyEnd)
  const updated = `${head}\n\n${rest ? '\n\n' : ''}${rest}`
  const caret = head.length + 2
  return { text: updated, start: caret, end: caret }
}
