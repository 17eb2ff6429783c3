// The path guard every repository tool goes through (read tools here, the edit tools of the
// small-change step later): a requested path must stay inside the repository root, never touch .git,
// never escape through a symlink. It also says how many names (hard links) a file has, so every reader
// can withhold a second name for a credentials file. Refusals are GembaErrors with code 'refused';
// never follows a path it has not checked.
import { lstat, realpath, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'

export const MAX_PATH_LENGTH = 1024

export interface RepoPath {
  /** Absolute path on disk: the real path when the target exists. */
  readonly absolute: string
  /** Repository-relative, '/'-separated, '' for the root. */
  readonly relative: string
  /**
   * What `relative` resolves to through links, repository-relative and '/'-separated (the same when no
   * link is involved). Exclusion rules must look at both: a link named innocently can point at a key.
   */
  readonly realRelative: string
  readonly exists: boolean
  /**
   * How many names the file has on its disk (1 for a folder or a missing path). More than one: it is a
   * hard link, and its other name may be a credentials file anywhere on the disk (hardLinkRule).
   */
  readonly links: number
}

/**
 * The rule that withholds a hard-linked file: a second name for a file can be a second name for
 * `.pgpass`, `.env` or a key, inside the repository or anywhere else on the same disk, where no rule
 * by name can see it. Git never checks a file out as a hard link, so this costs a team's own files
 * nothing. null for a file with one name.
 */
export function hardLinkRule(path: Pick<RepoPath, 'links'>): string | null {
  return path.links > 1 ? 'hard-link' : null
}

function refuse(requested: string, why: string): GembaError {
  const shown = requested.length > 120 ? `${requested.slice(0, 117)}...` : requested
  return new GembaError({
    code: 'refused',
    message: `The path "${shown.replaceAll('\0', '\\0')}" ${why}.`,
    next: 'Use a path relative to the repository root, such as src/index.ts.',
    details: { path: shown.replaceAll('\0', '\\0') },
  })
}

function isGitSegment(segment: string): boolean {
  return segment.toLowerCase() === '.git'
}

/**
 * Lexical check and normalisation (no disk access): returns the '/'-separated relative path, or throws
 * 'refused' for absolute paths, NUL bytes, '..' that climbs out of the root, and anything in .git.
 */
export function normaliseRepoPath(requested: string): string {
  if (typeof requested !== 'string') throw refuse(String(requested), 'is not text')
  if (requested.length > MAX_PATH_LENGTH) throw refuse(requested, `is longer than ${MAX_PATH_LENGTH} characters`)
  if (requested.includes('\0')) throw refuse(requested, 'contains a NUL byte')
  // Backslashes are separators too: a model trained on Windows paths may send them.
  const path = requested.trim().replaceAll('\\', '/')
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw refuse(requested, 'is absolute; only paths inside the repository are allowed')
  if (path.startsWith('~')) throw refuse(requested, 'points into a home folder; only paths inside the repository are allowed')
  const segments: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (segments.length === 0) throw refuse(requested, 'leads outside the repository')
      segments.pop()
      continue
    }
    if (isGitSegment(segment)) throw refuse(requested, 'is inside .git, which Gemba never reads or changes')
    segments.push(segment)
  }
  return segments.join('/')
}

function isInside(realRoot: string, candidate: string): boolean {
  return candidate === realRoot || candidate.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch {
    return false
  }
}

/**
 * Resolves `requested` inside `root` on disk. The nearest existing ancestor (the target itself when it
 * exists) must have its real path inside the root's real path and outside .git, so a symlink cannot
 * lead anywhere else. `mustExist` (the default) refuses missing targets with 'not_found'.
 */
export async function resolveInsideRepo(
  root: string,
  requested: string,
  options: { readonly mustExist?: boolean } = {},
): Promise<RepoPath> {
  const relativePath = normaliseRepoPath(requested)
  const realRoot = await realpath(root)
  const lexical = relativePath === '' ? realRoot : join(realRoot, ...relativePath.split('/'))
  let probe = lexical
  while (!(await exists(probe))) {
    if (probe === realRoot) break
    probe = dirname(probe)
  }
  const targetExists = probe === lexical
  // Safety first, existence second: a path through an outside link is refused, never 'not found'.
  let real: string
  try {
    real = await realpath(probe)
  } catch {
    throw refuse(requested, 'is a broken link')
  }
  if (!isInside(realRoot, real)) throw refuse(requested, 'leads outside the repository through a link')
  if (relative(realRoot, real).split(sep).some(isGitSegment)) throw refuse(requested, 'leads into .git, which Gemba never reads or changes')
  if (!targetExists && options.mustExist !== false) {
    throw new GembaError({
      code: 'not_found',
      message: `There is no "${relativePath}" in the repository.`,
      next: 'List the folder to see what is there.',
      details: { path: relativePath },
    })
  }
  const absolute = targetExists ? real : join(real, relative(probe, lexical))
  const info = targetExists ? await stat(real).catch(() => null) : null
  const links = info?.isFile() ? info.nlink : 1
  return { absolute, relative: relativePath, realRelative: relative(realRoot, absolute).split(sep).join('/'), exists: targetExists, links }
}
