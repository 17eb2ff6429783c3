// Lands a change on a new gemba/ branch so that a process killed at any instant leaves either the repository
// as it was or the finished branch: the commit is built off to the side (objects only), an intent file
// names what is about to change, then the branch ref, the files, the index and HEAD follow, and the
// intent is removed last. `recoverInterruptedLanding` rolls an interrupted landing back from the intent,
// starting with the lock files the landing itself took (each through a witness file the intent names,
// so a lock is removed only when it is provably Gemba's, never another git program's).
// Every git write goes through the git layer (trees and index entries kept byte for byte, git's lock
// files honoured). Never moves the original branch's ref; never writes outside the root.
import { readFile, readdir, rm, rmdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { GembaError } from '../../../../shared/errors.ts'
import { writeFileAtomic } from '../../fs/atomic-write.ts'
import { resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import {
  blobContent,
  buildCommit,
  createBranch,
  deleteBranchRef,
  entryAt,
  fileAsCommitted,
  openRepository,
  operationInProgress,
  pointHeadAt,
  recordInIndex,
  removeOwnedLocks,
  resolveCommit,
  treeOfCommit,
  withRepository,
  type BlobRef,
  type GitRepo,
  type WitnessedLock,
} from '../../git/git-layer.ts'

const INTENT = 'gemba-landing.json'

export interface LandingAuthor {
  readonly name: string
  readonly email: string
}

/**
 * Every write a landing makes, in order: the objects built, the intent written, the branch created,
 * each file written, the index lock taken and then the index replaced, the HEAD lock taken and then
 * HEAD moved. Recovery's own writes have names of their own. Tests stop the process at each in turn.
 */
export type LandingStep =
  | 'built'
  | 'intent'
  | 'branch'
  | 'file'
  | 'index-locked'
  | 'index'
  | 'head-locked'
  | 'head'
  | 'recover-locks'
  | 'recover-head-locked'
  | 'recover-head'
  | 'recover-file'
  | 'recover-index-locked'
  | 'recover-index'
  | 'recover-branch'

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
  /** A write done (for tests that stop the process at a known point). */
  readonly onStep?: (step: LandingStep) => void
}

interface Intent {
  readonly branch: string
  readonly originalBranch: string | null
  readonly base: string
  readonly commit: string
  readonly paths: readonly string[]
  /** True when Gemba wrote the files (the agent's change); false: they are the leader's own edits. */
  readonly wroteFiles: boolean
  /** The witness files (in the working tree's git folder) the landing takes index.lock and HEAD.lock through. */
  readonly witnesses?: { readonly index: string; readonly HEAD: string }
}

const intentPath = (repo: GitRepo) => join(repo.gitdir, INTENT)
const WITNESSES = { index: 'gemba-landing.index', HEAD: 'gemba-landing.HEAD' } as const

function witnessedLocks(repo: GitRepo, intent: Pick<Intent, 'witnesses'>): WitnessedLock[] {
  const names = intent.witnesses ?? WITNESSES
  return [
    { file: 'index', witness: join(repo.gitdir, names.index) },
    { file: 'HEAD', witness: join(repo.gitdir, names.HEAD) },
  ]
}

/** Builds, then lands, the commit; answers its id. */
export async function landChange(landing: Landing): Promise<string> {
  const repo = await openRepository(landing.root)
  try {
    return await land(repo, landing)
  } finally {
    repo.close()
  }
}

async function land(repo: GitRepo, landing: Landing): Promise<string> {
  const { root } = landing
  const step = landing.onStep ?? (() => undefined)
  const files = new Map<string, { content: Uint8Array; mode?: string } | null>()
  for (const [path, bytes] of landing.files) files.set(path, bytes === null ? await fileAsCommitted(root, path) : { content: bytes })
  const built = await buildCommit(repo, { parent: landing.base, files, message: landing.message, author: landing.author })
  step('built')

  const wroteFiles = [...landing.files.values()].some((bytes) => bytes !== null)
  const intent: Intent = {
    branch: landing.branch,
    originalBranch: landing.originalBranch,
    base: landing.base,
    commit: built.commit,
    paths: [...landing.files.keys()],
    wroteFiles,
    witnesses: WITNESSES,
  }
  await writeFileAtomic(intentPath(repo), JSON.stringify(intent))
  step('intent')
  try {
    await createBranch(repo, landing.branch, built.commit)
    step('branch')
    for (const [path, bytes] of landing.files) {
      if (bytes === null) continue
      const { absolute } = await resolveInsideRepo(root, path, { mustExist: false })
      // An edited file keeps its permissions (a script stays executable).
      const mode = await stat(absolute).then(
        (info) => info.mode & 0o777,
        () => undefined,
      )
      await writeFileAtomic(absolute, bytes, { makeFolder: true, ...(mode === undefined ? {} : { mode }) })
      step('file')
    }
    const [indexLock, headLock] = witnessedLocks(repo, intent)
    await recordInIndex(repo, built.blobs, { witness: indexLock!.witness, onLocked: () => step('index-locked') })
    step('index')
    await pointHeadAt(repo, landing.branch, { witness: headLock!.witness, onLocked: () => step('head-locked') })
    step('head')
  } catch (error) {
    // A write that failed (not a kill): the repository is put back at once, and the error told. If the
    // way back is blocked too (another program's lock), the intent stays for the next recovery.
    await recoverInterruptedLanding(root).catch(() => undefined)
    throw error
  }
  await rm(intentPath(repo), { force: true })
  return built.commit
}

async function readIntent(repo: GitRepo): Promise<Intent | null> {
  return readFile(intentPath(repo), 'utf8').then(
    (text) => JSON.parse(text) as Intent,
    () => null,
  )
}

/**
 * Puts back what an interrupted landing changed: first the locks it provably took itself (never
 * another program's), then HEAD on the original branch (or commit), the files Gemba wrote and their
 * index entries as at the base commit (the leader's own edits stay on disk), the unfinished branch
 * deleted. Waits (throws) while git is in the middle of an operation the leader started since. Safe to
 * run again after a kill at any of its own steps; answers the branch it removed, or null when there
 * was nothing.
 */
export async function recoverInterruptedLanding(
  root: string,
  options: { readonly onStep?: (step: LandingStep) => void } = {},
): Promise<{ branch: string; paths: readonly string[] } | null> {
  return withRepository(root, (repo) => recover(repo, options.onStep ?? (() => undefined)))
}

async function recover(repo: GitRepo, step: (step: LandingStep) => void): Promise<{ branch: string; paths: readonly string[] } | null> {
  const { root } = repo
  const intent = await readIntent(repo)
  if (!intent) return null
  // Killed between taking a lock and renaming it, the landing (or an earlier recovery) left it behind.
  const locks = witnessedLocks(repo, intent)
  await removeOwnedLocks(repo, locks)
  step('recover-locks')
  const operation = await operationInProgress(repo)
  if (operation) {
    throw new GembaError({
      code: 'conflict',
      message: `${operation.summary} Gemba will undo the change it was landing when it was stopped once that is finished.`,
      next: `Finish it (${operation.finish})${operation.abort ? ` or undo it (${operation.abort})` : ''}.`,
      details: { gitBlocker: 'operation' },
    })
  }
  const [indexLock, headLock] = locks
  await pointHeadAt(repo, intent.originalBranch ?? intent.base, { witness: headLock!.witness, onLocked: () => step('recover-head-locked') })
  step('recover-head')
  const baseTree = await treeOfCommit(repo, intent.base)
  const originals = new Map<string, BlobRef | null>()
  for (const path of intent.paths) {
    const original = await entryAt(repo, baseTree, path)
    originals.set(path, original)
    if (!intent.wroteFiles) continue
    const { absolute } = await resolveInsideRepo(root, path, { mustExist: false })
    if (original)
      await writeFileAtomic(absolute, await blobContent(repo, original.oid), { mode: original.mode === '100755' ? 0o755 : 0o644 })
    else await rm(absolute, { force: true })
    await removeTemps(dirname(absolute))
    if (!original) await removeEmptyFolders(root, dirname(absolute))
    step('recover-file')
  }
  await recordInIndex(repo, originals, { witness: indexLock!.witness, onLocked: () => step('recover-index-locked') })
  step('recover-index')
  if ((await resolveCommit(repo, `refs/heads/${intent.branch}`)) === intent.commit) await deleteBranchRef(repo, intent.branch)
  step('recover-branch')
  await rm(intentPath(repo), { force: true })
  return { branch: intent.branch, paths: intent.paths }
}

/** Whether an interrupted landing waits to be rolled back (its intent file is there). */
export async function hasInterruptedLanding(root: string): Promise<boolean> {
  return withRepository(root, async (repo) => (await readIntent(repo)) !== null).catch(() => false)
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
