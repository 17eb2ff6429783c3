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
  if (shortcut === 'link') {
    const label = text.slice(start, end) || 'link text'
    const inserted = `[${label}](https://)`
    const url = start + label.length + 3
    return { text: text.slice(0, start) + inserted + text.slice(end), start: url, end: url + 'https://'.length }
  }
  return prefixLines(text, start, end, shortcut === 'heading' ? '### ' : shortcut === 'list' ? '- ' : '- [ ] ')
}

/** Wraps the selection in `mark`, or unwraps it when it is already wrapped; an empty selection gets a pair to type into. */
function wrap(text: string, start: number, end: number, mark: string): EditResult {
  const before = text.slice(start - mark.length, start)
  const after = text.slice(end, end + mark.length)
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
