// Re-anchors a past session's citations to the repository as it is now: each cited file is read at the
// session's commit and at another (HEAD), following a rename the way git detects one (a file added
// since that shares at least half its lines with the one that went), and the cited lines are found
// there by content (anchor-lines.ts). Read-only; what it cannot read it reports as unknown.
import type { CitationAnchor, JournalCitation } from '../../../shared/models/journal.ts'
import { anchorLines, similarity } from './anchor-lines.ts'
import { filesAtCommit } from './head-files.ts'
import { readFileAtCommit } from './read-at-commit.ts'
import type { GitRepo } from './repository.ts'

const RENAME_SIMILARITY = 0.5
const MAX_RENAME_CANDIDATES = 400

interface Versions {
  readonly repo: GitRepo
  readonly fromCommit: string
  readonly toCommit: string
}

function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

async function linesAt(versions: Versions, commit: string, path: string): Promise<string[] | null> {
  const blob = await readFileAtCommit(versions.repo, commit, path).catch(() => null)
  return blob === null ? null : splitLines(new TextDecoder().decode(blob))
}

const extension = (path: string) => /\.[^./]+$/.exec(path)?.[0] ?? ''
const baseName = (path: string) => path.split('/').at(-1) ?? path

/** The path a file that is gone from HEAD was renamed to, by content; null when it was deleted. */
async function renamedTo(
  versions: Versions,
  path: string,
  oldLines: readonly string[],
  added: () => Promise<readonly string[]>,
): Promise<{ path: string; lines: string[] } | null> {
  // Likely candidates first: the same name elsewhere, then the same kind of file.
  const candidates = [...(await added())].sort(
    (a, b) =>
      Number(baseName(b) === baseName(path)) - Number(baseName(a) === baseName(path)) ||
      Number(extension(b) === extension(path)) - Number(extension(a) === extension(path)),
  )
  let best: { path: string; lines: string[]; score: number } | null = null
  for (const candidate of candidates.slice(0, MAX_RENAME_CANDIDATES)) {
    const lines = await linesAt(versions, versions.toCommit, candidate)
    if (!lines) continue
    const score = similarity(oldLines, lines)
    if (score >= RENAME_SIMILARITY && (!best || score > best.score)) best = { path: candidate, lines, score }
    if (best?.score === 1) break
  }
  return best
}

export async function anchorCitations(
  repo: GitRepo,
  fromCommit: string,
  toCommit: string,
  citations: readonly JournalCitation[],
  signal?: AbortSignal,
): Promise<CitationAnchor[]> {
  const versions: Versions = { repo, fromCommit, toCommit }
  let addedPaths: Promise<string[]> | undefined
  // Files at HEAD that were not at the session's commit: where a renamed file can have gone.
  const added = () =>
    (addedPaths ??= Promise.all([filesAtCommit(repo, fromCommit), filesAtCommit(repo, toCommit)]).then(
      ([before, after]) => {
        const old = new Set(before)
        return after.filter((path) => !old.has(path))
      },
      () => [],
    ))
  const files = new Map<string, Promise<{ old: string[] | null; now: { path: string; lines: string[] } | null }>>()
  const fileOf = (path: string) => {
    if (!files.has(path)) {
      files.set(
        path,
        (async () => {
          const old = await linesAt(versions, fromCommit, path)
          if (!old) return { old: null, now: null }
          const same = await linesAt(versions, toCommit, path)
          return { old, now: same ? { path, lines: same } : await renamedTo(versions, path, old, added) }
        })(),
      )
    }
    return files.get(path)!
  }
  const anchors: CitationAnchor[] = []
  for (const citation of citations) {
    signal?.throwIfAborted()
    const path = citation.path.replace(/^\.\//, '')
    const cited = { path, line: citation.line ?? null, endLine: citation.endLine ?? citation.line ?? null }
    const { old, now } = await fileOf(path)
    // A file the session's commit did not have, or a line beyond its end: there was nothing there to follow.
    if (!old || (cited.line !== null && cited.line > old.length)) {
      anchors.push({ ...cited, status: 'unknown', now: null })
      continue
    }
    if (!now) {
      anchors.push({ ...cited, status: 'vanished', now: null })
      continue
    }
    const samePath = now.path === path
    if (cited.line === null) {
      const identical = old.length === now.lines.length && old.every((line, index) => line === now.lines[index])
      anchors.push({
        ...cited,
        status: !samePath ? 'moved' : identical ? 'unchanged' : 'changed',
        now: { path: now.path, line: null, endLine: null },
      })
      continue
    }
    const anchor = anchorLines(old, now.lines, cited.line, cited.endLine ?? cited.line, samePath)
    anchors.push({
      ...cited,
      status: anchor.status,
      now: anchor.start === null ? null : { path: now.path, line: anchor.start, endLine: anchor.end },
    })
  }
  return anchors
}
