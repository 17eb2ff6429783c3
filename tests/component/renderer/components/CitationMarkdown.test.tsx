import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../../renderer/components/CitationMarkdown.tsx'

describe('renderMarkdown', () => {
  it('never makes an email address a link (bare, in angle brackets or as a mailto: link); other links stay', () => {
    const root = document.createElement('div')
    root.innerHTML = renderMarkdown(
      '- `src`: grace@navy.example (3), <ada@example.org> (2), [Linus](mailto:linus@example.org) (1)\n\nSee [the docs](https://docs.example/guide).',
    )
    expect(root.querySelector('a[href^="mailto:" i]')).toBeNull()
    expect(root.textContent).toContain('grace@navy.example (3), ada@example.org (2), Linus (1)')
    expect([...root.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(['https://docs.example/guide'])
  })

  it('keeps every citation one run of text, whatever Markdown would make of it', () => {
    const root = document.createElement('div')
    root.innerHTML = renderMarkdown(
      'The package starts in src/__init__.py:3 and *reads* lib/__main__.py:10-12; see `src/app.py:4`, [the route](src/api/route.ts:2).\n\n```\nsrc/__init__.py:3\n```',
    )
    expect(root.querySelector('strong, em')?.textContent).toBe('reads')
    const texts = [...root.querySelectorAll('p, code')].flatMap((element) => [...element.childNodes].map((node) => node.textContent))
    for (const citation of ['src/__init__.py:3', 'lib/__main__.py:10-12', 'src/app.py:4'])
      expect(
        texts.some((text) => text?.includes(citation)),
        citation,
      ).toBe(true)
    expect(root.querySelector('a')?.getAttribute('href')).toBe('src/api/route.ts:2')
    expect(root.querySelector('pre')?.textContent).toBe('src/__init__.py:3\n')
    expect(root.innerHTML).not.toMatch(/[\uE000\uE001]|%EE%80/i)
  })
})
