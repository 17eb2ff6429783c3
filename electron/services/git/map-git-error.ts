// The git layer's one error mapper: isomorphic-git's errors and the file system's become GembaErrors
// with a sentence for the leader and the next step (a GembaError passes through as it is). The cause
// is kept for the log; nothing of the stack reaches the screen.
import { GembaError } from '../../../shared/errors.ts'

interface CodedError {
  readonly code?: unknown
  readonly path?: unknown
  readonly message?: unknown
  readonly data?: { readonly what?: unknown; readonly filepaths?: unknown }
}

export function mapGitError(error: unknown, doing: string): GembaError {
  if (error instanceof GembaError) return error
  const coded = (typeof error === 'object' && error !== null ? error : {}) as CodedError
  const code = typeof coded.code === 'string' ? coded.code : ''
  const where = typeof coded.path === 'string' ? ` (${coded.path})` : ''
  const fail = (data: Omit<ConstructorParameters<typeof GembaError>[0], 'message'> & { reason: string }) => {
    const { reason, ...rest } = data
    return new GembaError({ ...rest, message: `Gemba could not ${doing}: ${reason}.` }, { cause: error })
  }
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return fail({ code: 'storage', reason: `permission was denied${where}`, next: 'Check that your user owns the repository’s files and that no other program holds them.' })
    case 'ENOSPC':
    case 'EDQUOT':
      return fail({ code: 'storage', reason: 'the disk is full', next: 'Free some space, then try again.' })
    case 'EROFS':
      return fail({ code: 'storage', reason: 'the repository is on a read-only disk', next: 'Clone it somewhere you can write.' })
    case 'EBUSY':
    case 'EEXIST':
      return fail({ code: 'conflict', reason: `another program is using a file it needs${where}`, next: 'Wait for it to finish, then try again.' })
    case 'ENOENT':
    case 'ENOTDIR':
      return fail({ code: 'repository_broken', reason: `a file it needs is missing${where}`, next: 'Run `git status` in the repository to see what git makes of it.' })
    case 'NotFoundError':
      return fail({ code: 'repository_broken', reason: `git has no ${String(coded.data?.what ?? 'such object')}`, next: 'Run `git fsck` in the repository, or fetch again.' })
    case 'AlreadyExistsError':
      return fail({ code: 'conflict', reason: `${String(coded.data?.what ?? 'it')} already exists`, next: 'Rename or delete it in git first.' })
    case 'InvalidRefNameError':
      return fail({ code: 'invalid_input', reason: 'that is not a name git accepts for a branch', next: 'Choose another name.' })
    case 'CheckoutConflictError':
      return fail({ code: 'dirty_working_tree', reason: `your edits would be overwritten${Array.isArray(coded.data?.filepaths) ? ` (${coded.data.filepaths.join(', ')})` : ''}`, next: 'Commit, stash or undo those edits first.' })
    case 'UnmergedPathsError':
      return fail({ code: 'refused', reason: 'some files have unresolved conflicts', next: 'Resolve them in git first.' })
    case 'ObjectTypeError':
    case 'ReadObjectFail':
    case 'InternalError':
      return fail({ code: 'repository_broken', reason: `git's data is damaged (${String(coded.message ?? code)})`, next: 'Run `git fsck` in the repository.' })
    default:
      return fail({ code: 'internal', reason: String(coded.message ?? error), next: 'Try again; if it keeps failing, the log has the details.' })
  }
}

/** Runs a git operation, mapping whatever it throws. */
export async function withGitErrors<T>(doing: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw mapGitError(error, doing)
  }
}
