// Checks Claude's citations of search results against the repository by content: the cited lines must
// be, word for word (after the same redaction as what was sent), the lines the file holds at the
// session's commit. A citation of a staged edit (not in the repository yet) counts as changed, one of a
// file Gemba cannot read as missing; nothing is trusted silently. Read-only; never follows a path out of the repository.
import { readFile } from 'node:fs/promises'
import type { CitationCheck } from '../../../../shared/models/ai.ts'
import { gitDirsOf, readFileAtCommit } from '../../git/index.ts'
import type { Redactor } from '../../secrets/index.ts'
import { normaliseRepoPath, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import type { MappedCitation } from './cited-answer.ts'

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

async function fileText(root: string, commit: string | null, path: string): Promise<string | null> {
  try {
    if (commit) {
      const bytes = await readFileAtCommit((await gitDirsOf(root)).commondir, commit, path)
      return bytes === null ? null : new TextDecoder().decode(bytes)
    }
    const resolved = await resolveInsideRepo(root, path)
    return await readFile(resolved.absolute, 'utf8')
  } catch {
    return null
  }
}

/**
 * One check per citation, in order. `commit` is the commit the excerpts were read at; a citation read
 * from the working tree is checked against the working tree.
 */
export async function verifyCitedLines(
  root: string,
  commit: string | null,
  citations: readonly MappedCitation[],
  redactor: Redactor,
): Promise<CitationCheck[]> {
  const files = new Map<string, Promise<string[] | null>>()
  const linesOf = (path: string, at: string | null): Promise<string[] | null> => {
    const key = `${at ?? ''}:${path}`
    if (!files.has(key)) {
      files.set(
        key,
        fileText(root, at, path).then(async (text) => {
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
    const at = citation.revision === 'working-tree' ? null : citation.revision === 'staged' ? undefined : commit
    if (at === undefined) {
      checks.push({ path, ...base, status: 'changed', kind: 'file', lines: null })
      continue
    }
    const lines = await linesOf(path, at)
    if (lines === null) {
      checks.push({ path, ...base, status: 'missing', kind: null, lines: null })
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
    })
  }
  return checks
}
