// What a repository is: its name, description, stack and shape (one package or a monorepo of many),
// decided from what the project says about itself (its README, read as GitHub shows it) and from the
// repository root and its main packages only. Workspace members name the packages, never the
// repository; manifests under examples, docs, benchmarks, fixtures, tests and tooling say nothing
// about it at all. Pure: works on manifest readings, the file list and the README's text.
import type { ProjectFacts } from '../../../../shared/models/repos.ts'
import type { ManifestReading } from './manifest-readers.ts'
import { folderPathRole } from './path-roles.ts'
import { readmeDescription, readReadme } from './readme-identity.ts'

export interface Reading {
  readonly path: string
  readonly reading: ManifestReading
}

/** Frameworks and runtimes a project is built on, recognised among its runtime dependencies. */
const FRAMEWORKS: readonly (readonly [RegExp, string])[] = [
  [/^next$/, 'Next.js'],
  [/^react$/, 'React'],
  [/^vue$/, 'Vue'],
  [/^nuxt$/, 'Nuxt'],
  [/^svelte$/, 'Svelte'],
  [/^@sveltejs\/kit$/, 'SvelteKit'],
  [/^@angular\/core$/, 'Angular'],
  [/^express$/, 'Express'],
  [/^fastify$/, 'Fastify'],
  [/^koa$/, 'Koa'],
  [/^@nestjs\/core$/, 'NestJS'],
  [/^react-native$/, 'React Native'],
  [/^hono$/, 'Hono'],
  [/^django$/, 'Django'],
  [/^flask$/, 'Flask'],
  [/^fastapi$/, 'FastAPI'],
  [/^starlette$/, 'Starlette'],
  [/^sqlalchemy$/, 'SQLAlchemy'],
  [/^celery$/, 'Celery'],
  [/^pydantic$/, 'Pydantic'],
  [/^werkzeug$/, 'Werkzeug'],
  [/^github\.com\/gin-gonic\/gin$/, 'Gin'],
  [/^github\.com\/labstack\/echo/, 'Echo'],
  [/^github\.com\/gofiber\/fiber/, 'Fiber'],
  [/^github\.com\/gorilla\/mux$/, 'Gorilla mux'],
  [/^github\.com\/spf13\/cobra$/, 'Cobra'],
  [/^google\.golang\.org\/grpc$/, 'gRPC'],
  [/^actix-web$/, 'Actix Web'],
  [/^axum$/, 'Axum'],
  [/^rocket$/, 'Rocket'],
  [/^tokio$/, 'Tokio'],
  [/^hyper$/, 'Hyper'],
  [/^spring-boot/, 'Spring Boot'],
  [/^org\.springframework\.boot$/, 'Spring Boot'],
  [/^quarkus/, 'Quarkus'],
  [/^micronaut/, 'Micronaut'],
  [/^jetty-server$|^org\.eclipse\.jetty$/, 'Jetty'],
  [/^rails$/, 'Rails'],
  [/^sinatra$/, 'Sinatra'],
  [/^rack$/, 'Rack'],
  [/^laravel\/framework$/, 'Laravel'],
  [/^symfony\/framework-bundle$/, 'Symfony'],
  [/^slim\/slim$/, 'Slim'],
  [/^Microsoft\.AspNetCore|^Microsoft\.NET\.Sdk\.Web$/, 'ASP.NET Core'],
  [/^Microsoft\.EntityFrameworkCore$/, 'Entity Framework Core'],
]

/** Tools a project is built with even though they are development dependencies (an Electron app lists electron there). */
const BUILD_TOOLS: readonly (readonly [RegExp, string])[] = [
  [/^electron$/, 'Electron'],
  [/^vite$/, 'Vite'],
  [/^webpack$/, 'webpack'],
  [/^next$/, 'Next.js'],
]

const TEST_TOOLS: readonly (readonly [RegExp, string])[] = [
  [/^jest$/, 'Jest'],
  [/^vitest$/, 'Vitest'],
  [/^mocha$/, 'Mocha'],
  [/^@playwright\/test$/, 'Playwright'],
  [/^cypress$/, 'Cypress'],
  [/^pytest$/, 'pytest'],
  [/(^|[.:-])junit($|[.:-])|^org\.junit/i, 'JUnit'],
  [/^rspec(-rails)?$/, 'RSpec'],
  [/^minitest$/, 'Minitest'],
  [/^phpunit\/phpunit$/, 'PHPUnit'],
  [/^pestphp\/pest$/, 'Pest'],
  [/^xunit/, 'xUnit'],
  [/^nunit$/i, 'NUnit'],
  [/^MSTest/, 'MSTest'],
]

/** Which manifest at the root names the project, best first. */
const NAMING_ORDER = [
  'package.json',
  'pyproject.toml',
  'Cargo.toml',
  'go.mod',
  'composer.json',
  '.gemspec',
  'pom.xml',
  '.csproj',
  'CMakeLists.txt',
  'setup.cfg',
]

export interface PackageInfo {
  readonly name: string
  readonly dir: string
  /** The manifest that names it (in a folder with two, the one of the root's ecosystem). */
  readonly manifest: string
  readonly lines: number
  readonly description: string | null
}

export interface Identity {
  readonly name: string
  /** The name its ecosystem knows it by (a Go module path, a Composer or npm name) when it differs. */
  readonly packageName: string | null
  readonly description: string | null
  /** The README's paragraph that says what the project is. */
  readonly intro: string | null
  readonly frameworks: string[]
  readonly testedWith: string[]
  /**
   * The packages the repository builds (workspace members, crates, gems, projects; the root's own
   * package as '.' when it has code of its own), main first: the root's package, then the largest.
   */
  readonly packages: PackageInfo[]
  /** How many of `packages`, from the front, are the main ones. */
  readonly mainCount: number
  readonly monorepo: ProjectFacts['monorepo']
}

export interface IdentityInput {
  readonly readings: readonly Reading[]
  /** Lines of shipped code under a folder ('.' for the whole repository). */
  readonly linesUnder: (dir: string) => number
  readonly readmeText: string | null
  /** The README's path (how to read it: Markdown, plain text). */
  readonly readmePath?: string
  readonly folderName: string
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.')
const kindRank = (reading: ManifestReading) => {
  const index = NAMING_ORDER.indexOf(reading.kind)
  return index < 0 ? NAMING_ORDER.length : index
}

export function projectIdentity(input: IdentityInput): Identity {
  // Only manifests of the code that ships speak for the project.
  const own = input.readings.filter(({ path }) => folderPathRole(folderOf(path)) === 'source')
  const root = own.filter(({ path }) => !path.includes('/'))
  // A private root that only gathers workspaces (package.json beside pnpm-workspace.yaml) names nothing.
  const pnpmRoot = root.some(({ reading }) => reading.kind === 'pnpm-workspace.yaml' && reading.workspaces?.length)
  const gathersOnly = (reading: ManifestReading) =>
    (reading.private === true && (Boolean(reading.workspaces?.length) || (pnpmRoot && reading.kind === 'package.json'))) ||
    (reading.kind === 'pom.xml' && Boolean(reading.workspaces?.length))
  const main = root
    .filter(({ reading }) => reading.name !== null && reading.ecosystem !== 'make' && !(reading.private && gathersOnly(reading)))
    .sort((a, b) => kindRank(a.reading) - kindRank(b.reading))[0]
  const members = packagesOf(own, input.linesUnder, main?.reading.ecosystem ?? null)
  // What the project calls itself: the README's title or logo when it names a name the repository
  // already has (its folder, its manifests, its Go module); else the manifest's name; else the folder's.
  const declared = main?.reading.name ?? null
  const readme = input.readmeText
    ? readReadme(input.readmeText, [input.folderName, ...root.map(({ reading }) => reading.name)], input.readmePath)
    : null
  // `FMT` in CMakeLists.txt and a folder called `fmt` are the same name: the folder's spelling reads better.
  // A Go module's path is where it lives, not what it is called: the folder names it then.
  const goModule = main?.reading.kind === 'go.mod'
  const name =
    readme?.name ??
    (goModule || (declared && declared.toLowerCase() === input.folderName.toLowerCase()) ? input.folderName : declared) ??
    input.folderName
  const packageName =
    declared && main && !gathersOnly(main.reading) && squash(declared) !== squash(name) && main.reading.kind !== 'CMakeLists.txt'
      ? declared
      : null
  // The root builds a package of its own when its manifest names one and code sits outside the members.
  const rootLines = input.linesUnder('.') - members.reduce((sum, pkg) => sum + pkg.lines, 0)
  // A root package with little code of its own (a meta-package such as rails.gemspec) is not the main one.
  const largestMember = members[0]?.lines ?? 0
  const rootIsMain = main !== undefined && isPackage(main.reading) && rootLines > 0 && rootLines >= 0.3 * largestMember
  const rootPackage = rootIsMain
    ? [{ name: main.reading.name!, dir: '.', manifest: main.path, lines: rootLines, description: main.reading.description ?? null }]
    : []
  const packages = [...rootPackage, ...members]
  // The main packages: the root's own; else the largest and those near its size (at most five).
  const mainCount = rootPackage.length > 0 ? 1 : Math.min(5, members.filter((pkg) => pkg.lines >= 0.3 * largestMember).length)
  const monorepo = packages.length >= 2 ? { packages: packages.length, main: packages.slice(0, 3).map((pkg) => pkg.name) } : null
  // A monorepo's packages describe themselves, not the repository (its README does that).
  const described = (text: string | null | undefined, named: string | null | undefined) =>
    text && text.toLowerCase() !== named?.toLowerCase() ? text : null
  // The README says what the project is; a manifest's description is the fallback.
  const description =
    (readme ? readmeDescription(readme) : null) ??
    described(main?.reading.description, main?.reading.name) ??
    root.map(({ reading }) => described(reading.description, reading.name)).find(Boolean) ??
    (packages.length === 1 ? described(packages[0]?.description, packages[0]?.name) : null) ??
    // The package named as the project (`Newtonsoft.Json` in a folder of that name) describes it too.
    described(packages.find((pkg) => namedAs(pkg.name, [input.folderName, name]))?.description, null)
  // The stack: runtime dependencies of the root and of the packages; build and test tools of the root.
  // The stack: the root's manifests and each main package's own (not a second manifest beside it, such
  // as a gem's JavaScript client, nor a secondary package's).
  const mainManifests = new Set(packages.slice(0, mainCount).map((pkg) => pkg.manifest))
  const stackReadings = [...root, ...own.filter(({ path }) => mainManifests.has(path))]
  const ownNames = new Set(
    [name, ...packages.map((pkg) => pkg.name), ...own.map(({ reading }) => reading.name ?? '')].map((n) => n.toLowerCase()),
  )
  const runtime = stackReadings.flatMap(({ reading }) => reading.dependencies).filter((dep) => !ownNames.has(dep.toLowerCase()))
  const rootDev = root.flatMap(({ reading }) => reading.devDependencies ?? [])
  const frameworks = [...matches(runtime, FRAMEWORKS), ...matches([...runtime, ...rootDev], BUILD_TOOLS)]
  // Test projects declare what they are tested with too (a .NET test project's xunit, a test app's rspec).
  const testReadings = input.readings.filter(({ path }) => folderPathRole(folderOf(path)) === 'test')
  const testedWith = matches(
    [
      ...rootDev,
      ...stackReadings.flatMap(({ reading }) => reading.devDependencies ?? []),
      ...runtime,
      ...testReadings.flatMap(({ reading }) => [...reading.dependencies, ...(reading.devDependencies ?? [])]),
    ],
    TEST_TOOLS,
  )
  return {
    name,
    packageName,
    description,
    intro: readme?.intro ?? null,
    frameworks: [...new Set(frameworks)],
    testedWith,
    packages,
    mainCount,
    monorepo,
  }
}

/** A manifest that builds something (not a workspace-only Cargo.toml, a private workspace root or a Maven parent). */
function isPackage(reading: ManifestReading): boolean {
  if (reading.kind === 'Cargo.toml') return reading.crate !== undefined
  if (reading.kind === 'pom.xml') return !reading.workspaces?.length
  return !(reading.private && reading.workspaces?.length)
}

function matches(dependencies: readonly string[], table: readonly (readonly [RegExp, string])[]): string[] {
  return [...new Set(table.filter(([pattern]) => dependencies.some((dep) => pattern.test(dep))).map(([, label]) => label))]
}

/** One entry per folder below the root that builds a named package, largest code first. */
function packagesOf(own: readonly Reading[], linesUnder: (dir: string) => number, ecosystem: string | null): PackageInfo[] {
  const byDir = new Map<string, Reading>()
  // In a folder with two manifests (a gem that also ships a JavaScript package), the root's ecosystem names it.
  const preference = (reading: ManifestReading) => (reading.ecosystem === ecosystem ? -1 : kindRank(reading))
  for (const entry of own) {
    const dir = folderOf(entry.path)
    if (dir === '.' || entry.reading.name === null || entry.reading.ecosystem === 'make') continue
    if (entry.reading.kind === 'Cargo.toml' && !entry.reading.crate) continue
    const known = byDir.get(dir)
    if (!known || preference(entry.reading) < preference(known.reading)) byDir.set(dir, entry)
  }
  // A package nested in another package's folder is part of it (a gem's test app, a crate's fuzz target).
  const dirs = [...byDir.keys()]
  // Without line counts (only paths known), every named package counts.
  const counted = linesUnder('.') > 0
  return dirs
    .filter((dir) => !dirs.some((other) => other !== dir && dir.startsWith(`${other}/`)))
    .map((dir) => {
      const { reading } = byDir.get(dir)!
      const chosen = byDir.get(dir)!
      return { name: reading.name!, dir, manifest: chosen.path, lines: linesUnder(dir), description: reading.description ?? null }
    })
    .filter((pkg) => pkg.lines > 0 || !counted)
    .sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name))
}

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/** Every word of a package's name is a word of one of these names (`Newtonsoft.Json` of `JamesNK/Newtonsoft.Json`). */
function namedAs(pkg: string, names: readonly string[]): boolean {
  const words = wordsOf(pkg)
  return words.length > 0 && names.some((name) => words.every((word) => wordsOf(name).includes(word)))
}
