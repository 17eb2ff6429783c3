// One part's section of the offline tour: the Markdown under its `### heading`, up to the next heading
// of the same or a higher level. What the module map shows when a box is clicked. Pure.

export function tourSection(markdown: string, heading: string): string | null {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => line.trim() === `### ${heading}`)
  if (start < 0) return null
  const end = lines.findIndex((line, index) => index > start && /^#{1,3}\s/.test(line))
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim()
}

/** The section for a folder: its own, else its nearest ancestor's (a part drilled into has none of its own). */
export function sectionFor(sections: Readonly<Record<string, string>>, path: string): { path: string; heading: string } | null {
  for (let at = path; ; at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '.') {
    const heading = sections[at]
    if (heading !== undefined) return { path: at, heading }
    if (at === '.') return null
  }
}
