// A repository opened for one piece of work (as GitHub Desktop's `Repository`): where its working tree
// and git folders are, and the caches every operation through it shares — our object reader (each
// pack's index opened once, recent objects kept, no whole-pack loads), isomorphic-git's cache for what
// only it does, and the tree-diff memo. Every git operation takes a GitRepo. Open one per piece of work
// (a scan, a call, a landing) and close it after: it holds pack files open (which a `git gc` on Windows
// would wait for) and sees the packs as they were when it first read an object. Opening reads only.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { commonGitDir } from './common-git-dir.ts'
import { gitDirsOf } from './git-dir.ts'
import { GitObjects } from './git-objects.ts'
import { locateRepo } from './locate-repo.ts'

export interface GitRepo {
  /** The working tree's root. */
  readonly root: string
  /** Per working tree: HEAD, index, rebase-merge/, MERGE_HEAD… */
  readonly gitdir: string
  /** Shared: objects/ and refs/ (the same as gitdir outside linked worktrees). */
  readonly commondir: string
  /** Lets go of the pack files and caches (the handle can still be used: they are opened again). */
  close(): void
}

/** What the layer keeps per opened repository. The layer's own: never exported from its door. */
interface RepoCaches {
  objects: GitObjects | undefined
  /** isomorphic-git's cache object, shared by every isomorphic-git call through the handle. */
  readonly isomorphic: object
  /** Trees already read by a diff (tree-diff.ts), and those that could not be read. */
  readonly trees: Map<string, Buffer>
  readonly unreadableTrees: string[]
}

const caches = new WeakMap<GitRepo, RepoCaches>()

class OpenedRepo implements GitRepo {
  readonly root: string
  readonly gitdir: string
  readonly commondir: string

  constructor(dirs: { root: string; gitdir: string; commondir: string }) {
    this.root = dirs.root
    this.gitdir = dirs.gitdir
    this.commondir = dirs.commondir
  }

  close(): void {
    const kept = caches.get(this)
    kept?.objects?.close()
    caches.delete(this)
  }
}

/** The repository `path` is in (its root, or any folder inside it); a GembaError says why a path is not one. */
export async function openRepository(path: string): Promise<GitRepo> {
  return new OpenedRepo(await locateRepo(path))
}

/** The repository whose working tree's root is exactly `root` (a submodule's folder: no walk up to the superproject). */
export async function openRepositoryAt(root: string): Promise<GitRepo> {
  return new OpenedRepo(await gitDirsOf(root))
}

/** Opens the repository at `path`, runs `work` with it, and closes it whatever happens. */
export async function withRepository<T>(path: string, work: (repo: GitRepo) => Promise<T>): Promise<T> {
  const repo = await openRepository(path)
  try {
    return await work(repo)
  } finally {
    repo.close()
  }
}

/** What two handles of one repository share (its common git folder, links resolved): another worktree of it has the same. */
export async function repositoryIdentity(repo: GitRepo): Promise<string> {
  return commonGitDir(repo.gitdir)
}

/** Whether `folder` is a working tree's root (it holds a `.git` folder, or a linked worktree's `.git` file). */
export async function holdsRepository(folder: string): Promise<boolean> {
  return (await stat(join(folder, '.git')).catch(() => null)) !== null
}

function cachesOf(repo: GitRepo): RepoCaches {
  let kept = caches.get(repo)
  if (!kept) {
    kept = { objects: undefined, isomorphic: {}, trees: new Map(), unreadableTrees: [] }
    caches.set(repo, kept)
  }
  return kept
}

/** The repository's object reader, opened on first use. */
export function objectsOf(repo: GitRepo): GitObjects {
  const kept = cachesOf(repo)
  kept.objects ??= new GitObjects(repo.gitdir, kept.isomorphic)
  return kept.objects
}

/** isomorphic-git's cache for this repository (pass it as `cache` to every isomorphic-git call). */
export function isomorphicCacheOf(repo: GitRepo): object {
  return cachesOf(repo).isomorphic
}

/** The tree-diff memo and the trees it could not read (tree-diff.ts). */
export function treeMemoOf(repo: GitRepo): { readonly trees: Map<string, Buffer>; readonly unreadable: string[] } {
  const kept = cachesOf(repo)
  return { trees: kept.trees, unreadable: kept.unreadableTrees }
}
