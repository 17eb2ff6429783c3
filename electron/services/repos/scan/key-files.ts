// Ranks the files a newcomer should read first, each with the reasons it ranks, in words a person
// understands: the README and the docs' main page, the root and main packages' manifests, the entry
// points manifests declare (and conventional ones), each package's root, centrality in the import
// graph of the shipped code, use across areas and by tests and examples, and recent change. Tests,
// examples, docs sources, benchmarks, fixtures and tooling are demoted; vendored and generated code is
// left out. Pure: works on the scan's data; never reads the disk.
import type { FileRecord, KeyFile } from '../../../../shared/models/repos.ts'
import { graphSignals, type GraphSignals } from './key-file-graph.ts'
import { isCodeLanguage } from './languages.ts'
import { isManifest, type DeclaredEntry } from './manifests.ts'
import { pathRole, ROLE_LABEL, type PathRole } from './path-roles.ts'

export interface KeyFileInput {
  readonly files: readonly FileRecord[]
  readonly edges: readonly { from: string; to: string }[]
  /** Commits per path within the history window. */
  readonly churn: ReadonlyMap<string, number>
  readonly commitsRead: number
  readonly limit?: number
  /** Entry files the manifests declare (library roots, binaries, main classes…). */
  readonly entries?: readonly DeclaredEntry[]
  /** Folders of the packages the repository builds, main first ('.' for the root's own package). */
  readonly packageDirs?: readonly string[]
  /** How many of `packageDirs`, from the front, are the main ones (default: up to three). */
  readonly mainPackages?: number
  /** The root README's text: the names its examples use point at the files a newcomer needs. */
  readonly readme?: string | null
  /** What a parsed file declares. */
  readonly definitions?: (path: string) => readonly { readonly name: string; readonly kind: string }[] | undefined
  /** The last ranking's graph signals: taken over when the edges are the same array and the entries the same. */
  readonly memo?: RankMemo
}

/** Entry points by convention, for projects whose manifests do not say (or have none). */
const CONVENTIONAL_ENTRIES: readonly (readonly [RegExp, string])[] = [
  [/^(src\/)?(main|index|app|server|cli)\.(ts|tsx|js|jsx|mjs|cjs)$/, 'entry point'],
  [/(^|\/)(electron|src)\/main\.(ts|js)$/, 'entry point (main process)'],
  [/(^|\/)main\.go$/, 'entry point (Go main package)'],
  [/(^|\/)__main__\.py$|^([^/]+\/)?(manage|wsgi|asgi)\.py$/, 'entry point (Python)'],
  [/(^|\/)(src\/)?(main|lib)\.rs$/, 'entry point (Rust crate root)'],
  [/(^|\/)[A-Z]\w*Application\.(java|kt)$/, 'entry point (application class)'],
  [/(^|\/)(Main|Program)\.(java|kt|cs)$/, 'entry point (main class)'],
  [/^config\/routes\.rb$/, 'entry point (Rails routes)'],
  [/^config\.ru$|^app\/controllers\/application_controller\.rb$/, 'entry point (Rack/Rails app)'],
  [/^(bin|exe)\/[^/.]+$/, 'entry point (executable)'],
  [/(^|\/)src\/(App|main|index)\.(tsx|jsx|ts|js|vue)$/, 'entry point (UI root)'],
  [/^(src\/)?(main|server)\.(c|cc|cpp)$/, 'entry point (program main)'],
  [/^(public\/)?index\.php$|^artisan$/, 'entry point (PHP front controller)'],
]

const ROOT_DOCS = /^(architecture|contributing|design|overview|development|hacking|internals)(\.\w+)?$/i
const DOCS_MAIN = /^(index|readme|doc|docs|overview|introduction|intro|getting[-_]started|guide|quickstart)\.(md|mdx|rst|adoc|txt)$/i
const README = /^readme(\.\w+)?$/i
const BUILD_FILES = /^(Makefile|Dockerfile|docker-compose\.ya?ml|compose\.ya?ml|tsconfig\.json|CMakeLists\.txt)$/

/** How much a file outside the shipped code keeps of its score. */
const DEMOTION: Readonly<Record<PathRole, number>> = {
  source: 1,
  test: 0.35,
  fixture: 0.2,
  example: 0.3,
  docs: 0.3,
  bench: 0.2,
  tooling: 0.3,
  vendored: 0,
  generated: 0,
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)

export function rankKeyFiles(input: KeyFileInput): KeyFile[] {
  return rankWithSignals(input).keyFiles
}

/**
 * What a ranking computed that a rescan can take over when the edges are the same array and the
 * layout the same: the graph signals, and each file's score before its recent changes are counted.
 */
export interface RankMemo {
  readonly edges: readonly { from: string; to: string }[]
  readonly key: string
  readonly signals: GraphSignals
  readonly parts: ReadonlyMap<string, StaticPart>
  readonly depthBelowRoot: ReadonlyMap<string, number>
}

/** A file's score and reasons from everything but its recent changes, and how it is then demoted. */
interface StaticPart {
  readonly score: number
  readonly reasons: readonly string[]
  readonly lines: number
  /** The role that demotes it, or null (shipped code, the root README, the docs' front page). */
  readonly demotedAs: PathRole | null
}

/** The ranking and the graph signals it used (for the next rescan's memo). */
export function rankWithSignals(input: KeyFileInput & { readonly changed?: ReadonlySet<string> }): { keyFiles: KeyFile[]; memo: RankMemo } {
  const roles = new Map(input.files.map((file) => [file.path, pathRole(file.path)]))
  const candidates = input.files.filter((file) => !file.binary && DEMOTION[roles.get(file.path) ?? 'source'] > 0)
  const known = new Set(candidates.map((file) => file.path))
  const shipped = (path: string) => roles.get(path) === 'source' && known.has(path)
  const allPackages = input.packageDirs ?? []
  const mainPackages = new Set(
    allPackages.slice(0, input.mainPackages ?? Math.min(3, allPackages.length)).map((dir) => (dir === '' ? '.' : dir)),
  )
  const packageDirs = allPackages.filter((dir) => dir !== '.' && dir !== '').sort((a, b) => b.length - a.length)
  // A file outside every member package belongs to the root's own package ('.') when there is one.
  const packageOf = (path: string) => packageDirs.find((dir) => path.startsWith(`${dir}/`)) ?? (mainPackages.has('.') ? '.' : null)
  const declared = new Map<string, string>()
  for (const entry of input.entries ?? []) if (!declared.has(entry.path)) declared.set(entry.path, entry.reason)
  const starts = new Map<string, number>([...declared.keys()].map((path) => [path, 2]))
  for (const file of candidates) if (!starts.has(file.path) && conventionalEntry(file.path)) starts.set(file.path, 1)
  const readme = input.readme ?? ''
  const memoKey = `${candidates.length}:${[...starts].join(',')}:${[...mainPackages].join(',')}:${packageDirs.join(',')}:${readme.length}:${readme.slice(0, 200)}`
  const memo = input.memo && input.memo.edges === input.edges && input.memo.key === memoKey ? input.memo : null
  const signals =
    memo?.signals ??
    graphSignals({
      code: candidates.filter((file) => isCodeLanguage(file.language)).map((file) => file.path),
      edges: input.edges.filter((edge) => known.has(edge.from) && known.has(edge.to)),
      shipped,
      starts,
      areaOf: (path) => {
        const pkg = packageOf(path)
        return pkg !== null && pkg !== '.' ? pkg : path.includes('/') ? path.slice(0, path.indexOf('/')) : '.'
      },
    })
  const stale = (file: FileRecord) => {
    const part = memo?.parts.get(file.path)
    return !part || part.lines !== file.lines || input.changed?.has(file.path) === true
  }
  const staleFiles = memo ? candidates.filter(stale) : candidates
  // The last ranking's parts, updated in place for the files scored again (that ranking is replaced by this one).
  const parts = (memo?.parts as Map<string, StaticPart> | undefined) ?? new Map<string, StaticPart>()
  // Only the files that changed are scored again, unless one is a README or a page of the docs (those
  // are scored once per package, in order) or nothing is known yet.
  const partial =
    memo !== null && staleFiles.every((file) => !README.test(nameOf(file.path)) && !/\.(md|mdx|rst|adoc|txt)$/i.test(file.path))
  const depthBelowRoot =
    memo?.depthBelowRoot ??
    codeRootDepth(
      candidates.filter((file) => shipped(file.path) && isCodeLanguage(file.language)).map((file) => file.path),
      packageOf,
    )
  if (staleFiles.length > 0) {
    const context: Context = {
      candidates,
      roles,
      packageOf,
      declared,
      signals,
      depthBelowRoot,
      isMain: (pkg) => pkg === null || mainPackages.has(pkg) || mainPackages.size === 0,
      named: readmeMentions(
        input.readme ?? null,
        candidates.filter((file) => shipped(file.path)).map((file) => file.path),
        input.definitions,
      ),
      hasRootManifest: candidates.some((file) => !file.path.includes('/') && isManifest(file.path) && !BUILD_FILES.test(file.path)),
      firstMain: [...mainPackages][0] ?? null,
      readmeSeen: new Set<string>(),
      docsHomeSeen: false,
    }
    const toScore = partial
      ? staleFiles
      : [...candidates].sort((a, b) => a.path.split('/').length - b.path.split('/').length || (a.path < b.path ? -1 : 1))
    for (const file of toScore) parts.set(file.path, staticPart(file, context))
  }
  const maxChurn = Math.max(1, ...input.churn.values())
  const scored: KeyFile[] = []
  for (const file of candidates) {
    const part = parts.get(file.path)!
    let score = part.score
    const reasons = [...part.reasons]
    const changes = input.churn.get(file.path) ?? 0
    if (changes >= 2 && isCodeLanguage(file.language)) {
      score += 3 * Math.sqrt(changes / maxChurn)
      reasons.push(`changed in ${changes} of the last ${input.commitsRead} commits`)
    }
    if (score === 0) continue
    if (part.demotedAs) {
      score *= DEMOTION[part.demotedAs]
      reasons.push(`${ROLE_LABEL[part.demotedAs]}, ranked lower`)
    }
    scored.push({ path: file.path, score: Math.round(score * 100) / 100, reasons })
  }
  const keyFiles = scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1)).slice(0, input.limit ?? 40)
  return { keyFiles, memo: { edges: input.edges, key: memoKey, signals, parts, depthBelowRoot } }
}

interface Context {
  readonly candidates: readonly FileRecord[]
  readonly roles: ReadonlyMap<string, PathRole>
  readonly packageOf: (path: string) => string | null
  readonly isMain: (pkg: string | null) => boolean
  readonly declared: ReadonlyMap<string, string>
  readonly signals: GraphSignals
  readonly depthBelowRoot: ReadonlyMap<string, number>
  readonly named: ReadonlyMap<string, string>
  readonly hasRootManifest: boolean
  readonly firstMain: string | null
  /** Packages whose README has been scored (files are visited shallowest first). */
  readonly readmeSeen: Set<string>
  docsHomeSeen: boolean
}

/** Everything a file scores but its recent changes; the demotion is applied after those are added. */
function staticPart(file: FileRecord, context: Context): StaticPart {
  const { isMain, signals } = context
  const path = file.path
  const name = nameOf(path)
  const depth = path.split('/').length - 1
  const role = context.roles.get(path) ?? 'source'
  const pkg = context.packageOf(path)
  const reasons: string[] = []
  let score = 0
  let docsHome = false
  const add = (points: number, reason: string) => {
    score += points
    reasons.push(reason)
  }
  if (README.test(name)) {
    // One README per package: the project's, then each package's own (never the dozens in sub-folders).
    const owner = depth === 0 ? '.' : pkg !== '.' && folderOf(path) === pkg ? pkg : null
    if (owner !== null && !context.readmeSeen.has(owner)) {
      context.readmeSeen.add(owner)
      if (owner === '.') add(20, 'README: what the project is and how to run it')
      else add(isMain(owner) ? 5 : 2.5, `README of the ${owner} package`)
    }
  } else if (ROOT_DOCS.test(name) && depth === 0) {
    add(5, 'project documentation')
  } else if (!context.docsHomeSeen && role === 'docs' && depth <= 2 && DOCS_MAIN.test(name) && isDocsHome(path, context.candidates)) {
    docsHome = true
    context.docsHomeSeen = true
    add(6, 'the documentation’s main page')
  } else if (isManifest(path) && name !== 'Makefile' && !BUILD_FILES.test(name)) {
    if (depth === 0) add(12, 'manifest: dependencies and commands')
    // Without a manifest at the root, the main package's is the project's.
    else if (pkg !== null && folderOf(path) === pkg && !context.hasRootManifest && pkg === context.firstMain)
      add(12, `manifest of the main package (${pkg})`)
    else if (pkg !== null && folderOf(path) === pkg) add(isMain(pkg) ? 7 : 2.5, `manifest of the ${pkg} package`)
  } else if (depth === 0 && BUILD_FILES.test(name)) {
    add(3, name === 'Makefile' ? 'build commands' : 'build and runtime configuration')
  }
  const entry = context.declared.get(path)
  if (entry !== undefined) add(isMain(pkg) ? 9 : 5, entry)
  else {
    const conventional = conventionalEntry(path)
    if (conventional) add(Math.max(2, 6 - depth), conventional)
  }
  // A secondary package's code counts for less than the main package's, and code deep in a package's
  // source tree for less than its top level: a newcomer starts with the main package, from the top.
  // A file with little in it (a one-line interface, a constant) says little however central it is.
  const weight = (isMain(pkg) ? 1 : 0.6) * DEPTH_WEIGHT[Math.min(3, context.depthBelowRoot.get(path) ?? 0)]! * substance(file.lines)
  const mention = context.named.get(path)
  if (mention !== undefined) add(4, `named in the README (${mention})`)
  const place = signals.place.get(path)
  const relative = signals.relative.get(path) ?? 0
  if (place !== undefined && place <= 60 && relative > 0) add(weight * 10 * Math.sqrt(relative), `central in the import graph (#${place})`)
  const importers = signals.importers.get(path) ?? 0
  if (importers >= 3) add(weight * Math.min(5, Math.log2(importers)), `imported by ${importers} files`)
  const areas = signals.areas.get(path) ?? 0
  if (areas >= 2) add(weight * Math.min(4, 1.5 * Math.log2(areas + 1)), `used from ${areas} other parts of the codebase`)
  const used = signals.supportUse.get(path) ?? 0
  if (used >= 3) add(weight * Math.min(6, Math.log2(used) / 1.5), `used by ${used} tests and examples (public API)`)
  // The root README and the docs' front page are what they are; everything else of a supporting role is demoted.
  const demotedAs = role !== 'source' && !docsHome && !(depth === 0 && README.test(name)) ? role : null
  return { score, reasons, lines: file.lines, demotedAs }
}

/** 0.6 for a file of 10 lines or fewer, rising to 1 at 250 lines. */
function substance(lines: number): number {
  return Math.min(1, Math.max(0.6, 0.6 + (0.4 * Math.log10(Math.max(1, lines) / 10)) / Math.log10(25)))
}

/** Weight of code by its depth below its package's source root (0 = at the top). */
const DEPTH_WEIGHT = [1, 0.9, 0.75, 0.6]

/**
 * How deep each file sits below its package's source root: the folder below the package that holds
 * nearly all its code (`activesupport/lib/active_support`, `javalin/src/main/java/io/javalin`).
 */
function codeRootDepth(code: readonly string[], packageOf: (path: string) => string | null): Map<string, number> {
  const groups = new Map<string, string[]>()
  for (const path of code) {
    const pkg = packageOf(path) ?? '.'
    const list = groups.get(pkg)
    if (list) list.push(path)
    else groups.set(pkg, [path])
  }
  const depths = new Map<string, number>()
  for (const [pkg, paths] of groups) {
    let root = pkg === '.' ? '' : pkg
    for (;;) {
      const below = paths.filter((path) => root === '' || path.startsWith(`${root}/`))
      const children = new Map<string, number>()
      for (const path of below) {
        const rest = root === '' ? path : path.slice(root.length + 1)
        if (rest.includes('/')) children.set(rest.slice(0, rest.indexOf('/')), (children.get(rest.slice(0, rest.indexOf('/'))) ?? 0) + 1)
      }
      const [top, count = 0] = [...children].sort((a, b) => b[1] - a[1])[0] ?? []
      if (top === undefined || count < 0.8 * paths.length) break
      root = root === '' ? top : `${root}/${top}`
    }
    for (const path of paths) {
      const rest = root === '' ? path : path.startsWith(`${root}/`) ? path.slice(root.length + 1) : nameOf(path)
      depths.set(path, rest.split('/').length - 1)
    }
  }
  return depths
}

/**
 * Files the README's code points at: a path it writes out, or a type or function its examples use
 * that one or two shipped files declare (`AppFactory::create()` → Slim/Factory/AppFactory.php).
 */
function readmeMentions(
  readme: string | null,
  shippedFiles: readonly string[],
  definitions: KeyFileInput['definitions'],
): Map<string, string> {
  const found = new Map<string, string>()
  if (!readme) return found
  const code = [...readme.matchAll(/```[^\n]*\n([\s\S]*?)```|`([^`\n]+)`/g)].map((match) => match[1] ?? match[2] ?? '').join('\n')
  // Identifiers that read as code (CamelCase, snake_case or long), not English words such as `main` or `test`.
  const words = new Set(
    (code.match(/[A-Za-z_][A-Za-z0-9_]{3,}/g) ?? []).filter(
      (word) => /[a-z][A-Z]|^[A-Z][a-z0-9]+[A-Z]|_/.test(word) || (/^[A-Z]/.test(word) && word.length >= 5) || word.length >= 10,
    ),
  )
  const declaring = new Map<string, string[]>()
  for (const path of shippedFiles) {
    if (readme.includes(path) && path.includes('/')) found.set(path, path)
    for (const definition of definitions?.(path) ?? []) {
      if (!words.has(definition.name)) continue
      const list = declaring.get(definition.name) ?? []
      if (!list.includes(path)) list.push(path)
      declaring.set(definition.name, list)
    }
  }
  for (const [name, paths] of declaring) {
    if (paths.length > 2) continue
    for (const path of paths) if (!found.has(path)) found.set(path, name)
  }
  return found
}

function conventionalEntry(path: string): string | null {
  for (const [pattern, reason] of CONVENTIONAL_ENTRIES) if (pattern.test(path)) return reason
  return null
}

/** The docs folder's front page: its index or README, or its only page at the top. */
function isDocsHome(path: string, files: readonly FileRecord[]): boolean {
  const folder = folderOf(path)
  const pages = files.filter((file) => folderOf(file.path) === folder && /\.(md|mdx|rst|adoc)$/i.test(file.path))
  return pages.length === 1 || /^(index|readme)\./i.test(nameOf(path))
}
