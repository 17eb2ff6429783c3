// Lands a change on a new gemba/ branch so that a process killed at any instant leaves either the repository
// as it was or the finished branch: the commit is built off to the side (objects only), an intent file
// names what is about to change, then the branch ref, the files, the index and HEAD follow, and the
// intent is removed last. `recoverInterruptedLanding` rolls an interrupted landing back from the intent.
// Every git write goes through the git layer (trees and index entries kept byte for byte, git's lock
// files honoured). Never moves the original branch's ref; never writes outside the root.
import { readFile, readdir, rm, rmdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { writeFileAtomic } from '../../fs/atomic-write.ts'
import { resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import {
  blobContent,
  buildCommit,
  createBranch,
  deleteBranchRef,
  entryAt,
  fileAsCommitted,
  gitDirsOf,
  pointHeadAt,
  recordInIndex,
  removeLocksTakenSince,
  resolveCommit,
  treeOfCommit,
  type BlobRef,
  type GitDirs,
} from '../../git/index.ts'

const INTENT = 'gemba-landing.json'

export interface LandingAuthor {
  readonly name: string
  readonly email: string
}

export interface Landing {
  readonly root: string
  /** Short name of the new branch (gemba/…). */
  readonly branch: string
  /** The branch HEAD was on (short name), or null when detached. */
  readonly originalBranch: string | null
  readonly base: string
  /** Repository-relative path → its new bytes; null: take the file as it is on disk (absent: deleted). */
  readonly files: ReadonlyMap<string, Uint8Array | null>
  readonly message: string
  readonly author: LandingAuthor
  /** A step reached (for tests that stop the process at a known point). */
  readonly onStep?: (step: 'built' | 'intent' | 'branch' | 'files' | 'index' | 'head') => void
}

interface Intent {
  readonly branch: string
  readonly originalBranch: string | null
  readonly base: string
  readonly commit: string
  readonly paths: readonly string[]
  /** True when Gemba wrote the files (the agent's change); false: they are the leader's own edits. */
  readonly wroteFiles: boolean
}

const intentPath = (dirs: GitDirs) => join(dirs.gitdir, INTENT)

/** Builds, then lands, the commit; answers its id. */
export async function landChange(landing: Landing): Promise<string> {
  const { root } = landing
  const dirs = await gitDirsOf(root)
  const files = new Map<string, { content: Uint8Array; mode?: string } | null>()
  for (const [path, bytes] of landing.files) files.set(path, bytes === null ? await fileAsCommitted(root, path) : { content: bytes })
  const built = await buildCommit(dirs, { parent: landing.base, files, message: landing.message, author: landing.author })
  landing.onStep?.('built')

  const wroteFiles = [...landing.files.values()].some((text) => text !== null)
  const intent: Intent = {
    branch: landing.branch,
    originalBranch: landing.originalBranch,
    base: landing.base,
    commit: built.commit,
    paths: [...landing.files.keys()],
    wroteFiles,
  }
  await writeFileAtomic(intentPath(dirs), JSON.stringify(intent))
  landing.onStep?.('intent')
  await createBranch(dirs, landing.branch, built.commit)
  landing.onStep?.('branch')
  for (const [path, bytes] of landing.files) {
    if (bytes === null) continue
    const { absolute } = await resolveInsideRepo(root, path, { mustExist: false })
    // An edited file keeps its permissions (a script stays executable).
    const mode = await stat(absolute).then(
      (info) => info.mode & 0o777,
      () => undefined,
    )
    await writeFileAtomic(absolute, bytes, { makeFolder: true, ...(mode === undefined ? {} : { mode }) })
  }
  landing.onStep?.('files')
  await recordInIndex(dirs, built.blobs)
  landing.onStep?.('index')
  await pointHeadAt(dirs, landing.branch)
  landing.onStep?.('head')
  await rm(intentPath(dirs), { force: true })
  return built.commit
}

/**
 * Puts back what an interrupted landing changed: HEAD on the original branch (or commit), the files
 * Gemba wrote and their index entries as at the base commit (the leader's own edits stay on disk), the
 * unfinished branch deleted. Idempotent; answers the branch it removed, or null when there was nothing.
 */
export async function recoverInterruptedLanding(root: string): Promise<{ branch: string; paths: readonly string[] } | null> {
  const dirs = await gitDirsOf(root)
  const intent = await readFile(intentPath(dirs), 'utf8').then(
    (text) => JSON.parse(text) as Intent,
    () => null,
  )
  if (!intent) return null
  // Killed between taking a lock and renaming it, the landing left HEAD.lock or index.lock behind.
  const intentWritten = (await stat(intentPath(dirs))).mtimeMs
  await removeLocksTakenSince(dirs, intentWritten)
  await pointHeadAt(dirs, intent.originalBranch ?? intent.base)
  const baseTree = await treeOfCommit(dirs.commondir, intent.base)
  const originals = new Map<string, BlobRef | null>()
  for (const path of intent.paths) {
    const original = await entryAt(dirs.commondir, baseTree, path)
    originals.set(path, original)
    if (!intent.wroteFiles) continue
    const { absolute } = await resolveInsideRepo(root, path, { mustExist: false })
    if (original) await writeFileAtomic(absolute, await blobContent(dirs.commondir, original.oid))
    else await rm(absolute, { force: true })
    await removeTemps(dirname(absolute))
    if (!original) await removeEmptyFolders(root, dirname(absolute))
  }
  await recordInIndex(dirs, originals)
  if ((await resolveCommit(dirs, `refs/heads/${intent.branch}`)) === intent.commit) await deleteBranchRef(dirs, intent.branch)
  await rm(intentPath(dirs), { force: true })
  return { branch: intent.branch, paths: intent.paths }
}

/** Whether an interrupted landing waits to be rolled back (its intent file is there). */
export async function hasInterruptedLanding(root: string): Promise<boolean> {
  const dirs = await gitDirsOf(root).catch(() => null)
  return (
    dirs !== null &&
    (await readFile(intentPath(dirs)).then(
      () => true,
      () => false,
    ))
  )
}

/** Temp files of writeFileAtomic (`.<name>.<12 hex>.tmp`) a killed write left in a folder. */
async function removeTemps(folder: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (/^\..+\.[0-9a-f]{12}\.tmp$/.test(name)) await rm(join(folder, name), { force: true })
  }
}

/** Folders a created file needed, now empty again, up to (not including) the root. */
async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  for (let current = folder; current.startsWith(`${root}/`); current = dirname(current)) {
    if ((await readdir(current).catch(() => ['?'])).length > 0) return
    await rmdir(current).catch(() => undefined)
  }
}
