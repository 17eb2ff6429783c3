// What a path holds at a commit: a file's bytes, or that it is a folder, or nothing (the commit has no
// such path). Read-only. A repository that cannot answer (a missing object, a damaged pack) throws the
// mapped error, so "not there" is never confused with "could not read".
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'
import { mapGitError } from './map-git-error.ts'

export type AtCommit = { readonly kind: 'file'; readonly content: Uint8Array } | { readonly kind: 'folder' } | null

/** `commondir`: the repository's common git directory (where its objects are); `cache`: isomorphic-git's, shared by a run of reads. */
export async function readPathAtCommit(commondir: string, commit: string, path: string, cache: object = {}): Promise<AtCommit> {
  if (path === '') return { kind: 'folder' }
  try {
    return { kind: 'file', content: (await git.readBlob({ fs: gitFs, gitdir: commondir, oid: commit, filepath: path, cache })).blob }
  } catch (error) {
    const coded = error as { code?: unknown; data?: { what?: unknown; expected?: unknown; actual?: unknown } } | null
    if (coded?.code === 'ObjectTypeError' && coded.data?.expected === 'blob' && coded.data.actual === 'tree') return { kind: 'folder' }
    // A path through a file (src/a.ts/b), or a path the commit does not have.
    if (coded?.code === 'ObjectTypeError' && coded.data?.expected === 'tree') return null
    if (coded?.code === 'NotFoundError' && String(coded.data?.what ?? '').startsWith('file or directory found at')) return null
    throw mapGitError(error, `read ${path} at commit ${commit.slice(0, 7)}`)
  }
}

/** The file's bytes at the commit; null when it is not a file there. */
export async function readFileAtCommit(commondir: string, commit: string, path: string, cache?: object): Promise<Uint8Array | null> {
  const found = await readPathAtCommit(commondir, commit, path, cache)
  return found?.kind === 'file' ? found.content : null
}
