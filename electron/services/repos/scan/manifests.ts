// Project facts from the manifests among the tracked files: identity (project-identity.ts), commands,
// the test command, ecosystems, CI and workspace packages; plus what import resolution and the key-file
// ranking need from them (Go modules, Rust crates, .NET projects, Composer autoload, include folders,
// declared entry files). Reads only the manifests it finds; never runs anything.
import type { FileRecord, ProjectCommand, ProjectFacts } from '../../../../shared/models/repos.ts'
import type { DotnetProject, GoModule, PhpAutoload, ResolveImportsInput, RustCrate, WorkspacePackage } from '../parse/resolve-imports.ts'
import {
  readCmake,
  readCsproj,
  readGemfile,
  readGemspec,
  readGradle,
  readMakefile,
  readPnpmWorkspace,
  readPom,
} from './build-file-readers.ts'
import {
  readCargoToml,
  readComposer,
  readGoMod,
  readPackageJson,
  readPyproject,
  readRequirements,
  readSetupCfg,
  type ManifestReading,
} from './manifest-readers.ts'
import { lineKindOf } from './languages.ts'
import { folderPathRole, pathRole } from './path-roles.ts'
import { projectIdentity, type PackageInfo, type Reading } from './project-identity.ts'
import { githubReadme } from './readme-identity.ts'
import { detectTestFrameworks } from './test-frameworks.ts'

const CI_FILES: readonly (readonly [RegExp, string])[] = [
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, 'GitHub Actions'],
  [/^\.gitlab-ci\.yml$/, 'GitLab CI'],
  [/^\.circleci\/config\.yml$/, 'CircleCI'],
  [/^Jenkinsfile$/, 'Jenkins'],
  [/^azure-pipelines\.yml$/, 'Azure Pipelines'],
  [/^\.travis\.yml$/, 'Travis CI'],
  [/^bitbucket-pipelines\.yml$/, 'Bitbucket Pipelines'],
  [/^\.buildkite\//, 'Buildkite'],
]

/** Manifests further down than this are someone else's project (or too many to read). */
const MAX_DEPTH = 5
const MAX_MANIFESTS = 400

export function isManifest(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return (
    /^(package\.json|pyproject\.toml|setup\.cfg|go\.mod|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|Gemfile|composer\.json|Makefile|Dockerfile|CMakeLists\.txt|pnpm-workspace\.yaml)$/.test(
      name,
    ) ||
    /^requirements.*\.txt$/.test(name) ||
    name.endsWith('.csproj') ||
    name.endsWith('.gemspec')
  )
}

export function readManifest(path: string, source: string): ManifestReading | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (name === 'package.json') return readPackageJson(source)
  if (name === 'pyproject.toml') return readPyproject(source)
  if (name === 'setup.cfg') return readSetupCfg(source)
  if (name.startsWith('requirements')) return readRequirements(source, name)
  if (name === 'go.mod') return readGoMod(source)
  if (name === 'Cargo.toml') return readCargoToml(source)
  if (name === 'pom.xml') return readPom(source)
  if (name.startsWith('build.gradle')) return readGradle(source, name)
  if (name === 'Gemfile') return readGemfile(source)
  if (name.endsWith('.gemspec')) return readGemspec(source, path)
  if (name === 'composer.json') return readComposer(source)
  if (name.endsWith('.csproj')) return readCsproj(source, path)
  if (name === 'Makefile') return readMakefile(source)
  if (name === 'CMakeLists.txt') return readCmake(source)
  if (name === 'pnpm-workspace.yaml') return readPnpmWorkspace(source)
  if (name === 'Dockerfile') return { kind: 'Dockerfile', ecosystem: 'docker', name: null, commands: [], dependencies: [] }
  return null
}

export interface DeclaredEntry {
  readonly path: string
  readonly reason: string
}

export interface ManifestScan {
  readonly facts: ProjectFacts
  /** Folders of workspace packages (package.json/pnpm workspaces, Cargo members, Maven modules). */
  readonly workspaceFolders: readonly string[]
  readonly goModulePath: string | null
  readonly goModules: readonly GoModule[]
  /** Named packages (package.json name + folder + entry), so imports by package name resolve to files. */
  readonly packages: readonly WorkspacePackage[]
  readonly rustCrates: readonly RustCrate[]
  readonly dotnetProjects: readonly DotnetProject[]
  readonly phpAutoload: readonly PhpAutoload[]
  readonly includeDirs: readonly string[]
  /** Entry files the manifests declare and that exist, with why. */
  readonly entries: readonly DeclaredEntry[]
  /** The packages the repository builds, main first (the root's own as '.'), for package roots and READMEs. */
  readonly sourcePackages: readonly PackageInfo[]
  /** How many of `sourcePackages`, from the front, are the main ones. */
  readonly mainPackages: number
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.')
const inside = (dir: string, relative: string) => {
  const joined = (dir === '.' ? relative : `${dir}/${relative}`).split('/')
  const out: string[] = []
  for (const part of joined) {
    if (part === '..') out.pop()
    else if (part !== '.' && part !== '') out.push(part)
  }
  return out.join('/')
}

export async function scanManifests(
  files: readonly FileRecord[] | readonly string[],
  readText: (path: string) => Promise<string | null>,
  fallbackName: string,
): Promise<ManifestScan> {
  const records: FileRecord[] = files.map((file) =>
    typeof file === 'string' ? { path: file, size: 0, lines: 0, language: null, binary: false } : file,
  )
  const paths = records.map((file) => file.path)
  const tracked = new Set(paths)
  const candidates = paths
    .filter(
      (path) => isManifest(path) && path.split('/').length <= MAX_DEPTH && !/^(vendored|generated)$/.test(folderPathRole(folderOf(path))),
    )
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
  const readings: Reading[] = []
  for (const path of candidates.slice(0, MAX_MANIFESTS)) {
    const source = await readText(path)
    const reading = source === null ? null : readManifest(path, source)
    if (reading) readings.push({ path, reading })
  }
  const readmePath = githubReadme(paths)
  const identity = projectIdentity({
    readings,
    linesUnder: linesUnder(records),
    readmeText: readmePath ? await readText(readmePath) : null,
    ...(readmePath ? { readmePath } : {}),
    folderName: fallbackName,
  })
  const own = readings.filter(({ path }) => folderPathRole(folderOf(path)) === 'source')
  const workspaceFolders = expandWorkspaces(readings, paths)
  const commands: ProjectCommand[] = readings.flatMap(({ path, reading }) =>
    !path.includes('/') ? reading.commands.map((command) => ({ ...command, source: path })) : [],
  )
  const ci = [...new Set(paths.flatMap((path) => CI_FILES.filter(([pattern]) => pattern.test(path)).map(([, name]) => name)))]
  const entries = own.flatMap(({ path, reading }) => [
    ...(reading.entries ?? [])
      .map((entry) => ({ path: sourceOf(inside(folderOf(path), entry.path), reading, tracked), reason: entry.role }))
      .filter((entry) => tracked.has(entry.path)),
    ...(reading.kind === '.gemspec' ? gemRoots(folderOf(path), reading.name ?? '', paths) : []),
  ])
  const testCommand = chooseTestCommand(readings, paths)
  const testedWith = await detectTestFrameworks({ files: records, declared: identity.testedWith, testCommand, readText })
  return {
    facts: {
      name: identity.name,
      packageName: identity.packageName,
      description: identity.description,
      intro: identity.intro,
      manifests: own.map(({ path, reading }) => ({ path, kind: reading.kind, name: reading.name })),
      commands: commands.slice(0, 60),
      testCommand,
      frameworks: identity.frameworks,
      testedWith,
      ecosystems: [...new Set(own.map(({ reading }) => reading.ecosystem).filter((e) => e !== 'make'))],
      ci,
      workspaces: workspaceFolders,
      monorepo: identity.monorepo,
    },
    workspaceFolders,
    goModulePath: readings.find(({ path }) => path === 'go.mod')?.reading.name ?? null,
    goModules: readings.flatMap(({ path, reading }) =>
      reading.kind === 'go.mod' && reading.name ? [{ path: reading.name, dir: folderOf(path) === '.' ? '' : folderOf(path) }] : [],
    ),
    packages: readings.flatMap(({ path, reading }) => {
      if (reading.kind !== 'package.json' || !reading.name || !path.includes('/')) return []
      const entry = reading.entries?.find((candidate) => candidate.role.includes('main') || candidate.role.includes('exports'))
      return [{ name: reading.name, dir: folderOf(path), ...(entry ? { entry: inside(folderOf(path), entry.path) } : {}) }]
    }),
    rustCrates: rustCrates(readings, tracked, paths),
    dotnetProjects: readings.flatMap(({ path, reading }) =>
      reading.kind === '.csproj'
        ? [
            {
              dir: folderOf(path) === '.' ? '' : folderOf(path),
              references: (reading.projectReferences ?? []).map((ref) => folderOf(inside(folderOf(path), ref))),
            },
          ]
        : [],
    ),
    phpAutoload: readings.flatMap(({ path, reading }) =>
      (reading.autoload ?? []).map((mapping) => ({ ...mapping, dir: inside(folderOf(path), mapping.dir) })),
    ),
    includeDirs: [
      ...new Set(readings.flatMap(({ path, reading }) => (reading.includeDirs ?? []).map((dir) => inside(folderOf(path), dir)))),
    ],
    entries: [...new Map(entries.map((entry) => [entry.path, entry])).values()],
    sourcePackages: identity.packages,
    mainPackages: identity.mainCount,
  }
}

/**
 * A published JavaScript entry points at build output (`dist/index.js`) or a shim requiring it; the
 * code a reader wants is the source it was built from (`src/index.ts`).
 */
function sourceOf(entry: string, reading: ManifestReading, tracked: ReadonlySet<string>): string {
  if (reading.kind !== 'package.json') return entry
  const slash = entry.lastIndexOf('/')
  const dir = slash < 0 ? '' : entry.slice(0, slash)
  const base = entry.slice(slash + 1).replace(/\.(c|m)?js$/, '')
  const pkgDir = dir.replace(/\/?(dist|lib|build|out|cjs|esm)(\/.*)?$/, '')
  const candidates = [
    ...(tracked.has(entry) ? [] : ['ts', 'tsx', 'mts', 'js'].map((ext) => `${pkgDir ? `${pkgDir}/` : ''}src/${base}.${ext}`)),
    ...['ts', 'tsx', 'js'].map((ext) => `${pkgDir ? `${pkgDir}/` : ''}src/index.${ext}`),
  ]
  // Keep the declared entry when it is source itself (it exists and no src/ sits beside it).
  if (tracked.has(entry) && !candidates.some((candidate) => tracked.has(candidate))) return entry
  return candidates.find((candidate) => tracked.has(candidate)) ?? entry
}

/**
 * A gem's roots: the files `require` loads first, at the top of its lib/ (all of them when there are a
 * few, else those named after the gem, `activerecord` → lib/active_record.rb).
 */
function gemRoots(dir: string, name: string, paths: readonly string[]): DeclaredEntry[] {
  const lib = dir === '.' ? 'lib/' : `${dir}/lib/`
  const top = paths.filter((path) => path.startsWith(lib) && path.endsWith('.rb') && !path.slice(lib.length).includes('/'))
  const squash = (text: string) => text.toLowerCase().replace(/[-_]/g, '')
  const chosen = top.length <= 5 ? top : top.filter((path) => squash(path.slice(lib.length, -3)) === squash(name))
  return chosen.map((path) => ({ path, reason: 'gem root (what require loads first)' }))
}

/** What import resolution needs from the manifests: modules, packages, crates, projects, autoload, include folders. */
export function resolutionLayout(scan: ManifestScan): Omit<ResolveImportsInput, 'files' | 'parsed'> {
  return {
    goModules: scan.goModules,
    workspacePackages: scan.packages,
    rustCrates: scan.rustCrates,
    dotnetProjects: scan.dotnetProjects,
    phpAutoload: scan.phpAutoload,
    includeDirs: scan.includeDirs,
  }
}

/** Each Cargo package's crate roots that exist: its library, then its binaries (src/main.rs, src/bin/*.rs, [[bin]] paths). */
function rustCrates(readings: readonly Reading[], tracked: ReadonlySet<string>, paths: readonly string[]): RustCrate[] {
  return readings.flatMap(({ path, reading }) => {
    if (!reading.crate) return []
    const dir = folderOf(path) === '.' ? '' : folderOf(path)
    const at = (relative: string) => inside(dir || '.', relative)
    const autoBins = paths.filter(
      (file) =>
        file.startsWith(at('src/bin') + '/') && file.endsWith('.rs') && file.split('/').length === at('src/bin').split('/').length + 1,
    )
    const roots = [at(reading.crate.lib ?? 'src/lib.rs'), ...reading.crate.bins.map(at), at('src/main.rs'), ...autoBins].filter((file) =>
      tracked.has(file),
    )
    return [{ name: reading.crate.name, dir, roots: [...new Set(roots)] }]
  })
}

/** Lines of shipped code (not tests, docs, examples… nor prose and data) under each folder. */
function linesUnder(records: readonly FileRecord[]): (dir: string) => number {
  const totals = new Map<string, number>()
  for (const file of records) {
    if (lineKindOf(file) !== 'code' || pathRole(file.path) !== 'source') continue
    let dir = folderOf(file.path)
    for (;;) {
      totals.set(dir, (totals.get(dir) ?? 0) + file.lines)
      if (dir === '.') break
      dir = folderOf(dir)
    }
  }
  return (dir) => totals.get(dir) ?? 0
}

function chooseTestCommand(readings: readonly Reading[], paths: readonly string[]): string | null {
  const atRoot = readings.filter(({ path }) => !path.includes('/'))
  const order = ['node', 'make', 'go', 'rust', 'java', 'ruby', 'php', 'dotnet', 'cmake', 'python']
  for (const ecosystem of order) {
    const hit = atRoot.find(({ reading }) => reading.ecosystem === ecosystem && reading.test)
    if (hit?.reading.test) return adjustForWrapper(hit.reading.test, paths)
  }
  if (
    atRoot.some(({ reading }) => reading.ecosystem === 'python') ||
    paths.some((path) => /(^|\/)(conftest\.py|pytest\.ini)$/.test(path))
  ) {
    return paths.some((path) => /(^|\/)(conftest\.py|pytest\.ini|test_[^/]+\.py)$/.test(path)) ? 'pytest' : 'python -m unittest'
  }
  const nested = readings.find(({ path, reading }) => reading.test && folderPathRole(folderOf(path)) === 'source')
  return nested?.reading.test ? adjustForWrapper(nested.reading.test, paths) : null
}

function adjustForWrapper(command: string, paths: readonly string[]): string {
  const has = (path: string) => paths.includes(path)
  if (command === 'npm test')
    return has('pnpm-lock.yaml')
      ? 'pnpm test'
      : has('yarn.lock')
        ? 'yarn test'
        : has('bun.lockb') || has('bun.lock')
          ? 'bun run test'
          : command
  if (command === 'mvn test' && has('mvnw')) return './mvnw test'
  if (command === './gradlew test' && !has('gradlew')) return 'gradle test'
  return command
}

function expandWorkspaces(readings: readonly Reading[], paths: readonly string[]): string[] {
  const folders = new Set<string>()
  const manifestFolders = new Set(paths.filter(isManifest).map(folderOf))
  for (const { path, reading } of readings) {
    const base = folderOf(path)
    for (const pattern of reading.workspaces ?? []) {
      const full = (base === '.' ? pattern : `${base}/${pattern}`).replace(/^\.\//, '').replace(/\/$/, '')
      const matcher = globToRegExp(full)
      for (const folder of manifestFolders) if (folder !== '.' && matcher.test(folder)) folders.add(folder)
    }
  }
  return [...folders].sort()
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+'))
    .join('.*')
  return new RegExp(`^${escaped}$`)
}
