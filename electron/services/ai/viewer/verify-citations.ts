// Checks Claude's path:line citations against the repository before the leader sees them: the file
// (or folder) must exist at the session's commit and the line must be within the file. Reads git
// objects at that commit when one is given (else the working tree); never trusts a citation it could
// not check, and never follows a path out of the repository.
import { readFile, stat } from 'node:fs/promises'
import type { CitationCheck } from '../../../../shared/models/ai.ts'
import { GembaError } from '../../../../shared/errors.ts'
import { gitDirsOf, readPathAtCommit } from '../../git/index.ts'
import { type Redactor, withheldRule } from '../../secrets/index.ts'
import { normaliseRepoPath, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'

export interface CitationInput {
  readonly path: string
  readonly line?: number | null | undefined
}

interface Target {
  readonly kind: 'file' | 'folder'
  readonly lines: number | null
  /** Where the path leads through links, when it does (working tree only). */
  readonly realRelative?: string
}

function countLines(bytes: Uint8Array): number {
  let lines = 0
  for (const byte of bytes) if (byte === 0x0a) lines++
  return bytes.byteLength > 0 && bytes[bytes.byteLength - 1] !== 0x0a ? lines + 1 : lines
}

async function atCommit(commondir: Promise<string>, commit: string, path: string): Promise<Target | null> {
  const found = await readPathAtCommit(await commondir, commit, path)
  if (found === null) return null
  return found.kind === 'file' ? { kind: 'file', lines: countLines(found.content) } : { kind: 'folder', lines: null }
}

async function inWorkingTree(root: string, path: string): Promise<Target | null> {
  const resolved = await resolveInsideRepo(root, path, { mustExist: false })
  if (!resolved.exists) return null
  const info = await stat(resolved.absolute)
  if (info.isDirectory()) return { kind: 'folder', lines: null }
  return { kind: 'file', lines: countLines(await readFile(resolved.absolute)), realRelative: resolved.realRelative }
}

export async function verifyCitations(
  root: string,
  commit: string | null,
  citations: readonly CitationInput[],
  redactor: Redactor,
): Promise<CitationCheck[]> {
  const targets = new Map<string, Promise<Target | null>>()
  let commondir: Promise<string> | undefined
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
        (commit ? atCommit((commondir ??= gitDirsOf(root).then((dirs) => dirs.commondir)), commit, path) : inWorkingTree(root, path)).catch(
          (error: unknown) => (error instanceof GembaError && error.code === 'refused' ? Promise.reject(error) : null),
        ),
      )
    let target: Target | null
    try {
      target = await targets.get(path)!
    } catch {
      checks.push({ path, line, status: 'refused', kind: null, lines: null })
      continue
    }
    if (!target) checks.push({ path, line, status: 'missing', kind: null, lines: null })
    else if (target.kind === 'file' && withheldRule(redactor, { relative: path, realRelative: target.realRelative ?? path }))
      checks.push({ path, line, status: 'withheld', kind: 'file', lines: null })
    else if (line !== null && (target.kind === 'folder' || line < 1 || line > (target.lines ?? 0)))
      checks.push({ path, line, status: 'line_out_of_range', kind: target.kind, lines: target.lines })
    else checks.push({ path, line, status: 'verified', kind: target.kind, lines: target.lines })
  }
  return checks
}
