// Repositories and their scan as the renderer (and the AI context) see them: plain serialisable data.
// Owns the shapes only; never logic, never anything that touches the disk.
import type { GitRepositoryState } from './git.ts'

/** A repository the leader added, as stored. */
/** What a repository is, as far as the weekly hour cares: it decides which variant of a week's text fits. */
export const REPO_KINDS = ['web-service', 'library', 'cli', 'storage-engine', 'web-app', 'mobile-app'] as const
export type RepoKind = (typeof REPO_KINDS)[number]

/** The kind a scan reads a repository as, and why in a few words ("it publishes a package and runs no server"). */
export interface RepoKindReading {
  readonly kind: RepoKind | 'unknown'
  readonly reason: string
}

export interface RepoEntry {
  readonly id: string
  /** Absolute path of the working tree's root. */
  readonly path: string
  /** Display name (the folder name unless the leader renames it). */
  readonly name: string
  /** ISO 8601. */
  readonly addedAt: string
}

export interface CommitSummary {
  readonly oid: string
  readonly author: string
  readonly email: string
  /** ISO 8601, the author date. */
  readonly date: string
  /** First line of the message. */
  readonly message: string
}

export type FileChangeKind = 'modified' | 'added' | 'deleted' | 'untracked'

export interface ChangedFile {
  readonly path: string
  readonly change: FileChangeKind
}

/** Something wrong with a repository that the leader should know about; the repo is still listed. */
export interface RepoProblem {
  readonly code: 'missing' | 'not_a_repository' | 'no_commits' | 'shallow' | 'broken' | 'unreadable'
  readonly message: string
  readonly next?: string
}

/** A repository as listed: where it is, what is checked out, whether it is clean. */
export interface RepoView extends RepoEntry {
  /** The current branch, or null when HEAD is detached or the repo has no commits. */
  readonly branch: string | null
  readonly detached: boolean
  /** The commit HEAD points at, or null when the repo has no commits. */
  readonly headCommit: string | null
  readonly lastCommit: CommitSummary | null
  readonly state: 'clean' | 'dirty' | 'unknown'
  /** Changed files (capped; see changedFilesTruncated). */
  readonly changedFiles: readonly ChangedFile[]
  readonly changedFilesTruncated: boolean
  readonly shallow: boolean
  readonly problem: RepoProblem | null
  /** What git is in the middle of (rebase, merge…, a held lock, conflicts) and what that blocks. */
  readonly gitState: GitRepositoryState
}

export type ScanPhase = 'files' | 'manifests' | 'parse' | 'modules' | 'history' | 'rank' | 'cache' | 'done'

export interface ScanProgress {
  readonly callId: string
  readonly repoId: string
  readonly phase: ScanPhase
  readonly done: number
  readonly total: number
}

export interface FileRecord {
  /** Repository-relative, forward slashes. */
  readonly path: string
  readonly size: number
  /** A language name such as 'TypeScript', or null when unknown. */
  readonly language: string | null
  /** Line count; 0 for binary, skipped or unreadable files. */
  readonly lines: number
  readonly binary: boolean
}

export interface LanguageStat {
  readonly language: string
  readonly files: number
  readonly lines: number
}

/** Lines that are neither code nor docs: lockfiles and generated files, vendored code, minified bundles, pages under docs. */
export interface LinesApart {
  readonly reason: 'generated' | 'vendored' | 'minified' | 'docs'
  readonly files: number
  readonly lines: number
}

export interface FolderStat {
  /** Top-level folder, or '.' for files at the root. */
  readonly folder: string
  readonly files: number
  readonly lines: number
}

export interface ManifestFacts {
  readonly path: string
  readonly kind: string
  readonly name: string | null
}

export interface ProjectCommand {
  readonly name: string
  readonly command: string
  /** The manifest that declares it. */
  readonly source: string
}

export interface ProjectFacts {
  /**
   * What the project calls itself: its README's title or logo (when that names a name the repository
   * has), else the name the manifest at its root declares, else the folder's. Never from a workspace
   * member, example, doc, benchmark or fixture.
   */
  readonly name: string
  /** The name its ecosystem knows it by (a Go module path, a Composer or npm name) when it differs from `name`. */
  readonly packageName?: string | null
  /** One line: the README's tagline or the first sentence of its introduction, else the manifest's description. */
  readonly description: string | null
  /** The README's paragraph that says what the project is (plain text), when it has one. */
  readonly intro?: string | null
  readonly manifests: readonly ManifestFacts[]
  readonly commands: readonly ProjectCommand[]
  /** Best guess at how the team runs its tests, or null. */
  readonly testCommand: string | null
  /** Frameworks and runtimes it is built with (runtime dependencies of the root and its packages). */
  readonly frameworks: readonly string[]
  /** Test frameworks its development uses. */
  readonly testedWith: readonly string[]
  /** Ecosystems seen: node, python, go, rust, java, ruby, php, dotnet, cmake, docker. */
  readonly ecosystems: readonly string[]
  readonly ci: readonly string[]
  readonly workspaces: readonly string[]
  /** Several packages in one repository: how many, and the main ones (largest code first); null for one. */
  readonly monorepo: { readonly packages: number; readonly main: readonly string[] } | null
}

export interface ModuleInfo {
  /** Stable, safe id (also used as the Mermaid node id). */
  readonly id: string
  readonly name: string
  /** Folder path relative to the root ('.' for the root module). */
  readonly path: string
  readonly files: number
  readonly lines: number
  /** The dominant language, or null. */
  readonly language: string | null
  readonly kind: 'workspace' | 'convention' | 'folder' | 'root'
  /** What the folder holds: the code that ships, or tests, docs, tooling and the like around it. */
  readonly role: FolderRole
}

/** What a folder holds (see electron/services/repos/scan/path-roles.ts). */
export type FolderRole = 'source' | 'test' | 'fixture' | 'example' | 'docs' | 'bench' | 'tooling' | 'vendored' | 'generated'

/** One folder of the repository, with totals for everything below it. */
export interface FolderSummary {
  /** Repository-relative ('.' for the root). Folders deeper than the graph keeps are counted in their ancestor. */
  readonly path: string
  readonly files: number
  readonly lines: number
  /** Lines of code below it (its `lines` less docs, data and config). */
  readonly codeLines?: number
  /** The dominant code language below it, or null. */
  readonly language: string | null
  readonly role: FolderRole
  /** The files directly in it. */
  readonly direct: { readonly files: number; readonly lines: number; readonly language: string | null }
}

/** Imports from the files of one folder (directly in it) into those of another. */
export interface FolderLink {
  readonly from: string
  readonly to: string
  readonly weight: number
}

/** One code file the module map can draw as a module of its folder. */
export interface FileNode {
  readonly path: string
  readonly lines: number
  readonly language: string | null
}

/** Folders and the imports between them: what the module map draws at any level. */
export interface ModuleGraph {
  readonly folders: readonly FolderSummary[]
  readonly links: readonly FolderLink[]
  /** Folders of the packages the repository builds: each stays one box (never opened in place). */
  readonly packages?: readonly string[]
  /** The code files of folders small enough to open onto their modules (a flat package's files). */
  readonly files?: readonly FileNode[]
  /** Imports touching those files: each end a file of `files`, or the folder of any other file. */
  readonly fileLinks?: readonly FolderLink[]
}

export interface ModuleEdge {
  readonly from: string
  readonly to: string
  /** Number of file-level imports from one module into the other. */
  readonly weight: number
}

export interface KeyFile {
  readonly path: string
  readonly score: number
  readonly reasons: readonly string[]
}

export interface ChurnEntry {
  readonly path: string
  /** Commits that touched it within the window. */
  readonly commits: number
  /** Distinct authors of those commits. */
  readonly authors: number
}

export interface ContributorShare {
  readonly name: string
  readonly email: string
  readonly commits: number
}

export interface ModuleHistory {
  readonly module: string
  readonly commits: number
  readonly contributors: readonly ContributorShare[]
  /** Smallest number of people whose commits make up at least half of the module's. */
  readonly busFactor: number
}

export interface WeekCadence {
  /** ISO week, e.g. '2024-W07'. */
  readonly week: string
  readonly commits: number
}

export interface HistorySummary {
  readonly commitsRead: number
  /** True when the history has more commits than the window read. */
  readonly truncated: boolean
  readonly lastCommits: readonly CommitSummary[]
  /** Most changed files first (capped). */
  readonly churn: readonly ChurnEntry[]
  readonly moduleChurn: readonly { readonly module: string; readonly commits: number }[]
  /** The same over the 30 days up to the newest commit read (absent in scans cached before it was kept). */
  readonly recentModuleChurn?: {
    /** The window's first instant (ISO). */
    readonly since: string
    readonly modules: readonly { readonly module: string; readonly commits: number }[]
  }
  readonly modules: readonly ModuleHistory[]
  readonly contributors: readonly ContributorShare[]
  readonly cadence: readonly WeekCadence[]
  /** How many of the commits were read this time (the rest came from the incremental cache). */
  readonly newlyRead: number
}

export interface SkippedItem {
  /** A path, or an object id when the path is unknown. */
  readonly path: string
  readonly reason: string
}

export interface ScanTimings {
  readonly [phase: string]: number
}

export interface ScanCacheInfo {
  readonly hit: boolean
  /** What the cache is keyed by: HEAD commit + a digest of the working-tree state. */
  readonly key: string
  readonly historyReused: boolean
  /** Files taken over from the last scan without reading them again (same blob, clean working copy). */
  readonly filesReused?: number
  /** Whether the unchanged files' import edges were taken over (only the changed files resolved again). */
  readonly edgesReused?: boolean
}

/** A part of the scan that stopped at its time budget: the scan went on with what it had read by then. */
export interface ScanShortfall {
  readonly phase: 'files' | 'parse' | 'history' | 'manifests'
  /** The phase's budget, in milliseconds. */
  readonly budgetMs: number
  /** How far it got: files read, files parsed, commits read (0 when it has no count). */
  readonly done: number
  /** Out of how many (0 when not known, e.g. commits). */
  readonly total: number
}

export interface ScanResult {
  readonly repoId: string
  readonly root: string
  readonly headCommit: string | null
  readonly branch: string | null
  /**
   * Tracked files whose working-tree content was not the index's when the scan read them (edited,
   * deleted, in conflict; at most a few hundred): what a read of this scan's snapshot takes from the
   * working tree rather than from `headCommit`.
   */
  readonly dirtyPaths: readonly string[]
  /** ISO 8601. */
  readonly scannedAt: string
  readonly filesCount: number
  readonly totalLines: number
  readonly files: readonly FileRecord[]
  /** Code, docs, data and config per language; what is set apart (`linesApart`) is not in it. */
  readonly languages: readonly LanguageStat[]
  /** Lines counted neither as code nor as docs, by why. */
  readonly linesApart?: readonly LinesApart[]
  readonly folders: readonly FolderStat[]
  readonly project: ProjectFacts
  readonly readme: { readonly path: string; readonly excerpt: string } | null
  readonly modules: readonly ModuleInfo[]
  readonly moduleEdges: readonly ModuleEdge[]
  /** Folders and their imports, for the module map at any depth. */
  readonly moduleGraph: ModuleGraph
  /** Import edges into and out of the key files (from → to, repository-relative; at most 50 each way per file). */
  readonly fileEdges: readonly { readonly from: string; readonly to: string }[]
  readonly keyFiles: readonly KeyFile[]
  readonly history: HistorySummary
  readonly skipped: readonly SkippedItem[]
  /** Phases that stopped at their time budget (shared/scan-shortfall.ts says it in one sentence); absent when none did. */
  readonly shortfalls?: readonly ScanShortfall[]
  /** Milliseconds per phase. */
  readonly timings: ScanTimings
  readonly cache: ScanCacheInfo
}

export interface RepoTour {
  readonly markdown: string
  /** The top level of the module map as Mermaid (kept with a session's journal entry). */
  readonly mermaid: string
  /** What the interactive module map draws. */
  readonly moduleGraph: ModuleGraph
  /** Heading anchors of the tour's per-module sections, by module path. */
  readonly moduleSections: Readonly<Record<string, string>>
  readonly computedFrom: 'repository'
  readonly headCommit: string | null
  /** One calm sentence when parts of the scan stopped at their time budget, else null. */
  readonly shortfall: string | null
}

/** What adding a folder did, when it was not simply a new repository added as typed. */
export interface RepoAddNotice {
  /**
   * already_added: that repository is in the list (nothing changed); inside_repository: the folder is
   * inside a repository, which was added (or already was) whole; worktree: another working folder of
   * a repository in the list, added as its own entry.
   */
  readonly code: 'already_added' | 'inside_repository' | 'worktree'
  readonly message: string
}

/** The repository a folder added resolves to, and what happened when it was not a plain addition. */
export interface RepoAdded extends RepoView {
  readonly notice: RepoAddNotice | null
}

/** A folder under the home folder, as the browser-mode folder picker lists it. */
export interface FolderEntry {
  readonly name: string
  /** Absolute path. */
  readonly path: string
  /** It holds a `.git` (a repository's working folder). */
  readonly repository: boolean
}

export interface FolderListing {
  /** The folder listed (absolute, inside the home folder). */
  readonly path: string
  /** Its parent, or null at the home folder (the picker never leaves it). */
  readonly parent: string | null
  readonly home: string
  readonly folders: readonly FolderEntry[]
  /** More folders than shown (the list is capped). */
  readonly truncated: boolean
}

/** Where the picker starts: folders of repositories already added, and repositories found nearby. */
export interface FolderSuggestions {
  readonly home: string
  readonly recent: readonly FolderEntry[]
  /** Repositories within two levels of ~/code, ~/src, ~/projects, ~/work, ~/dev, ~/git and ~/repos. */
  readonly found: readonly FolderEntry[]
}
