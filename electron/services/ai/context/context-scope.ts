// The folder a coach thread is scoped to, checked: a path inside the repository (never absolute, never
// climbing out with '..', never into .git, never through a link that leads out), to a folder that is
// there. Answers it normalised ('src/api'), or null for the whole repository. Reads the disk only to
// follow the path; refusals are GembaErrors that say what a scope is.
import { stat } from 'node:fs/promises'
import { GembaError } from '../../../../shared/errors.ts'
import { normaliseRepoPath, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'

const NEXT = 'Choose a folder of the repository, such as src, or leave the scope empty for the whole repository.'

function refusedScope(scope: string, why: string): GembaError {
  const shown = scope.length > 120 ? `${scope.slice(0, 117)}...` : scope
  return new GembaError({ code: 'invalid_input', message: `The scope "${shown}" ${why}.`, next: NEXT, details: { field: 'scope' } })
}

/** The reason a path guard refused, in the scope's words ("leads outside the repository"). */
function reasonOf(error: GembaError): string {
  return /^The path ".*" (.+)\.$/s.exec(error.message)?.[1] ?? 'is not a folder of the repository'
}

/** Lexical check only (no disk): the normalised scope, or null for none; throws for a path that leaves the repository. */
export function normaliseContextScope(scope: string | null | undefined): string | null {
  if (scope === null || scope === undefined || scope.trim() === '') return null
  try {
    return normaliseRepoPath(scope) || null
  } catch (error) {
    if (error instanceof GembaError) throw refusedScope(scope, reasonOf(error))
    throw error
  }
}

/** The scope checked against the repository at `root`: inside it, through links too, and a folder. */
export async function checkContextScope(root: string, scope: string | null | undefined): Promise<string | null> {
  const normalised = normaliseContextScope(scope)
  if (normalised === null) return null
  const resolved = await resolveInsideRepo(root, normalised).catch((error: unknown) => {
    if (!(error instanceof GembaError)) throw error
    throw error.code === 'not_found' ? refusedScope(scope!, 'is not a folder of the repository') : refusedScope(scope!, reasonOf(error))
  })
  if (!(await stat(resolved.absolute)).isDirectory()) throw refusedScope(scope!, 'is a file; a scope is a folder')
  return normalised
}
