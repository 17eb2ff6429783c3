// A blob's bytes by its id (what a file held when it was committed). Read-only; a missing blob throws.
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'

export async function blobContent(commondir: string, oid: string): Promise<Uint8Array> {
  return (await git.readBlob({ fs: gitFs, gitdir: commondir, oid })).blob
}
