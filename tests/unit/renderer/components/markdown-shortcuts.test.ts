import { describe, expect, it } from 'vitest'
import {
  applyShortcut,
  continueList,
  promptStates,
  writeUnderPrompt,
  type EditResult,
  type Shortcut,
} from '../../../../renderer/components/markdown-shortcuts.ts'

/** Typing replaces the selection and leaves the caret after what was typed, as a text field does. */
const type = (edit: EditResult, typed: string): EditResult => {
  const caret = edit.start + typed.length
  return { text: edit.text.slice(0, edit.start) + typed + edit.text.slice(edit.end), start: caret, end: caret }
}
const press = (edit: EditResult, shortcut: Shortcut): EditResult => applyShortcut(edit.text, edit.start, edit.end, shortcut)
const at = (text: string, caret = text.length): EditResult => ({ text, start: caret, end: caret })

describe('applyShortcut', () => {
  it('wraps a selection in bold and unwraps it again', () => {
    const bold = applyShortcut('the deploy is manual', 4, 10, 'bold')
    expect(bold).toEqual({ text: 'the **deploy** is manual', start: 6, end: 12 })
    expect(applyShortcut(bold.text, bold.start, bold.end, 'bold')).toEqual({ text: 'the deploy is manual', start: 4, end: 10 })
  })

  it('turns the selected lines into a checklist, a list or a heading', () => {
    expect(applyShortcut('one\ntwo', 0, 7, 'task').text).toBe('- [ ] one\n- [ ] two')
    expect(applyShortcut('- one', 2, 2, 'heading').text).toBe('### one')
    expect(applyShortcut('- one\n- two', 0, 11, 'list').text).toBe('one\ntwo')
  })

  it('makes a link of the selection and selects the address to type over', () => {
    const link = applyShortcut('see the runbook', 8, 15, 'link')
    expect(link.text).toBe('see the [runbook](https://)')
    expect(link.text.slice(link.start, link.end)).toBe('https://')
  })

  it('toggles bold, italic and code on and off while typing: the second press steps out of the pair', () => {
    for (const [shortcut, mark] of [
      ['bold', '**'],
      ['italic', '_'],
      ['code', '`'],
    ] as const) {
      const done = press(type(press(at('An '), shortcut), 'bold idea'), shortcut)
      expect(done, shortcut).toEqual(at(`An ${mark}bold idea${mark}`))
      expect(type(done, ' then plain').text, shortcut).toBe(`An ${mark}bold idea${mark} then plain`)
      // Pressed twice with nothing typed: no pair left behind.
      expect(press(press(at('An '), shortcut), shortcut), shortcut).toEqual(at('An '))
    }
  })

  it('still starts a new pair after a closed one, and reads snake_case as no italic', () => {
    expect(press(at('**done** '), 'bold')).toEqual({ text: '**done** ****', start: 11, end: 11 })
    expect(press(at('my_var ', 7), 'italic').text).toBe('my_var __')
    expect(press(type(press(at('my_var '), 'italic'), 'x'), 'italic')).toEqual(at('my_var _x_'))
  })

  it('walks a link typed from nothing: its text, then its address, then past it', () => {
    const started = press(at('See '), 'link')
    expect(started.text.slice(started.start, started.end)).toBe('link text')
    const url = press(type(started, 'the runbook'), 'link')
    expect(url.text.slice(url.start, url.end)).toBe('https://')
    const done = press(type(url, 'https://wiki/runbook'), 'link')
    expect(done).toEqual(at('See [the runbook](https://wiki/runbook)'))
  })
})

describe('continueList', () => {
  it('continues bullets, checklists (unticked) and numbered lists, and ends on an empty item', () => {
    expect(continueList('- one', 5)).toEqual({ text: '- one\n- ', start: 8, end: 8 })
    expect(continueList('- [x] done', 10)?.text).toBe('- [x] done\n- [ ] ')
    expect(continueList('1. first', 8)?.text).toBe('1. first\n2. ')
    expect(continueList('- one\n- ', 8)).toEqual({ text: '- one\n', start: 6, end: 6 })
    expect(continueList('plain text', 10)).toBeNull()
  })
})

describe('guided prompts', () => {
  const prompts = ['What surprised me', 'Friction my team lives with', 'What I would ask my tech lead']
  const text = '### What surprised me\n\nNothing deploys on merge.\n\n### Friction my team lives with\n\n'

  it('says which prompts are answered, present or missing', () => {
    expect(promptStates(text, prompts).map(({ answered, at }) => [answered, at !== null])).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ])
  })

  it('puts the caret under an empty prompt, after the text of an answered one, and adds a missing one at the end', () => {
    const empty = writeUnderPrompt(text, 'Friction my team lives with')
    expect(empty.text.slice(0, empty.start)).toBe(
      '### What surprised me\n\nNothing deploys on merge.\n\n### Friction my team lives with\n\n',
    )
    const answered = writeUnderPrompt(text, 'What surprised me')
    expect(text.slice(0, answered.start)).toBe('### What surprised me\n\nNothing deploys on merge.')
    const missing = writeUnderPrompt(text, 'What I would ask my tech lead')
    expect(missing.text.endsWith('### What I would ask my tech lead\n\n')).toBe(true)
    expect(missing.start).toBe(missing.text.length)
  })
})
