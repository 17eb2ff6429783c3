// Draws the ```mermaid blocks of rendered Markdown as diagrams (the journal file keeps them fenced,
// so GitHub and Obsidian draw them too). Mermaid is loaded only when a page has such a block, with
// securityLevel 'strict'; a block that does not parse stays as its source, with the reason.

let sequence = 0

export function drawMermaidBlocks(root: HTMLElement): void {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre > code.language-mermaid')]
  if (blocks.length === 0) return
  void import('mermaid').then(async ({ default: mermaid }) => {
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'neutral', fontFamily: 'inherit' })
    for (const code of blocks) {
      const pre = code.parentElement
      if (!pre?.isConnected) continue
      try {
        const { svg } = await mermaid.render(`markdown-diagram-${(sequence += 1)}`, code.textContent ?? '')
        const figure = document.createElement('figure')
        figure.className = 'diagram markdown-diagram'
        figure.setAttribute('role', 'img')
        figure.setAttribute('aria-label', 'Diagram')
        figure.innerHTML = svg
        pre.replaceWith(figure)
      } catch (error) {
        pre.title = `This diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`
      }
    }
  })
}
