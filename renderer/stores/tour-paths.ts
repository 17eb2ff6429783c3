// The repository paths the offline tour names in `code` (key files, hot spots, parts, manifests), as
// candidates for the file viewer: the repository decides which exist. Pure (no bridge, no DOM).

/** How many distinct paths of one tour are checked (a tour names a few dozen). */
export const MAX_TOUR_PATHS = 600

const PATH = /^[\w@+.-]+(?:\/[\w@+.-]+)*\/?$/

/** The path a code span names (a folder's trailing slash dropped), or null when it cannot be one. */
export function tourPathOf(code: string): string | null {
  const text = code.trim()
  if (text.length > 300 || !PATH.test(text) || /^[\d.]+$/.test(text) || text.split('/').some((part) => /^\.+$/.test(part))) return null
  return text.replace(/\/$/, '')
}

/**
 * Whether a code span naming a path the repository has opens it: a folder only when written as a path
 * (`src/api`, `binding/`), not as a bare word (the command `test`); a file always (`Makefile`).
 */
export function opensFromTour(written: string, kind: 'file' | 'folder'): boolean {
  return kind === 'file' || /[/.]/.test(written.trim())
}

/** The distinct paths a tour's Markdown names in inline code, in order, at most MAX_TOUR_PATHS. */
export function tourPaths(markdown: string): string[] {
  const found = new Set<string>()
  for (const match of markdown.matchAll(/(?<!`)`([^`\n]+)`(?!`)/g)) {
    const path = tourPathOf(match[1]!)
    if (path !== null) found.add(path)
    if (found.size >= MAX_TOUR_PATHS) break
  }
  return [...found]
}
