// Shifts a Markdown text's headings down so the highest one sits at `level`: an answer or a tour
// placed under a section heading then reads as part of that section, never as a section of its own.
// Lines inside fenced code blocks are left alone. Pure.

export function demoteHeadings(markdown: string, level: number): string {
  const lines = markdown.split('\n')
  const headings: number[] = []
  let fence: string | null = null
  for (const [index, line] of lines.entries()) {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (opening) {
      const marker = opening[1] ?? ''
      if (fence === null) fence = marker
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null
      continue
    }
    if (fence === null && /^#{1,6}\s/.test(line)) headings.push(index)
  }
  const top = Math.min(...headings.map((index) => /^#+/.exec(lines[index] ?? '')?.[0].length ?? 6))
  const shift = level - top
  if (headings.length === 0 || shift <= 0) return markdown
  for (const index of headings) {
    const line = lines[index] ?? ''
    const depth = /^#+/.exec(line)?.[0].length ?? 0
    lines[index] = `${'#'.repeat(Math.min(6, depth + shift))}${line.slice(depth)}`
  }
  return lines.join('\n')
}
