// Objects by id through the handle's object reader: a commit decoded, a blob's bytes. Read-only. The
// plain reads answer null for an object that is missing or damaged; blobContent throws isomorphic-git's
// error for it (mapped by whoever reports it), for the writes that must not go on without it.
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'
import type { ParsedCommit } from './parse-commit.ts'
import { isomorphicCacheOf, objectsOf, type GitRepo } from './repository.ts'

export type { ParsedCommit } from './parse-commit.ts'

export async function readCommit(repo: GitRepo, oid: string): Promise<ParsedCommit | null> {
  return objectsOf(repo).commit(oid)
}

export async function readBlob(repo: GitRepo, oid: string): Promise<Buffer | null> {
  return objectsOf(repo).blob(oid)
}

export async function blobContent(repo: GitRepo, oid: string): Promise<Uint8Array> {
  const blob = await objectsOf(repo).blob(oid)
  if (blob) return blob
  return (await git.readBlob({ fs: gitFs, gitdir: repo.commondir, oid, cache: isomorphicCacheOf(repo) })).blob
}
