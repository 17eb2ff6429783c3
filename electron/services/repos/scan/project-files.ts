// The files around the code that a reader opens first, with the reasons: the project's README (the
// root's; Markdown first), each main package's README, the manifests and build definitions of the
// language the project is written in (another ecosystem's at the root is tooling: a Gemfile for
// fastlane in a Swift library), the manifest of the package that holds the main program or is named
// after the project, the project documentation at the root and the docs' front page. Pure.
import type { FileRecord } from '../../../../shared/models/repos.ts'
import { projectNameForms, squash, type EntryPoint } from './entry-points.ts'
import { isManifest } from './manifests.ts'
import type { PathRole } from './path-roles.ts'

const ROOT_DOCS = /^(architecture|contributing|design|overview|development|hacking|internals)(\.\w+)?$/i
const DOCS_MAIN = /^(index|readme|doc|docs|overview|introduction|intro|getting[-_]started|guide|quickstart)\.(md|mdx|rst|adoc|txt)$/i
export const README = /^readme(\.\w+)?$/i
/** The project's README comes first whatever the code scores: it says what the project is. */
const README_POINTS = 45
const BUILD_FILES = /^(Makefile|Dockerfile|docker-compose\.ya?ml|compose\.ya?ml|tsconfig\.json)$/
/** A workspace list or a variant (`requirements-dev.txt`) says less than the manifest it goes with. */
const SECONDARY_BUILD = /^(pnpm-workspace\.yaml|requirements[-_.].+\.txt|[^/]+\.(sln|podspec)|Directory\.Build\.props)$/

/** An entry point this sure makes its package's manifest one a reader opens first. */
const LEADING_ENTRY = 1

/** The files that define a build, by ecosystem, with the languages that build compiles. */
const BUILD_DEFINITIONS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^(package\.json|pnpm-workspace\.yaml)$/, ['JavaScript', 'TypeScript', 'Vue', 'Svelte']],
  [/^(pyproject\.toml|setup\.cfg|setup\.py|requirements.*\.txt|Pipfile)$/, ['Python']],
  [/^go\.mod$/, ['Go']],
  [/^Cargo\.toml$/, ['Rust']],
  [/^(pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?)$/, ['Java', 'Kotlin', 'Groovy', 'Scala']],
  [/^build\.sbt$/, ['Scala', 'Java']],
  [/^(Gemfile|[^/]+\.gemspec)$/, ['Ruby']],
  [/^composer\.json$/, ['PHP']],
  [/^([^/]+\.(csproj|fsproj|vbproj|sln)|Directory\.Build\.props)$/, ['C#', 'F#', 'Visual Basic']],
  [/^(CMakeLists\.txt|configure\.(ac|in)|meson\.build|WORKSPACE(\.bazel)?|MODULE\.bazel)$/, ['C', 'C++', 'Objective-C']],
  [/^build\.zig$/, ['Zig']],
  [/^mix\.exs$/, ['Elixir']],
  [/^(Package\.swift|[^/]+\.podspec)$/, ['Swift', 'Objective-C']],
  [/^([^/]+\.cabal|stack\.yaml)$/, ['Haskell']],
  [/^dune-project$/, ['OCaml']],
]

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/** The languages a build definition compiles, or null for a file that is not one. */
export function buildLanguages(name: string): readonly string[] | null {
  for (const [pattern, languages] of BUILD_DEFINITIONS) if (pattern.test(name)) return languages
  return null
}

export interface ProjectFilesContext {
  readonly files: readonly FileRecord[]
  readonly roles: ReadonlyMap<string, PathRole>
  readonly packageOf: (path: string) => string | null
  readonly isMain: (pkg: string | null) => boolean
  /** The languages the project is written in. */
  readonly mainLanguages: ReadonlySet<string>
  readonly projectReadme: string | null
  /** Folders whose build a reader opens first, with why. */
  readonly leading: ReadonlyMap<string, string>
  readonly hasRootManifest: boolean
  readonly firstMain: string | null
}

/** Scores the project files in reading order (shallowest first): one README per package, one docs front page. */
export function scoreProjectFiles(context: ProjectFilesContext): Map<string, { score: number; reasons: string[] }> {
  const scores = new Map<string, { score: number; reasons: string[] }>()
  const readmeSeen = new Set<string>()
  let docsHomeSeen = false
  const ordered = [...context.files].sort((a, b) => a.path.split('/').length - b.path.split('/').length || (a.path < b.path ? -1 : 1))
  for (const file of ordered) {
    const path = file.path
    const name = nameOf(path)
    const depth = path.split('/').length - 1
    const pkg = context.packageOf(path)
    const set = (score: number, reason: string) => scores.set(path, { score, reasons: [reason] })
    if (README.test(name)) {
      // One README per package: the project's, then each package's own (never the dozens in sub-folders).
      const owner = path === context.projectReadme ? '.' : depth > 0 && pkg !== '.' && folderOf(path) === pkg ? pkg : null
      if (owner === null || readmeSeen.has(owner)) continue
      readmeSeen.add(owner)
      if (owner === '.') set(README_POINTS, 'README: what the project is and how to run it')
      else set(context.isMain(owner) ? 3 : 1.5, `README of the ${owner} package`)
    } else if (ROOT_DOCS.test(name) && depth === 0) {
      set(3, 'project documentation')
    } else if (
      !docsHomeSeen &&
      context.roles.get(path) === 'docs' &&
      depth <= 2 &&
      DOCS_MAIN.test(name) &&
      isDocsHome(path, context.files)
    ) {
      docsHomeSeen = true
      set(6, 'the documentation’s main page')
    } else if (buildLanguages(name) !== null && depth === 0) {
      const built = buildLanguages(name)!
      if (context.mainLanguages.size > 0 && !built.some((language) => context.mainLanguages.has(language)))
        set(4, 'manifest of the tooling around the code')
      else if (SECONDARY_BUILD.test(name)) set(6, 'build definition: the workspace, or what goes with the main manifest')
      else set(12, isManifest(path) ? 'manifest: dependencies and commands' : 'build definition: how the project is built')
    } else if ((isManifest(path) || buildLanguages(name) !== null) && !BUILD_FILES.test(name)) {
      const folder = folderOf(path)
      // Without a manifest at the root, the main package's is the project's.
      if (pkg !== null && folder === pkg && !context.hasRootManifest && pkg === context.firstMain)
        set(12, `manifest of the main package (${pkg})`)
      else if (context.leading.has(folder)) set(9, `manifest of ${context.leading.get(folder)}`)
      else if (pkg !== null && folder === pkg) set(context.isMain(pkg) ? 7 : 2.5, `manifest of the ${pkg} package`)
    } else if (depth === 0 && BUILD_FILES.test(name)) {
      set(3, name === 'Makefile' ? 'build commands' : 'build and runtime configuration')
    }
  }
  return scores
}

/** The project's README: the root's (the one GitHub shows if it is there, else Markdown first), else the one GitHub shows. */
export function projectReadme(files: readonly FileRecord[], shown: string | null): string | null {
  const atRoot = files.filter((file) => !file.path.includes('/') && README.test(file.path)).map((file) => file.path)
  if (shown !== null && atRoot.includes(shown)) return shown
  return atRoot.sort((a, b) => Number(/\.md$/i.test(b)) - Number(/\.md$/i.test(a)) || (a < b ? -1 : 1))[0] ?? shown
}

/**
 * The folders below the root whose manifest a reader opens first: the one named after the project
 * (`okhttp/`, `tokio/`) and the one holding the main program (`Jellyfin.Server/` with its Program.cs).
 */
export function leadingFolders(
  starts: ReadonlyMap<string, EntryPoint>,
  projectNames: readonly string[],
  files: readonly FileRecord[],
  inMainLanguage: (path: string) => boolean,
  mainLanguages: ReadonlySet<string>,
): Map<string, string> {
  // Folders with a build of the project's language (a web UI's package.json in a Java project is not one).
  const ownBuild = (name: string) => {
    const built = buildLanguages(name)
    return built !== null && (mainLanguages.size === 0 || built.some((language) => mainLanguages.has(language)))
  }
  const manifestFolders = new Set(files.filter((file) => ownBuild(nameOf(file.path))).map((file) => folderOf(file.path)))
  manifestFolders.delete('')
  const leading = new Map<string, string>()
  const names = projectNameForms(projectNames)
  for (const folder of manifestFolders)
    if (names.includes(squash(nameOf(folder)))) leading.set(folder, 'the package named after the project')
  for (const [path, entry] of starts) {
    if (entry.weight < LEADING_ENTRY || !inMainLanguage(path)) continue
    // The nearest folder above the entry with a manifest of its own.
    for (let folder = folderOf(path); folder !== ''; folder = folderOf(folder)) {
      if (!manifestFolders.has(folder)) continue
      if (!leading.has(folder)) leading.set(folder, `the package of ${nameOf(path)}`)
      break
    }
  }
  return leading
}

/** The docs folder's front page: its index or README, or its only page at the top. */
function isDocsHome(path: string, files: readonly FileRecord[]): boolean {
  const folder = folderOf(path)
  const pages = files.filter((file) => folderOf(file.path) === folder && /\.(md|mdx|rst|adoc)$/i.test(file.path))
  return pages.length === 1 || /^(index|readme)\./i.test(nameOf(path))
}
