// What a path holds at a commit: a file's bytes, or that it is a folder, or nothing (the commit has no
// such path). Read-only, through the handle's object reader (each tree on the way read once, no whole
// pack loaded). A repository that cannot answer (a missing object, a damaged pack) throws the mapped
// error, so "not there" is never confused with "could not read".
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'
import { mapGitError } from './map-git-error.ts'
import { isomorphicCacheOf, objectsOf, type GitRepo } from './repository.ts'

export type AtCommit = { readonly kind: 'file'; readonly content: Uint8Array } | { readonly kind: 'folder' } | null

export async function readPathAtCommit(repo: GitRepo, commit: string, path: string): Promise<AtCommit> {
  if (path === '') return { kind: 'folder' }
  const fast = await walk(repo, commit, path)
  if (fast !== undefined) return fast
  // An object our reader could not give: isomorphic-git reads it again and says what is wrong.
  try {
    return {
      kind: 'file',
      content: (await git.readBlob({ fs: gitFs, gitdir: repo.commondir, oid: commit, filepath: path, cache: isomorphicCacheOf(repo) }))
        .blob,
    }
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
export async function readFileAtCommit(repo: GitRepo, commit: string, path: string): Promise<Uint8Array | null> {
  const found = await readPathAtCommit(repo, commit, path)
  return found?.kind === 'file' ? found.content : null
}

/** The walk by our reader; undefined when an object on the way could not be read by it. */
async function walk(repo: GitRepo, commit: string, path: string): Promise<AtCommit | undefined> {
  const objects = objectsOf(repo)
  const parsed = await objects.commit(commit)
  if (!parsed) return undefined
  let tree = parsed.tree
  const names = path.split('/').filter((name) => name !== '' && name !== '.')
  for (const [index, name] of names.entries()) {
    const entries = await objects.tree(tree)
    if (!entries) return undefined
    const entry = entries.find((candidate) => candidate.name === name)
    if (!entry) return null
    if (index === names.length - 1) {
      if (entry.isTree) return { kind: 'folder' }
      // A submodule's commit is another repository's: no file here.
      if (entry.mode === 0o160000) return null
      const content = await objects.blob(entry.oid)
      return content ? { kind: 'file', content } : undefined
    }
    if (!entry.isTree) return null
    tree = entry.oid
  }
  return { kind: 'folder' }
}
