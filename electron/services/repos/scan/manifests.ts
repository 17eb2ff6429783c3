// Project facts from the manifests among the tracked files: name, commands, the test command, frameworks,
// ecosystems, CI and workspace packages. Reads only the manifests it finds; never runs anything.
import type { ProjectCommand, ProjectFacts } from '../../../../shared/models/repos.ts'
import {
  readCargoToml, readComposer, readCsproj, readGemfile, readGoMod, readGradle, readMakefile,
  readPackageJson, readPom, readPyproject, readRequirements, readSetupCfg, type ManifestReading,
} from './manifest-readers.ts'

const FRAMEWORKS: readonly (readonly [RegExp, string])[] = [
  [/^next$/, 'Next.js'], [/^react$/, 'React'], [/^vue$/, 'Vue'], [/^nuxt$/, 'Nuxt'], [/^svelte$/, 'Svelte'],
  [/^@sveltejs\/kit$/, 'SvelteKit'], [/^@angular\/core$/, 'Angular'], [/^express$/, 'Express'], [/^fastify$/, 'Fastify'],
  [/^koa$/, 'Koa'], [/^@nestjs\/core$/, 'NestJS'], [/^electron$/, 'Electron'], [/^vite$/, 'Vite'], [/^jest$/, 'Jest'],
  [/^vitest$/, 'Vitest'], [/^mocha$/, 'Mocha'], [/^@playwright\/test$/, 'Playwright'], [/^react-native$/, 'React Native'],
  [/^django$/, 'Django'], [/^flask$/, 'Flask'], [/^fastapi$/, 'FastAPI'], [/^pytest$/, 'pytest'], [/^sqlalchemy$/, 'SQLAlchemy'],
  [/^celery$/, 'Celery'], [/^pydantic$/, 'Pydantic'],
  [/^github\.com\/gin-gonic\/gin$/, 'Gin'], [/^github\.com\/labstack\/echo/, 'Echo'], [/^github\.com\/gofiber\/fiber/, 'Fiber'],
  [/^github\.com\/gorilla\/mux$/, 'Gorilla mux'], [/^github\.com\/spf13\/cobra$/, 'Cobra'], [/^google\.golang\.org\/grpc$/, 'gRPC'],
  [/^actix-web$/, 'Actix Web'], [/^axum$/, 'Axum'], [/^rocket$/, 'Rocket'], [/^tokio$/, 'Tokio'],
  [/^spring-boot/, 'Spring Boot'], [/^org\.springframework\.boot$/, 'Spring Boot'], [/^quarkus/, 'Quarkus'], [/^micronaut/, 'Micronaut'],
  [/^junit$|^junit-jupiter|^org\.junit/, 'JUnit'],
  [/^rails$/, 'Rails'], [/^sinatra$/, 'Sinatra'], [/^rspec(-rails)?$/, 'RSpec'],
  [/^laravel\/framework$/, 'Laravel'], [/^symfony\/framework-bundle$/, 'Symfony'], [/^Microsoft\.AspNetCore|^Microsoft\.NET\.Sdk\.Web$/, 'ASP.NET Core'],
]

const CI_FILES: readonly (readonly [RegExp, string])[] = [
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, 'GitHub Actions'], [/^\.gitlab-ci\.yml$/, 'GitLab CI'], [/^\.circleci\/config\.yml$/, 'CircleCI'],
  [/^Jenkinsfile$/, 'Jenkins'], [/^azure-pipelines\.yml$/, 'Azure Pipelines'], [/^\.travis\.yml$/, 'Travis CI'],
  [/^bitbucket-pipelines\.yml$/, 'Bitbucket Pipelines'], [/^\.buildkite\//, 'Buildkite'],
]

/** Manifests further down than this (or under vendored folders) are someone else's project. */
const MAX_DEPTH = 4
const VENDORED = /(^|\/)(node_modules|vendor|third_party|testdata|fixtures?|examples?|__fixtures__)\//

export function isManifest(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return (
    /^(package\.json|pyproject\.toml|setup\.cfg|go\.mod|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|Gemfile|composer\.json|Makefile|Dockerfile)$/.test(name) ||
    /^requirements.*\.txt$/.test(name) ||
    name.endsWith('.csproj')
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
  if (name === 'composer.json') return readComposer(source)
  if (name.endsWith('.csproj')) return readCsproj(source, path)
  if (name === 'Makefile') return readMakefile(source)
  if (name === 'Dockerfile') return { kind: 'Dockerfile', ecosystem: 'docker', name: null, commands: [], dependencies: [] }
  return null
}

export interface ManifestScan {
  readonly facts: ProjectFacts
  /** Folders of workspace packages (package.json workspaces, Cargo members, Maven modules). */
  readonly workspaceFolders: readonly string[]
  readonly goModulePath: string | null
  /** Named packages (package.json name + folder), so imports by package name resolve to files. */
  readonly packages: readonly { name: string; dir: string }[]
}

export async function scanManifests(
  paths: readonly string[],
  readText: (path: string) => Promise<string | null>,
  fallbackName: string,
): Promise<ManifestScan> {
  const candidates = paths
    .filter((path) => isManifest(path) && path.split('/').length <= MAX_DEPTH && !VENDORED.test(path))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
  const readings: { path: string; reading: ManifestReading }[] = []
  for (const path of candidates.slice(0, 200)) {
    const source = await readText(path)
    const reading = source === null ? null : readManifest(path, source)
    if (reading) readings.push({ path, reading })
  }
  const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.')
  const root = readings.filter(({ path }) => !path.includes('/'))
  const main = root.find(({ reading }) => reading.name !== null && reading.ecosystem !== 'make') ?? readings.find(({ reading }) => reading.name !== null)
  const workspaceFolders = expandWorkspaces(readings, paths, folderOf)
  const commands: ProjectCommand[] = readings.flatMap(({ path, reading }) =>
    !path.includes('/') ? reading.commands.map((command) => ({ ...command, source: path })) : [],
  )
  const dependencies = new Set(readings.flatMap(({ reading }) => reading.dependencies))
  const frameworks = FRAMEWORKS.filter(([pattern]) => [...dependencies].some((dep) => pattern.test(dep))).map(([, name]) => name)
  const ci = [...new Set(paths.flatMap((path) => CI_FILES.filter(([pattern]) => pattern.test(path)).map(([, name]) => name)))]
  return {
    facts: {
      name: main?.reading.name ?? fallbackName,
      description: main?.reading.description ?? readings.find(({ reading }) => reading.description)?.reading.description ?? null,
      manifests: readings.map(({ path, reading }) => ({ path, kind: reading.kind, name: reading.name })),
      commands: commands.slice(0, 60),
      testCommand: chooseTestCommand(readings, paths),
      frameworks: [...new Set(frameworks)],
      ecosystems: [...new Set(readings.map(({ reading }) => reading.ecosystem).filter((e) => e !== 'make'))],
      ci,
      workspaces: workspaceFolders,
    },
    workspaceFolders,
    goModulePath: readings.find(({ path }) => path === 'go.mod')?.reading.name ?? null,
    packages: readings.flatMap(({ path, reading }) =>
      reading.kind === 'package.json' && reading.name && path.includes('/') ? [{ name: reading.name, dir: folderOf(path) }] : [],
    ),
  }
}

function chooseTestCommand(readings: readonly { path: string; reading: ManifestReading }[], paths: readonly string[]): string | null {
  const atRoot = readings.filter(({ path }) => !path.includes('/'))
  const order = ['node', 'make', 'go', 'rust', 'java', 'ruby', 'php', 'dotnet', 'python']
  for (const ecosystem of order) {
    const hit = atRoot.find(({ reading }) => reading.ecosystem === ecosystem && reading.test)
    if (hit?.reading.test) return adjustForWrapper(hit.reading.test, paths)
  }
  if (atRoot.some(({ reading }) => reading.ecosystem === 'python') || paths.some((path) => /(^|\/)(conftest\.py|pytest\.ini)$/.test(path))) {
    return paths.some((path) => /(^|\/)(conftest\.py|pytest\.ini|test_[^/]+\.py)$/.test(path)) ? 'pytest' : 'python -m unittest'
  }
  const nested = readings.find(({ reading }) => reading.test)
  return nested?.reading.test ? adjustForWrapper(nested.reading.test, paths) : null
}

function adjustForWrapper(command: string, paths: readonly string[]): string {
  const has = (path: string) => paths.includes(path)
  if (command === 'npm test') return has('pnpm-lock.yaml') ? 'pnpm test' : has('yarn.lock') ? 'yarn test' : has('bun.lockb') ? 'bun test' : command
  if (command === 'mvn test' && has('mvnw')) return './mvnw test'
  if (command === './gradlew test' && !has('gradlew')) return 'gradle test'
  return command
}

function expandWorkspaces(
  readings: readonly { path: string; reading: ManifestReading }[],
  paths: readonly string[],
  folderOf: (path: string) => string,
): string[] {
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
