// The git layer's one error mapper: isomorphic-git's errors and the file system's become GembaErrors
// with a sentence for the leader and the next step (a GembaError passes through as it is). Every place
// that catches a git error to report it goes through here, so none reaches the page as "Something went
// wrong". The cause is kept for the log; nothing of the stack reaches the screen.
import { GembaError } from '../../../shared/errors.ts'

interface CodedError {
  readonly code?: unknown
  readonly name?: unknown
  readonly path?: unknown
  readonly message?: unknown
  readonly data?: {
    readonly what?: unknown
    readonly filepaths?: unknown
    readonly message?: unknown
    readonly oid?: unknown
    readonly actual?: unknown
    readonly expected?: unknown
    readonly filepath?: unknown
    readonly role?: unknown
    readonly noun?: unknown
    readonly where?: unknown
  }
}

const OID = /^[0-9a-f]{40}$/
const short = (oid: string) => (OID.test(oid) ? oid.slice(0, 7) : oid)
const STATUS = 'Run `git status` in the repository to see what git makes of it.'
const FSCK = 'Run `git fsck` in the repository to see what is damaged; fetching again or a fresh clone brings missing objects back.'

type Failure = Omit<ConstructorParameters<typeof GembaError>[0], 'message'> & { reason: string }

/** What isomorphic-git could not find (`data.what`): an object, a path at a commit, a ref, a repository. */
function notFound(what: string): Failure {
  if (OID.test(what))
    return {
      code: 'repository_broken',
      reason: `the git object ${short(what)} is missing (the repository is incomplete or damaged)`,
      next: FSCK,
    }
  const atCommit = /^file or directory found at "([0-9a-f]{40}):(.*)"$/.exec(what)
  if (atCommit)
    return {
      code: 'not_found',
      reason: `there is no ${atCommit[2]} at commit ${short(atCommit[1]!)}`,
      next: 'Check the path; the file may have been added, moved or deleted since.',
    }
  if (what.startsWith('git root for '))
    return {
      code: 'not_a_repository',
      reason: `${what.slice('git root for '.length)} is not inside a git repository`,
      next: 'Choose the folder of a local clone.',
    }
  if (what.startsWith('refs/heads/'))
    return {
      code: 'not_found',
      reason: `there is no branch named ${what.slice('refs/heads/'.length)}`,
      next: 'Check the branch name with `git branch`.',
    }
  if (what === 'HEAD' || what.startsWith('refs/'))
    return { code: 'not_found', reason: `git has no ${what}`, next: 'Run `git status` in the repository to see where HEAD is.' }
  return { code: 'not_found', reason: `git has no ${what}`, next: STATUS }
}

function failureOf(coded: CodedError, code: string, where: string, path: string): Failure {
  switch (code) {
    case 'AbortError':
      return { code: 'cancelled', reason: 'it was cancelled' }
    case 'EACCES':
    case 'EPERM':
      return {
        code: 'storage',
        reason: `permission was denied${where}`,
        next: 'Check that your user owns the repository’s files and that no other program holds them.',
      }
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'storage', reason: 'the disk is full', next: 'Free some space, then try again.' }
    case 'EROFS':
      return { code: 'storage', reason: 'the repository is on a read-only disk', next: 'Clone it somewhere you can write.' }
    case 'EMFILE':
    case 'ENFILE':
      return { code: 'unavailable', reason: 'too many files are open at once', next: 'Close some programs, then try again.' }
    case 'EEXIST':
      if (path.endsWith('.lock')) {
        return {
          code: 'conflict',
          reason: `another git program holds ${path} right now`,
          next: `Wait for it to finish. If no git program is running, one crashed: delete ${path} and try again.`,
        }
      }
      return { code: 'conflict', reason: `something is already there${where}`, next: 'Move it out of the way, then try again.' }
    case 'EBUSY':
      return {
        code: 'conflict',
        reason: `another program is using a file it needs${where}`,
        next: 'Wait for it to finish, then try again.',
      }
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'repository_broken', reason: `a file it needs is missing${where}`, next: STATUS }
    case 'EISDIR':
      return { code: 'repository_broken', reason: `a folder is where a file should be${where}`, next: STATUS }
    case 'NotFoundError':
      return notFound(String(coded.data?.what ?? 'such object'))
    case 'AlreadyExistsError':
      return {
        code: 'conflict',
        reason: `${typeof coded.data?.noun === 'string' ? `the ${coded.data.noun} ` : ''}${String(coded.data?.where ?? coded.data?.what ?? 'it')} already exists`,
        next: 'Rename or delete it in git first.',
      }
    case 'InvalidRefNameError':
      return { code: 'invalid_input', reason: 'that is not a name git accepts for a branch', next: 'Choose another name.' }
    case 'MissingNameError':
      return {
        code: 'invalid_input',
        reason: `git needs a name for the commit’s ${String(coded.data?.role ?? 'author')}`,
        next: 'Set it with `git config user.name "Your Name"`, then try again.',
      }
    case 'CheckoutConflictError':
      return {
        code: 'dirty_working_tree',
        reason: `your edits would be overwritten${Array.isArray(coded.data?.filepaths) ? ` (${coded.data.filepaths.join(', ')})` : ''}`,
        next: 'Commit, stash or undo those edits first.',
      }
    case 'UnmergedPathsError':
      return { code: 'refused', reason: 'some files have unresolved conflicts', next: 'Resolve them in git first.' }
    case 'ObjectTypeError': {
      const { oid, actual, expected, filepath } = coded.data ?? {}
      const what = typeof filepath === 'string' && filepath ? filepath : `the object ${short(String(oid ?? ''))}`
      if (actual === 'tree' && expected === 'blob')
        return { code: 'invalid_input', reason: `${what} is a folder, not a file`, next: 'Choose a file inside it.' }
      return {
        code: 'repository_broken',
        reason: `${what} is a ${String(actual ?? 'different object')} where git expected a ${String(expected ?? 'other')}`,
        next: FSCK,
      }
    }
    case 'DecompressionError':
      return { code: 'repository_broken', reason: 'a git object cannot be decompressed (a pack or object file is damaged)', next: FSCK }
    case 'ParseError':
    case 'InvalidOidError':
      return { code: 'repository_broken', reason: `git’s data cannot be read (${String(coded.message ?? code)})`, next: FSCK }
    case 'ReadObjectFail':
    case 'InternalError': {
      // isomorphic-git's InternalError message is a paragraph asking to file a bug; its data says what failed.
      const detail = String(coded.data?.message ?? coded.message ?? code)
      if (/pack/i.test(detail)) return { code: 'repository_broken', reason: `a pack file is damaged (${detail})`, next: FSCK }
      if (/index/i.test(detail))
        return {
          code: 'repository_broken',
          reason: `the git index is damaged (${detail})`,
          next: 'Run `git status`; `git reset` rebuilds a damaged index.',
        }
      return { code: 'repository_broken', reason: `git’s data is damaged (${detail})`, next: FSCK }
    }
    default:
      return {
        code: 'internal',
        reason: String(coded.message ?? coded.name ?? 'an unexpected error'),
        next: 'Try again; if it keeps failing, the log has the details.',
      }
  }
}

export function mapGitError(error: unknown, doing: string): GembaError {
  if (error instanceof GembaError) return error
  const coded = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as CodedError
  const code = typeof coded.code === 'string' ? coded.code : coded.name === 'AbortError' ? 'AbortError' : ''
  const path = typeof coded.path === 'string' ? coded.path : ''
  const { reason, ...rest } = failureOf(coded, code, path ? ` (${path})` : '', path)
  return new GembaError({ ...rest, message: `Gemba could not ${doing}: ${reason}.` }, { cause: error })
}

/** Runs a git operation, mapping whatever it throws. */
export async function withGitErrors<T>(doing: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw mapGitError(error, doing)
  }
}
