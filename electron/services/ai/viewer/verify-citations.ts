// Checks Claude's path:line citations against the repository before the leader sees them: the file
// (or folder) must exist in the call's snapshot (at its commit, or in the working tree for a file the
// leader has edited, as the coach read it) and the line must be within the file. Never trusts a
// citation it could not check, and never follows a path out of the repository.
import type { CitationCheck } from '../../../../shared/models/ai.ts'
import { GembaError } from '../../../../shared/errors.ts'
import { readInSnapshot, withRepository, type GitRepo, type ReadSide, type RepoSnapshot } from '../../git/git-layer.ts'
import { type Redactor, withheldRule } from '../../secrets/index.ts'
import { normaliseRepoPath, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'

export interface CitationInput {
  readonly path: string
  readonly line?: number | null | undefined
}

interface Target {
  readonly kind: 'file' | 'folder'
  readonly lines: number | null
  /** Where the path leads through links, when it does. */
  readonly realRelative: string
  readonly side: ReadSide
}

function countLines(bytes: Uint8Array): number {
  let lines = 0
  for (const byte of bytes) if (byte === 0x0a) lines++
  return bytes.byteLength > 0 && bytes[bytes.byteLength - 1] !== 0x0a ? lines + 1 : lines
}

async function targetOf(repo: GitRepo, snapshot: RepoSnapshot, path: string): Promise<Target | null> {
  const resolved = await resolveInsideRepo(snapshot.root, path, { mustExist: false })
  const read = await readInSnapshot(repo, snapshot, resolved.realRelative, resolved.absolute)
  if (read === null) return null
  const base = { realRelative: resolved.realRelative, side: read.side }
  return read.kind === 'file' ? { kind: 'file', lines: countLines(read.content), ...base } : { kind: 'folder', lines: null, ...base }
}

export async function verifyCitations(
  snapshot: RepoSnapshot,
  citations: readonly CitationInput[],
  redactor: Redactor,
): Promise<CitationCheck[]> {
  return withRepository(snapshot.root, (repo) => verifyIn(repo, snapshot, citations, redactor))
}

async function verifyIn(
  repo: GitRepo,
  snapshot: RepoSnapshot,
  citations: readonly CitationInput[],
  redactor: Redactor,
): Promise<CitationCheck[]> {
  const targets = new Map<string, Promise<Target | null>>()
  const checks: CitationCheck[] = []
  for (const citation of citations) {
    const line = citation.line ?? null
    let path: string
    try {
      path = normaliseRepoPath(citation.path)
    } catch {
      checks.push({ path: citation.path, line, status: 'refused', kind: null, lines: null })
      continue
    }
    if (!targets.has(path))
      targets.set(
        path,
        targetOf(repo, snapshot, path).catch((error: unknown) =>
          error instanceof GembaError && error.code === 'refused' ? Promise.reject(error) : null,
        ),
      )
    let target: Target | null
    try {
      target = await targets.get(path)!
    } catch {
      checks.push({ path, line, status: 'refused', kind: null, lines: null })
      continue
    }
    if (!target) {
      checks.push({ path, line, status: 'missing', kind: null, lines: null })
      continue
    }
    const read = { readAt: target.side }
    if (target.kind === 'file' && withheldRule(redactor, { relative: path, realRelative: target.realRelative }))
      checks.push({ path, line, status: 'withheld', kind: 'file', lines: null, ...read })
    else if (line !== null && (target.kind === 'folder' || line < 1 || line > (target.lines ?? 0)))
      checks.push({ path, line, status: 'line_out_of_range', kind: target.kind, lines: target.lines, ...read })
    else checks.push({ path, line, status: 'verified', kind: target.kind, lines: target.lines, ...read })
  }
  return checks
}
