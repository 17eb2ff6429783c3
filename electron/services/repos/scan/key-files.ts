// Ranks the files a newcomer should read first, each with the reasons it ranks, in words a person
// understands. Around the code: the README, the manifests and build definitions, the docs' front
// page (project-files.ts). The code: from where a reader starts (entry-points.ts: declared entries and
// binaries, the `main` of the project's programs, the module named after the project, what the README
// names), importance flows over a graph of what each file uses by name and by import
// (symbol-graph.ts, key-file-graph.ts), and every signal's places are fused (code-scores.ts). Code of
// a secondary package or language counts for less; tests, examples, docs sources, benchmarks,
// fixtures and tooling never rank as code; vendored and generated code and lock files never rank.
// Pure: works on the scan's data; never reads the disk.
import type { FileRecord, KeyFile } from '../../../../shared/models/repos.ts'
import type { RankEdge } from '../parse/page-rank.ts'
import { scoreCode } from './code-scores.ts'
import { entryPoints, FRONT_FILE, projectNameForms, squash, type EntryPoint } from './entry-points.ts'
import { graphSignals, walkEdges, type GraphSignals } from './key-file-graph.ts'
import { isCodeLanguage } from './languages.ts'
import { isManifest, type DeclaredEntry } from './manifests.ts'
import { pathRole, ROLE_LABEL, type PathRole } from './path-roles.ts'
import { buildLanguages, leadingFolders, projectReadme, README, scoreProjectFiles } from './project-files.ts'
import { buildSymbolGraph, type SymbolGraph } from './symbol-graph.ts'

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
  /** Which README that is (the one GitHub shows: `.github/`, the root, then `docs/`; Markdown first). */
  readonly readmePath?: string | null
  /** What a parsed file declares. */
  readonly definitions?: (path: string) => readonly { readonly name: string; readonly kind: string }[] | undefined
  /** The names a parsed file uses, space-separated (parse/used-names.ts). */
  readonly uses?: (path: string) => string | undefined
  /** The interfaces and base types a parsed file's classes implement or extend. */
  readonly supertypes?: (path: string) => readonly string[] | undefined
  /** Whether a parsed file's first lines say a generator wrote it (it never ranks). */
  readonly generated?: (path: string) => boolean
  /** The project's names (its own, its main packages', its Go module path): the module named after it is where a reader starts. */
  readonly projectNames?: readonly string[]
  /** The last ranking's graph signals: taken over when the edges are the same array and nothing else changed. */
  readonly memo?: RankMemo
}

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

/** Points a code file first by every signal gets (a root manifest gets 12). */
const CODE_POINTS = 32
/** Points an entry point of weight 1 gets on top of its code's (a root manifest gets 12): a reader starts there. */
const ENTRY_POINTS = 9
/** What code of a secondary package, or in another language than the project's, keeps of its points. */
const SECONDARY = 0.6
/** Weight of code by its depth below its package's source root (0 = at the top). */
const DEPTH_WEIGHT = [1, 0.95, 0.85, 0.75]
/** An entry file this short hands over to the file it runs (`main` calling `cli.Run()`). */
const SHIM_LINES = 40

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)

export function rankKeyFiles(input: KeyFileInput): KeyFile[] {
  return rankWithSignals(input).keyFiles
}

/**
 * What a ranking computed that a rescan can take over when the edges are the same array, the layout
 * the same and no changed file uses other names: the entry points and the graph signals.
 */
export interface RankMemo {
  readonly edges: readonly { from: string; to: string }[]
  readonly key: string
  /** The names each code file used (a changed file using others makes the signals stale). */
  readonly uses: ReadonlyMap<string, string | undefined>
  readonly starts: ReadonlyMap<string, EntryPoint>
  readonly signals: GraphSignals
  readonly depthBelowRoot: ReadonlyMap<string, number>
}

/** The ranking and what it computed (for the next rescan's memo). */
export function rankWithSignals(input: KeyFileInput & { readonly changed?: ReadonlySet<string> }): { keyFiles: KeyFile[]; memo: RankMemo } {
  const roles = new Map(input.files.map((file) => [file.path, input.generated?.(file.path) ? 'generated' : pathRole(file.path)]))
  const candidates = input.files.filter((file) => !file.binary && DEMOTION[roles.get(file.path) ?? 'source'] > 0)
  const known = new Set(candidates.map((file) => file.path))
  const shipped = (path: string) => roles.get(path) === 'source' && known.has(path)
  // Code: shipped files in a programming language, and scripts the parser read by their `#!` line.
  const codeFiles = candidates.filter(
    (file) => shipped(file.path) && (isCodeLanguage(file.language) || input.uses?.(file.path) !== undefined),
  )
  const code = codeFiles.map((file) => file.path)
  const byPath = new Map(codeFiles.map((file) => [file.path, file]))
  const languages = mainLanguages(codeFiles, candidates)
  const declaredPackages = (input.packageDirs ?? []).map((dir) => (dir === '' ? '.' : dir))
  const declaredMain = input.mainPackages ?? Math.min(3, declaredPackages.length)
  const subprojects = unnamedSubprojects(candidates, codeFiles, languages, declaredPackages, input.projectNames ?? [])
  const allPackages = subprojects ? [...subprojects.main, ...declaredPackages, ...subprojects.others] : declaredPackages
  const packageDirs = allPackages.filter((dir) => dir !== '.').sort((a, b) => b.length - a.length)
  const memberOf = (path: string) => packageDirs.find((dir) => path.startsWith(`${dir}/`)) ?? null
  // A package whose code is in another language than the project's (a Java application's web UI) is
  // never a main one, however large.
  const foreign = foreignPackages(codeFiles, languages, memberOf)
  const mainPackages = new Set(
    (subprojects ? subprojects.main : declaredPackages.slice(0, declaredMain)).filter((dir) => !foreign.has(dir)),
  )
  // A file outside every member package belongs to the root's own package ('.') when there is one.
  const packageOf = (path: string) => memberOf(path) ?? (mainPackages.has('.') ? '.' : null)
  const isMain = (pkg: string | null) => pkg === null || mainPackages.has(pkg) || (mainPackages.size === 0 && !foreign.has(pkg))
  const inMainLanguage = (path: string) => languages.size === 0 || languages.has(byPath.get(path)?.language ?? '')
  const readme = input.readme ?? ''
  const memoKey = `${candidates.length}:${[...mainPackages].join(',')}:${packageDirs.join(',')}:${readme.length}:${readme.slice(0, 200)}:${(input.projectNames ?? []).join(',')}`
  const usesOf = new Map(code.map((path) => [path, input.uses?.(path)]))
  const sameUses = (memo: RankMemo) => [...(input.changed ?? [])].every((path) => memo.uses.get(path) === usesOf.get(path))
  const memo = input.memo && input.memo.edges === input.edges && input.memo.key === memoKey && sameUses(input.memo) ? input.memo : null
  // The walk's links and the entry points are computed together: an entry that only hands over to one
  // file (a `main` of a few lines) hands its place on to that file.
  const graph = memo ? null : walkGraph(code, input, usesOf, known)
  const importing = new Set(memo ? [] : input.edges.map((edge) => edge.from))
  const starts =
    memo?.starts ??
    entryPoints({
      code,
      declared: input.entries ?? [],
      isMain: (path) => isMain(packageOf(path)),
      inMainLanguage,
      projectNames: input.projectNames ?? [],
      readme: input.readme ?? null,
      definitions: (path) => input.definitions?.(path),
      firstStep: (path) => graph?.firstStep(path, byPath.get(path)?.lines ?? 0) ?? null,
      imports: (path) => importing.has(path),
    })
  const signals =
    memo?.signals ??
    graphSignals({
      code,
      edges: graph!.imports,
      symbols: graph!.symbols,
      links: graph!.links,
      starts: new Map([...starts].map(([path, entry]) => [path, entry.weight])),
    })
  const depthBelowRoot = memo?.depthBelowRoot ?? codeRootDepth(code, packageOf)
  const codeScores = scoreCode({
    code,
    lines: (path) => byPath.get(path)?.lines ?? 0,
    starts,
    signals,
    fronts: frontFiles(code, signals),
    churn: input.churn,
    commitsRead: input.commitsRead,
  })
  const projectScores = scoreProjectFiles({
    files: candidates,
    roles,
    packageOf,
    isMain,
    mainLanguages: languages,
    projectReadme: projectReadme(candidates, input.readmePath ?? null),
    leading: leadingFolders(starts, input.projectNames ?? [], candidates, inMainLanguage, languages),
    hasRootManifest: candidates.some((file) => !file.path.includes('/') && isManifest(file.path) && buildLanguages(file.path) !== null),
    firstMain: [...mainPackages][0] ?? null,
  })
  const scored: KeyFile[] = []
  for (const file of candidates) {
    const path = file.path
    const around = projectScores.get(path)
    const ofCode = codeScores.get(path)
    let score = around?.score ?? 0
    const reasons = [...(around?.reasons ?? [])]
    if (ofCode) {
      // A secondary package's code counts for less than the main package's, code in another language
      // than the project's for less, and code deep in a package's source tree for less than its top
      // level: a newcomer starts with the main package, from the top.
      const weight =
        (isMain(packageOf(path)) ? 1 : SECONDARY) *
        (inMainLanguage(path) ? 1 : SECONDARY) *
        DEPTH_WEIGHT[Math.min(3, depthBelowRoot.get(path) ?? 0)]!
      score += (CODE_POINTS * ofCode.fused + ENTRY_POINTS * (starts.get(path)?.weight ?? 0)) * weight
      reasons.push(...ofCode.reasons.filter((reason) => !reasons.includes(reason)))
    } else if (starts.has(path)) {
      score += ENTRY_POINTS * starts.get(path)!.weight
      reasons.push(...starts.get(path)!.reasons)
    }
    if (score === 0 || reasons.length === 0) continue
    const role = roles.get(path) ?? 'source'
    // The root README and the docs' front page are what they are; everything else of a supporting role is demoted.
    if (role !== 'source' && !(around && (README.test(nameOf(path)) || /documentation’s main page/.test(around.reasons[0] ?? '')))) {
      score *= DEMOTION[role]
      reasons.push(`${ROLE_LABEL[role]}, ranked lower`)
    }
    scored.push({ path, score: Math.round(score * 100) / 100, reasons })
  }
  const keyFiles = scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1)).slice(0, input.limit ?? 40)
  return { keyFiles, memo: { edges: input.edges, key: memoKey, uses: usesOf, starts, signals, depthBelowRoot } }
}

interface WalkGraph {
  readonly imports: readonly { from: string; to: string }[]
  readonly symbols: SymbolGraph
  readonly links: readonly RankEdge[]
  /** The file a small entry hands over to (most of what it uses is there), or null. */
  firstStep(path: string, lines: number): string | null
}

function walkGraph(
  code: readonly string[],
  input: KeyFileInput,
  usesOf: ReadonlyMap<string, string | undefined>,
  known: ReadonlySet<string>,
): WalkGraph {
  const imports = input.edges.filter((edge) => known.has(edge.from) && known.has(edge.to))
  const seen = new Map<string, Set<string>>()
  for (const edge of input.edges) {
    const set = seen.get(edge.from)
    if (set) set.add(edge.to)
    else seen.set(edge.from, new Set([edge.to]))
  }
  const symbols = buildSymbolGraph(
    code,
    (path) => {
      const definitions = input.definitions?.(path)
      const uses = usesOf.get(path)
      const supertypes = input.supertypes?.(path)
      return definitions || uses
        ? { definitions: definitions ?? [], ...(uses ? { uses } : {}), ...(supertypes ? { supertypes } : {}) }
        : undefined
    },
    seen,
  )
  const codeSet = new Set(code)
  const links = walkEdges(
    imports.filter((edge) => codeSet.has(edge.from) && codeSet.has(edge.to)),
    symbols,
    codeSet,
  )
  const out = new Map<string, { to: string; weight: number }[]>()
  for (const link of links) {
    const list = out.get(link.from)
    const step = { to: link.to, weight: link.weight ?? 1 }
    if (list) list.push(step)
    else out.set(link.from, [step])
  }
  return {
    imports,
    symbols,
    links,
    firstStep: (path, lines) => {
      if (lines > SHIM_LINES) return null
      const steps = out.get(path) ?? []
      const total = steps.reduce((sum, step) => sum + step.weight, 0)
      const best = steps.reduce<{ to: string; weight: number } | null>(
        (top, step) => (top === null || step.weight > top.weight ? step : top),
        null,
      )
      return best !== null && best.weight >= 0.5 * total ? best.to : null
    },
  }
}

/**
 * A folder's main file, with how central the folder's code is in all: a reader opens a part of the
 * code at the file named after it (`server/server.go`, `planner/planner.cpp`) or at its front file
 * (`index.ts`, `__init__.py`, `mod.rs`).
 */
function frontFiles(code: readonly string[], signals: GraphSignals): Map<string, { folder: string; weight: number }> {
  const folderRank = new Map<string, number>()
  for (const path of code) folderRank.set(folderOf(path), (folderRank.get(folderOf(path)) ?? 0) + (signals.relative.get(path) ?? 0))
  const fronts = new Map<string, { folder: string; weight: number }>()
  for (const path of code) {
    const folder = folderOf(path)
    if (folder === '') continue
    const stem = nameOf(path).replace(/\.[^.]*$/, '')
    if (squash(stem) === squash(nameOf(folder)) || FRONT_FILE.test(nameOf(path)))
      fronts.set(path, { folder, weight: folderRank.get(folder) ?? 0 })
  }
  return fronts
}

/**
 * The languages the project is written in: those of the builds defined at the root (a Gradle build
 * with a web UI in a sub-folder is a Java project) that a fair share of the code is in; without a root
 * build, the language of most of the code and any other with at least a third as many lines.
 */
function mainLanguages(code: readonly FileRecord[], files: readonly FileRecord[]): Set<string> {
  const lines = new Map<string, number>()
  let total = 0
  for (const file of code) {
    if (!file.language) continue
    lines.set(file.language, (lines.get(file.language) ?? 0) + file.lines)
    total += file.lines
  }
  const built = new Set(files.filter((file) => !file.path.includes('/')).flatMap((file) => buildLanguages(file.path) ?? []))
  const rooted = [...lines].filter(([language, count]) => built.has(language) && count >= 0.05 * total).map(([language]) => language)
  if (rooted.length > 0) return new Set(rooted)
  const most = Math.max(0, ...lines.values())
  return new Set([...lines].filter(([, count]) => count > 0 && count >= most / 3).map(([language]) => language))
}

/**
 * The subprojects of a build whose manifests name no package (Gradle's `okhttp/`, `okcurl/`,
 * `mockwebserver/` each with a build.gradle.kts): folders with a build of the project's language and
 * code of their own. When one is named after the project it is the main package and the others are
 * secondary; otherwise (or when the manifests declare packages in the project's language) null.
 */
function unnamedSubprojects(
  files: readonly FileRecord[],
  code: readonly FileRecord[],
  languages: ReadonlySet<string>,
  declared: readonly string[],
  projectNames: readonly string[],
): { main: string[]; others: string[] } | null {
  const names = projectNameForms(projectNames)
  if (names.length === 0 || languages.size === 0) return null
  const inLanguage = (file: FileRecord) => languages.has(file.language ?? '')
  if (declared.some((dir) => dir !== '.' && code.some((file) => file.path.startsWith(`${dir}/`) && inLanguage(file)))) return null
  const folders = new Set<string>()
  for (const file of files) {
    const built = buildLanguages(nameOf(file.path))
    if (file.path.includes('/') && built?.some((language) => languages.has(language))) folders.add(folderOf(file.path))
  }
  const withCode = [...folders].filter((folder) => code.some((file) => file.path.startsWith(`${folder}/`) && inLanguage(file)))
  const main = withCode.filter((folder) => names.includes(squash(nameOf(folder))))
  return main.length === 0 ? null : { main, others: withCode.filter((folder) => !main.includes(folder)) }
}

/** The packages most of whose code is in none of the project's languages. */
function foreignPackages(
  code: readonly FileRecord[],
  languages: ReadonlySet<string>,
  memberOf: (path: string) => string | null,
): Set<string> {
  if (languages.size === 0) return new Set()
  const lines = new Map<string, { own: number; all: number }>()
  for (const file of code) {
    const pkg = memberOf(file.path)
    if (pkg === null) continue
    const count = lines.get(pkg) ?? { own: 0, all: 0 }
    count.all += file.lines
    if (languages.has(file.language ?? '')) count.own += file.lines
    lines.set(pkg, count)
  }
  return new Set([...lines].filter(([, count]) => count.own < 0.5 * count.all).map(([pkg]) => pkg))
}

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
      // An empty name (a path that starts with '/', from a damaged index) would not take the root deeper.
      if (top === undefined || top === '' || count < 0.8 * paths.length) break
      root = root === '' ? top : `${root}/${top}`
    }
    for (const path of paths) {
      const rest = root === '' ? path : path.startsWith(`${root}/`) ? path.slice(root.length + 1) : nameOf(path)
      depths.set(path, rest.split('/').length - 1)
    }
  }
  return depths
}
