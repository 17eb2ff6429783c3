// Lands a change on a new gemba/ branch so that a process killed at any instant leaves either the repository
// as it was or the finished branch: the commit is built off to the side (objects only), an intent file
// names what is about to change, then the branch ref, the files, the index and HEAD follow, and the
// intent is removed last. `recoverInterruptedLanding` rolls an interrupted landing back from the intent.
// Never moves the original branch's ref; never writes outside the root.
import { readFile, readdir, rm, rmdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import git from 'isomorphic-git'
import { writeFileAtomic } from '../../fs/atomic-write.ts'
import { resolveInsideRepo } from '../../ai/index.ts'
import { gitFs } from './git-fs.ts'

const fs = gitFs
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
  /** Repository-relative path → new text; null: take the file as it is on disk (absent: deleted). */
  readonly files: ReadonlyMap<string, string | null>
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

const intentPath = (root: string) => join(root, '.git', INTENT)

/** Builds, then lands, the commit; answers its id. */
export async function landChange(landing: Landing): Promise<string> {
  const { root } = landing
  const blobs = new Map<string, string | null>()
  for (const [path, text] of landing.files) {
    const content = text ?? (await readFile(join(root, ...path.split('/'))).catch(() => null))
    blobs.set(path, content === null ? null : await git.writeBlob({ fs, dir: root, blob: typeof content === 'string' ? Buffer.from(content) : content }))
  }
  const { commit: baseCommit } = await git.readCommit({ fs, dir: root, oid: landing.base })
  const tree = (await treeWith(root, baseCommit.tree, blobs)) ?? (await git.writeTree({ fs, dir: root, tree: [] }))
  const now = Math.floor(Date.now() / 1000)
  const who = { name: landing.author.name, email: landing.author.email, timestamp: now, timezoneOffset: new Date().getTimezoneOffset() }
  const message = landing.message.endsWith('\n') ? landing.message : `${landing.message}\n`
  const commit = await git.writeCommit({ fs, dir: root, commit: { message, tree, parent: [landing.base], author: who, committer: who } })
  landing.onStep?.('built')

  const wroteFiles = [...landing.files.values()].some((text) => text !== null)
  const intent: Intent = { branch: landing.branch, originalBranch: landing.originalBranch, base: landing.base, commit, paths: [...landing.files.keys()], wroteFiles }
  await writeFileAtomic(intentPath(root), JSON.stringify(intent))
  landing.onStep?.('intent')
  await git.writeRef({ fs, dir: root, ref: `refs/heads/${landing.branch}`, value: commit })
  landing.onStep?.('branch')
  for (const [path, text] of landing.files) {
    if (text === null) continue
    const { absolute } = await resolveInsideRepo(root, path, { mustExist: false })
    await writeFileAtomic(absolute, text, { makeFolder: true })
  }
  landing.onStep?.('files')
  for (const [path, blob] of blobs) {
    if (blob === null) await git.remove({ fs, dir: root, filepath: path })
    else await git.add({ fs, dir: root, filepath: path })
  }
  landing.onStep?.('index')
  await git.writeRef({ fs, dir: root, ref: 'HEAD', value: `refs/heads/${landing.branch}`, symbolic: true, force: true })
  landing.onStep?.('head')
  await rm(intentPath(root), { force: true })
  return commit
}

/**
 * Puts back what an interrupted landing changed: HEAD on the original branch (or commit), the files
 * Gemba wrote and their index entries as at the base commit (the leader's own edits stay on disk), the
 * unfinished branch deleted. Idempotent; answers the branch it removed, or null when there was nothing.
 */
export async function recoverInterruptedLanding(root: string): Promise<{ branch: string; paths: readonly string[] } | null> {
  const intent = await readFile(intentPath(root), 'utf8').then((text) => JSON.parse(text) as Intent, () => null)
  if (!intent) return null
  if (intent.originalBranch) await git.writeRef({ fs, dir: root, ref: 'HEAD', value: `refs/heads/${intent.originalBranch}`, symbolic: true, force: true })
  else await git.writeRef({ fs, dir: root, ref: 'HEAD', value: intent.base, force: true })
  for (const path of intent.paths) {
    const { absolute } = await resolveInsideRepo(root, path, { mustExist: false })
    if (intent.wroteFiles) {
      const original = await git.readBlob({ fs, dir: root, oid: intent.base, filepath: path }).catch(() => null)
      if (original) await writeFileAtomic(absolute, original.blob)
      else await rm(absolute, { force: true })
      await removeTemps(dirname(absolute))
      if (!original) await removeEmptyFolders(root, dirname(absolute))
    }
    await git.resetIndex({ fs, dir: root, filepath: path, ref: intent.base })
  }
  const tip = await git.resolveRef({ fs, dir: root, ref: `refs/heads/${intent.branch}` }).catch(() => null)
  if (tip === intent.commit) await git.deleteRef({ fs, dir: root, ref: `refs/heads/${intent.branch}` })
  await rm(intentPath(root), { force: true })
  return { branch: intent.branch, paths: intent.paths }
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

/** The tree `treeOid` with `changes` (path → blob id, or null to delete) applied; null when empty. */
async function treeWith(root: string, treeOid: string | null, changes: ReadonlyMap<string, string | null>): Promise<string | null> {
  const entries = new Map((treeOid ? (await git.readTree({ fs, dir: root, oid: treeOid })).tree : []).map((entry) => [entry.path, entry]))
  const below = new Map<string, Map<string, string | null>>()
  for (const [path, blob] of changes) {
    const slash = path.indexOf('/')
    if (slash === -1) {
      const existing = entries.get(path)
      if (blob === null) entries.delete(path)
      else entries.set(path, { mode: existing?.type === 'blob' ? existing.mode : '100644', path, oid: blob, type: 'blob' })
      continue
    }
    const folder = path.slice(0, slash)
    const nested = below.get(folder) ?? new Map<string, string | null>()
    nested.set(path.slice(slash + 1), blob)
    below.set(folder, nested)
  }
  for (const [folder, nested] of below) {
    const existing = entries.get(folder)
    const subtree = await treeWith(root, existing?.type === 'tree' ? existing.oid : null, nested)
    if (subtree === null) entries.delete(folder)
    else entries.set(folder, { mode: '040000', path: folder, oid: subtree, type: 'tree' })
  }
  if (entries.size === 0) return null
  return git.writeTree({ fs, dir: root, tree: [...entries.values()] })
}
