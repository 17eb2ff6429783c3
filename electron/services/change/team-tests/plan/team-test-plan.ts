// How the team runs its tests, read from the repository: the CI job that runs them (GitHub Actions,
// GitLab CI) with the setup lines it runs before, in order, and the tools its setup actions provide;
// else the Makefile's or justfile's test target; else the ecosystem's own runner from the manifests
// (package.json's test script with its package manager, pytest, go test, cargo test, the Maven or
// Gradle wrapper, dotnet test, rake or rspec through Bundler, Composer's test script or PHPUnit, mix).
// Reads small files only; runs nothing. Whether it can run here is test-readiness.ts's question.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { readCiJobs, type CiJob } from './ci-jobs.ts'
import { commandKind, commandParts, unwrapRunner } from './command-kinds.ts'
import { commandEcosystem, manifestEcosystems } from './ecosystems.ts'

export interface TeamTestPlan {
  /** The test command as the team writes it. */
  readonly command: string
  /** Where it was read, for the leader: "the `test` job of .github/workflows/ci.yml". */
  readonly from: string
  /** What the team runs before it, in order: installs, builds and tools (CI's setup actions included). */
  readonly setup: readonly string[]
}

/** What CI's setup actions do that a plain command line would: each action's effect as the line it stands for. */
const ACTION_LINES: readonly [RegExp, (inputs: Readonly<Record<string, string>>) => string | null][] = [
  [/^pnpm\/action-setup$/, (inputs) => (inputs.run_install && inputs.run_install !== 'false' ? 'pnpm install' : null)],
  [/^ruby\/setup-ruby$/, (inputs) => (inputs['bundler-cache'] === 'true' ? 'bundle install' : null)],
  [/^ramsey\/composer-install$/, () => 'composer install'],
  [/^bahmutov\/npm-install$/, () => 'npm ci'],
]

/** Runners that build their own environments from the network: Gemba runs what their test environment runs instead. */
const ENV_BUILDERS = /^(tox|nox|hatch\s+test)(?:\s|$)/

const UNIT_FIRST = /\b(e2e|integration|browser|bench|smoke|lint|docs?|playwright|cypress|coverage-report)\b/i

/** The team's ways to run its tests, the likeliest first: CI's test jobs, the task runner's target, the manifests' runner. */
export async function teamTestPlans(root: string): Promise<TeamTestPlan[]> {
  const files = new Set(await readdir(root).catch(() => [] as string[]))
  const local = (await fromTaskRunner(root, files)) ?? (await fromManifests(root, files))
  return [...(await fromCi(root, files)), ...(local ? [local] : [])]
}

async function fromCi(root: string, files: ReadonlySet<string>): Promise<TeamTestPlan[]> {
  const jobs = await readCiJobs(root)
  const manifests = new Set(manifestEcosystems(files))
  const found: { plan: TeamTestPlan; score: number }[] = []
  for (const [order, job] of jobs.entries()) {
    if (!job.linux) continue
    const index = job.steps.findIndex((step) => step.kind === 'run' && commandKind(step.command) === 'test' && runnableLine(step.command))
    if (index < 0) continue
    const test = job.steps[index] as { command: string }
    const command = testPart(test.command)
    const ecosystem = commandEcosystem(command)
    const score =
      (/test/i.test(job.name) || /test/i.test(job.file) ? 4 : 0) +
      (ecosystem !== null && manifests.has(ecosystem) ? 3 : 0) -
      (UNIT_FIRST.test(command) || UNIT_FIRST.test(job.name) ? 3 : 0) -
      (/^cd\s/.test(test.command) ? 1 : 0) -
      order / 1000
    if (found.some((candidate) => candidate.plan.command === command)) continue
    found.push({ score, plan: { command, from: `the \`${job.name}\` job of ${job.file}`, setup: setupBefore(job, index) } })
  }
  return found.sort((a, b) => b.score - a.score).map((candidate) => candidate.plan)
}

/** The part of a CI line that runs the tests, with the `cd` before it kept (`cd web && npm test`). */
function testPart(line: string): string {
  const parts = commandParts(line)
  const at = parts.findIndex((part) => commandKind(part) === 'test')
  const cd = parts.slice(0, Math.max(0, at)).filter((part) => /^cd\s/.test(part))
  return [...cd, parts[at] ?? line].join(' && ')
}

function setupBefore(job: CiJob, index: number): string[] {
  const lines: string[] = []
  for (const step of job.steps.slice(0, index)) {
    if (step.kind === 'uses') {
      for (const [pattern, line] of ACTION_LINES) if (pattern.test(step.action)) lines.push(line(step.with) ?? '')
      continue
    }
    for (const part of commandParts(step.command)) {
      const kind = commandKind(part)
      if (kind === 'install' || kind === 'build' || kind === 'tool') lines.push(part)
    }
  }
  return [...new Set(lines.filter(Boolean))]
}

/** A line Gemba could run as CI writes it: no shell plumbing it cannot reproduce (pipes into CI formatters, `source`). */
function runnableLine(line: string): boolean {
  return !/\|\s*(xcbeautify|xcpretty|tee\b)|^source\s|\$GITHUB_|\$\{\{/.test(line)
}

async function fromTaskRunner(root: string, files: ReadonlySet<string>): Promise<TeamTestPlan | null> {
  for (const [file, runner] of [
    ['Makefile', 'make'],
    ['GNUmakefile', 'make'],
    ['justfile', 'just'],
    ['Justfile', 'just'],
  ] as const) {
    if (!files.has(file)) continue
    const text = await readSmallText(join(root, file))
    // `test` before `check` (often lint and more), wherever each is in the file.
    const target = ['test', 'tests', 'check'].find((name) => new RegExp(`^${name}\\s*:(?!=)`, 'm').test(text))
    if (target) return { command: `${runner} ${target}`, from: `the \`${target}\` target of the ${file}`, setup: [] }
  }
  return null
}

async function fromManifests(root: string, files: ReadonlySet<string>): Promise<TeamTestPlan | null> {
  const has = (name: string) => files.has(name)
  if (has('go.mod')) return { command: 'go test ./...', from: 'go.mod (Go’s own test runner)', setup: [] }
  if (has('Cargo.toml')) return { command: 'cargo test', from: 'Cargo.toml (Cargo’s test runner)', setup: [] }
  if (has('pom.xml'))
    return { command: has('mvnw') ? './mvnw test' : 'mvn test', from: `pom.xml${has('mvnw') ? ' and its Maven wrapper' : ''}`, setup: [] }
  if (has('build.gradle') || has('build.gradle.kts'))
    return {
      command: has('gradlew') ? './gradlew test' : 'gradle test',
      from: `the Gradle build${has('gradlew') ? ' and its wrapper' : ''}`,
      setup: [],
    }
  if ([...files].some((file) => /\.(sln|slnx|csproj|fsproj)$/.test(file)))
    return { command: 'dotnet test', from: 'the .NET solution', setup: ['dotnet restore'] }
  if (has('mix.exs')) return { command: 'mix test', from: 'mix.exs', setup: ['mix deps.get'] }
  if (has('Package.swift')) return { command: 'swift test', from: 'Package.swift (SwiftPM’s test runner)', setup: [] }
  if (has('Gemfile')) {
    const spec = await isFolder(join(root, 'spec'))
    return {
      command: spec ? 'bundle exec rspec' : 'bundle exec rake test',
      from: `the Gemfile and its ${spec ? 'spec/' : 'test/'} folder`,
      setup: ['bundle install'],
    }
  }
  if (has('composer.json')) {
    const manifest = await readJson(join(root, 'composer.json'))
    const scripts = (manifest?.scripts ?? {}) as Record<string, unknown>
    return scripts.test
      ? { command: 'composer test', from: 'composer.json’s `test` script', setup: ['composer install'] }
      : { command: 'vendor/bin/phpunit', from: 'composer.json (PHPUnit)', setup: ['composer install'] }
  }
  if (['pyproject.toml', 'setup.py', 'setup.cfg', 'tox.ini', 'pytest.ini', 'manage.py', 'requirements.txt'].some(has)) {
    if (has('manage.py') && !(await mentionsPytest(root, files)))
      return { command: 'python manage.py test', from: 'Django’s manage.py', setup: [] }
    return (await mentionsPytest(root, files))
      ? { command: 'pytest', from: 'the Python project (pytest)', setup: [] }
      : { command: 'python -m unittest', from: 'the Python project (unittest)', setup: [] }
  }
  if (has('package.json')) {
    const manifest = await readJson(join(root, 'package.json'))
    const test = ((manifest?.scripts ?? {}) as Record<string, unknown>).test
    if (typeof test !== 'string' || /no test specified/.test(test)) return null
    const manager = nodeManager(manifest, files)
    return { command: manager === 'bun' ? 'bun run test' : `${manager} test`, from: 'package.json’s `test` script', setup: [] }
  }
  return null
}

/** The package manager a Node project declares (`packageManager`), else the one its lockfile belongs to. */
export function nodeManager(manifest: Record<string, unknown> | null, files: ReadonlySet<string>): 'npm' | 'pnpm' | 'yarn' | 'bun' {
  const declared = typeof manifest?.packageManager === 'string' ? manifest.packageManager.split('@')[0] : undefined
  if (declared === 'npm' || declared === 'pnpm' || declared === 'yarn' || declared === 'bun') return declared
  if (files.has('pnpm-lock.yaml')) return 'pnpm'
  if (files.has('yarn.lock')) return 'yarn'
  if (files.has('bun.lockb') || files.has('bun.lock')) return 'bun'
  return 'npm'
}

/** Whether CI's test line runs a tool that builds its own environments (tox, nox, hatch test). */
export function buildsOwnEnvironment(command: string): boolean {
  return commandParts(command).some((part) => ENV_BUILDERS.test(unwrapRunner(part)))
}

async function mentionsPytest(root: string, files: ReadonlySet<string>): Promise<boolean> {
  if (files.has('pytest.ini') || files.has('conftest.py')) return true
  for (const file of ['pyproject.toml', 'setup.cfg', 'tox.ini', 'setup.py', 'requirements-dev.txt', 'requirements-test.txt']) {
    if (files.has(file) && /\bpytest\b/.test(await readSmallText(join(root, file)))) return true
  }
  return (await readdir(join(root, 'tests')).catch(() => [] as string[])).includes('conftest.py')
}

const isFolder = (path: string) =>
  stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  )

async function readSmallText(path: string): Promise<string> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile() || info.size > 512 * 1024) return ''
  return readFile(path, 'utf8').catch(() => '')
}

async function readJson(path: string): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = JSON.parse(await readSmallText(path))
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
