// Checks Claude's citations of search results against the repository by content: the cited lines must
// be, word for word (after the same redaction as what was sent), the lines the file holds in the
// revision they were read at: the snapshot's commit, or the working tree for an excerpt read from it
// (a file the leader has edited). A citation of a staged edit (not in the repository yet) counts as
// changed, one of a file Gemba cannot read as missing; nothing is trusted silently. Read-only; never
// follows a path out of the repository.
import { readFile } from 'node:fs/promises'
import type { CitationCheck } from '../../../../shared/models/ai.ts'
import { readFileAtCommit, withRepository, type GitRepo, type ReadSide, type RepoSnapshot } from '../../git/git-layer.ts'
import type { Redactor } from '../../secrets/index.ts'
import { normaliseRepoPath, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import type { MappedCitation } from './cited-answer.ts'
import { readFromWorkingTree } from './excerpt-blocks.ts'

const NUMBERED = /^\s*(\d+)\t(.*)$/

/** The cited text's lines by number ("12\tcode" rows, as Gemba numbers them). */
export function citedLines(citedText: string): Map<number, string> {
  const lines = new Map<number, string>()
  for (const row of citedText.split('\n')) {
    const match = NUMBERED.exec(row)
    if (match) lines.set(Number(match[1]), match[2]!)
  }
  return lines
}

function sameLine(actual: string, cited: string): boolean {
  const a = actual.trim()
  const c = cited.trim().replace(/…$/, '')
  return a === c || (c.length >= 40 && a.startsWith(c))
}

async function fileText(repo: GitRepo, snapshot: RepoSnapshot, side: ReadSide, path: string): Promise<string | null> {
  try {
    if (side === 'commit' && snapshot.commit !== null) {
      const bytes = await readFileAtCommit(repo, snapshot.commit, path)
      return bytes === null ? null : new TextDecoder().decode(bytes)
    }
    const resolved = await resolveInsideRepo(snapshot.root, path)
    return await readFile(resolved.absolute, 'utf8')
  } catch {
    return null
  }
}

/** One check per citation, in order, each against the revision its excerpt was read at in `snapshot`. */
export async function verifyCitedLines(
  snapshot: RepoSnapshot,
  citations: readonly MappedCitation[],
  redactor: Redactor,
): Promise<CitationCheck[]> {
  return withRepository(snapshot.root, async (repo) => {
    const files = new Map<string, Promise<string[] | null>>()
    const linesOf = (path: string, side: ReadSide): Promise<string[] | null> => {
      const key = `${side}:${path}`
      if (!files.has(key)) {
        files.set(
          key,
          fileText(repo, snapshot, side, path).then(async (text) => {
            if (text === null) return null
            const redacted = (await redactor.redact(path, text)).text.split('\n')
            if (redacted.at(-1) === '') redacted.pop()
            return redacted
          }),
        )
      }
      return files.get(key)!
    }
    const checks: CitationCheck[] = []
    for (const citation of citations) {
      const base = { line: citation.startLine, endLine: citation.endLine, checkedBy: 'content' as const }
      let path: string
      try {
        path = normaliseRepoPath(citation.path)
      } catch {
        checks.push({ path: citation.path, ...base, status: 'refused', kind: null, lines: null })
        continue
      }
      if (redactor.exclusion(path)) {
        checks.push({ path, ...base, status: 'withheld', kind: 'file', lines: null })
        continue
      }
      if (citation.revision === 'staged') {
        checks.push({ path, ...base, status: 'changed', kind: 'file', lines: null })
        continue
      }
      const side: ReadSide = readFromWorkingTree(citation.revision) || snapshot.commit === null ? 'working tree' : 'commit'
      const read = { readAt: side }
      const lines = await linesOf(path, side)
      if (lines === null) {
        checks.push({ path, ...base, status: 'missing', kind: null, lines: null, ...read })
        continue
      }
      const cited = citedLines(citation.citedText)
      const inRange = citation.startLine >= 1 && citation.endLine <= lines.length
      const matches =
        inRange &&
        cited.size > 0 &&
        [...cited].every(([line, text]) => line >= citation.startLine && line <= citation.endLine && sameLine(lines[line - 1] ?? '', text))
      checks.push({
        path,
        ...base,
        status: !inRange ? 'line_out_of_range' : matches ? 'verified' : 'changed',
        kind: 'file',
        lines: lines.length,
        ...read,
      })
    }
    return checks
  })
}
