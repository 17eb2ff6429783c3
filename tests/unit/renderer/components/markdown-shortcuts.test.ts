import { describe, expect, it } from 'vitest'
import { applyShortcut, continueList, promptStates, writeUnderPrompt } from '../../../../renderer/components/markdown-shortcuts.ts'

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
