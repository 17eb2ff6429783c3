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
})
