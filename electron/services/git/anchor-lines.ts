// Finds where lines a past session cited are in a file today, by content rather than by number: the
// cited lines themselves (exactly, the copy whose surroundings match best), else the surroundings
// that still stand before and after them (the lines were edited in place), else most of the cited
// lines still together (rewritten a little), else nowhere. Pure; the caller reads the two versions.

export type AnchorStatus = 'unchanged' | 'moved' | 'changed' | 'vanished'

export interface LineAnchor {
  readonly status: AnchorStatus
  /** 1-based, inclusive; null when the lines vanished. */
  readonly start: number | null
  readonly end: number | null
}

/** Lines that say something: two short or blank lines ("}", "") anchor nothing on their own. */
const distinctive = (line: string) => line.trim().length >= 3

const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trimEnd() === b.trimEnd()

function occurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = []
  if (needle.length === 0) return found
  for (let at = 0; at + needle.length <= haystack.length; at++) {
    if (needle.every((line, offset) => same(haystack[at + offset], line))) found.push(at)
  }
  return found
}

/** The up-to-`count` lines just before `index` (exclusive) or from `index`, with at least one distinctive line, else []. */
function context(lines: readonly string[], from: number, to: number): string[] {
  const slice = lines.slice(Math.max(0, from), Math.max(0, to))
  return slice.some(distinctive) ? slice : []
}

function nearest(positions: readonly number[], target: number): number {
  return positions.reduce((best, at) => (Math.abs(at - target) < Math.abs(best - target) ? at : best), positions[0]!)
}

/** How many of the lines around a candidate position match the old surroundings. */
function surroundingsScore(
  oldLines: readonly string[],
  newLines: readonly string[],
  oldStart: number,
  newStart: number,
  length: number,
  radius = 3,
): number {
  let score = 0
  for (let offset = 1; offset <= radius; offset++) {
    if (same(oldLines[oldStart - offset], newLines[newStart - offset])) score++
    if (same(oldLines[oldStart + length - 1 + offset], newLines[newStart + length - 1 + offset])) score++
  }
  return score
}

/**
 * Where lines `start`..`end` (1-based, inclusive) of `oldLines` are in `newLines`. `samePath` says
 * whether the file kept its path (a renamed file's lines at the same numbers have still moved).
 */
export function anchorLines(
  oldLines: readonly string[],
  newLines: readonly string[],
  start: number,
  end: number,
  samePath: boolean,
): LineAnchor {
  const from = Math.max(1, Math.min(start, oldLines.length))
  const to = Math.max(from, Math.min(end, oldLines.length))
  const cited = oldLines.slice(from - 1, to)
  const length = cited.length
  const placed = (at: number, status: AnchorStatus): LineAnchor => ({ status, start: at + 1, end: at + length })

  // 1. The cited lines, word for word: of several copies, the one whose surroundings match best, then the nearest.
  if (cited.some(distinctive)) {
    const exact = occurrences(newLines, cited)
    if (exact.length > 0) {
      const scored = exact.map((at) => ({ at, score: surroundingsScore(oldLines, newLines, from - 1, at, length) }))
      const best = Math.max(...scored.map((item) => item.score))
      const at = nearest(
        scored.filter((item) => item.score === best).map((item) => item.at),
        from - 1,
      )
      return placed(at, samePath && at === from - 1 ? 'unchanged' : 'moved')
    }
  }

  // 2. Edited in place: the surroundings before and after still stand; the cited lines are between them.
  const before = context(oldLines, from - 1 - 3, from - 1)
  const after = context(oldLines, to, to + 3)
  const befores = occurrences(newLines, before)
  const afters = occurrences(newLines, after)
  if (befores.length > 0 && afters.length > 0) {
    for (const b of [...befores].sort((x, y) => Math.abs(x - (from - 1 - before.length)) - Math.abs(y - (from - 1 - before.length)))) {
      const first = b + before.length
      const next = afters.filter((a) => a >= first && a - first <= Math.max(2 * length, length + 20))
      if (next.length > 0) {
        const last = nearest(next, first + length) - 1
        if (last >= first) return { status: 'changed', start: first + 1, end: last + 1 }
        return { status: 'vanished', start: null, end: null }
      }
    }
  }

  // 3. Rewritten a little: most of the cited distinctive lines still stand together (a few lines may have come between).
  const marks = cited.filter(distinctive)
  if (marks.length >= 2) {
    const slack = Math.max(2, Math.ceil(length / 2))
    const starts = new Set<number>()
    for (const [offset, line] of cited.entries()) {
      if (!distinctive(line)) continue
      for (const [index, candidate] of newLines.entries()) if (same(candidate, line)) starts.add(Math.max(0, index - offset))
    }
    let best: { at: number; count: number } | null = null
    for (const at of [...starts].sort((x, y) => Math.abs(x - (from - 1)) - Math.abs(y - (from - 1)))) {
      const window = newLines.slice(at, at + length + slack)
      const count = marks.filter((line) => window.some((candidate) => same(candidate, line))).length
      if (!best || count > best.count) best = { at, count }
    }
    if (best && best.count * 2 > marks.length) return placed(best.at, 'changed')
  }

  // 4. Only one side of the surroundings stands: the cited lines follow it (or precede it).
  if (befores.length > 0) return placed(nearest(befores, from - 1 - before.length) + before.length, 'changed')
  if (afters.length > 0) return placed(Math.max(0, nearest(afters, to) - length), 'changed')
  return { status: 'vanished', start: null, end: null }
}

/** How alike two versions of a file are (0..1): the share of lines they have in common, as git's rename detection judges. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  const counts = new Map<string, number>()
  for (const line of a) counts.set(line.trimEnd(), (counts.get(line.trimEnd()) ?? 0) + 1)
  let common = 0
  for (const line of b) {
    const left = counts.get(line.trimEnd()) ?? 0
    if (left > 0) {
      common++
      counts.set(line.trimEnd(), left - 1)
    }
  }
  return common / Math.max(a.length, b.length)
}
