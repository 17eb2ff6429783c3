// Whether the team's tests can run here before the leader presses Run: the ecosystem the command
// belongs to (or the repository's, from its manifests), its toolchain on the PATH the tests get, and
// its dependencies installed (node_modules for the lockfile's package manager — npm, pnpm, yarn, bun;
// a virtualenv with the test runner for Python; vendor/ for PHP); and the one command that installs
// what is missing, which Gemba runs only when the leader presses it. Reads files and the PATH; runs
// nothing.
import { access, readdir, readFile, stat } from 'node:fs/promises'
import { constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import type { TestEcosystem, TestReadiness } from '../../../../shared/models/change.ts'

interface Probe {
  readonly root: string
  readonly files: ReadonlySet<string>
  readonly command: string
  readonly env: NodeJS.ProcessEnv
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/** An executable of that name on the PATH the tests run with (no process is started). */
export async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : ['']
  for (const folder of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      if (
        await access(join(folder, `${name}${extension}`), constants.X_OK).then(
          () => true,
          () => false,
        )
      )
        return true
    }
  }
  return false
}

const COMMAND_ECOSYSTEM: readonly [RegExp, TestEcosystem][] = [
  [/^(npm|npx|pnpm|yarn|bun|node|vitest|jest|mocha|ava|tap)\b/, 'node'],
  [/^(pytest|py\.test|python3?|tox|nox|uv|poetry|pipenv|hatch)\b/, 'python'],
  [/^go\b/, 'go'],
  [/^cargo\b/, 'rust'],
  [/^(mvn|\.\/mvnw|gradle|\.\/gradlew)\b/, 'java'],
  [/^dotnet\b/, 'dotnet'],
  [/^(bundle|rspec|rake|rails|ruby)\b/, 'ruby'],
  [/^(composer|phpunit|php|vendor\/bin\/)/, 'php'],
]

const MANIFEST_ECOSYSTEM: readonly [RegExp, TestEcosystem][] = [
  [/^package\.json$/, 'node'],
  [/^(pyproject\.toml|setup\.py|setup\.cfg|requirements[\w.-]*\.txt|Pipfile|tox\.ini)$/, 'python'],
  [/^go\.mod$/, 'go'],
  [/^Cargo\.toml$/, 'rust'],
  [/^(pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?)$/, 'java'],
  [/\.(sln|csproj|fsproj)$/, 'dotnet'],
  [/^Gemfile$/, 'ruby'],
  [/^composer\.json$/, 'php'],
]

export function ecosystemOf(command: string, rootFiles: ReadonlySet<string>): TestEcosystem | null {
  const trimmed = command.trim().replace(/^(\w+=\S+\s+)+/, '')
  for (const [pattern, ecosystem] of COMMAND_ECOSYSTEM) if (pattern.test(trimmed)) return ecosystem
  for (const [pattern, ecosystem] of MANIFEST_ECOSYSTEM) if ([...rootFiles].some((file) => pattern.test(file))) return ecosystem
  return null
}

export async function testReadiness(root: string, command: string, env: NodeJS.ProcessEnv): Promise<TestReadiness> {
  const files = new Set(await readdir(root).catch(() => [] as string[]))
  const probe: Probe = { root, files, command, env }
  const ecosystem = ecosystemOf(command, files)
  const check = ecosystem ? CHECKS[ecosystem] : null
  if (!check)
    return {
      ecosystem,
      ready: true,
      problems: [],
      checked: ['Gemba does not know this kind of project, so it checked nothing.'],
      install: null,
      venv: null,
    }
  return check(probe)
}

type Check = (probe: Probe) => Promise<TestReadiness>

function result(
  ecosystem: TestEcosystem,
  problems: string[],
  checked: string[],
  install: TestReadiness['install'],
  venv: string | null = null,
): TestReadiness {
  return { ecosystem, ready: problems.length === 0, problems, checked, install: problems.length === 0 ? null : install, venv }
}

async function toolchain(names: readonly string[], probe: Probe, problems: string[], checked: string[], hint: string): Promise<boolean> {
  const missing: string[] = []
  for (const name of names) if (!(await onPath(name, probe.env))) missing.push(name)
  if (missing.length > 0)
    problems.push(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not on the PATH the tests run with. ${hint}`)
  else checked.push(`${names.join(', ')} found`)
  return missing.length === 0
}

const node: Check = async (probe) => {
  const problems: string[] = []
  const checked: string[] = []
  const manifest = await readFile(join(probe.root, 'package.json'), 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => null,
  )
  const declared = (manifest?.packageManager as string | undefined)?.split('@')[0]
  const manager =
    declared && ['npm', 'pnpm', 'yarn', 'bun'].includes(declared)
      ? declared
      : probe.files.has('pnpm-lock.yaml')
        ? 'pnpm'
        : probe.files.has('yarn.lock')
          ? 'yarn'
          : probe.files.has('bun.lockb') || probe.files.has('bun.lock')
            ? 'bun'
            : 'npm'
  const lockfile =
    ['pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock', 'package-lock.json', 'npm-shrinkwrap.json'].find((file) =>
      probe.files.has(file),
    ) ?? null
  const berry = manager === 'yarn' && probe.files.has('.yarnrc.yml')
  const install =
    manager === 'pnpm'
      ? 'pnpm install --frozen-lockfile'
      : manager === 'yarn'
        ? berry
          ? 'yarn install --immutable'
          : 'yarn install --frozen-lockfile'
        : manager === 'bun'
          ? 'bun install'
          : lockfile
            ? 'npm ci'
            : 'npm install'
  await toolchain(
    manager === 'bun' ? ['bun'] : ['node', manager],
    probe,
    problems,
    checked,
    manager === 'pnpm' || manager === 'yarn' ? `\`corepack enable\` provides ${manager} with Node.` : 'Install Node.js first.',
  )
  const dependencies =
    ['dependencies', 'devDependencies', 'optionalDependencies'].some(
      (key) => Object.keys((manifest?.[key] as object | undefined) ?? {}).length > 0,
    ) || Boolean(manifest?.workspaces)
  const installed =
    (await exists(join(probe.root, 'node_modules'))) ||
    (berry && ((await exists(join(probe.root, '.pnp.cjs'))) || (await exists(join(probe.root, '.pnp.js')))))
  if (dependencies && !installed)
    problems.push(
      `The dependencies are not installed (no node_modules${berry ? ' and no Plug’n’Play files' : ''}); the lockfile is ${lockfile ?? 'missing'}, so ${manager} installs them.`,
    )
  else checked.push(dependencies ? `node_modules present (${manager}${lockfile ? `, ${lockfile}` : ''})` : 'no dependencies to install')
  return result('node', problems, checked, {
    command: install,
    why: `Installs the dependencies with ${manager}${lockfile ? `, exactly as ${lockfile} pins them` : ''}.`,
  })
}

const VENVS = ['.venv', 'venv', 'env', '.env-py']

const python: Check = async (probe) => {
  const problems: string[] = []
  const checked: string[] = []
  let venv: string | null = null
  for (const name of VENVS) if (await exists(join(probe.root, name, 'pyvenv.cfg'))) venv ??= name
  const active = probe.env.VIRTUAL_ENV ?? null
  const runner = /^(pytest|py\.test)\b/.test(probe.command.trim())
    ? 'pytest'
    : /^python3? -m pytest\b/.test(probe.command.trim())
      ? 'pytest'
      : null
  const bin = process.platform === 'win32' ? 'Scripts' : 'bin'
  if (venv) {
    checked.push(`virtualenv ${venv}/ found`)
    if (runner && !(await exists(join(probe.root, venv, bin, runner))))
      problems.push(`${runner} is not installed in ${venv}/: the project’s test dependencies are missing there.`)
  } else if (active) {
    checked.push(`virtualenv active: ${active}`)
  } else {
    const hasRunner = runner ? await onPath(runner, probe.env) : await onPath('python3', probe.env)
    if (!hasRunner) problems.push(`There is no virtualenv here (.venv/) and ${runner ?? 'python3'} is not on the PATH the tests run with.`)
    else
      problems.push(
        `There is no virtualenv here (.venv/): the tests would run with the system's ${runner ?? 'Python'}, without the project's dependencies.`,
      )
  }
  const install = await pythonInstall(probe, venv)
  return result('python', problems, checked, install, venv)
}

async function pythonInstall(probe: Probe, venv: string | null): Promise<TestReadiness['install']> {
  const target = venv ?? '.venv'
  const create = venv ? '' : `python3 -m venv ${target} && `
  const pip = `${target}/bin/pip`
  if (probe.files.has('uv.lock') && (await onPath('uv', probe.env)))
    return { command: 'uv sync', why: 'Creates .venv and installs the locked dependencies with uv.' }
  if (probe.files.has('poetry.lock') && (await onPath('poetry', probe.env)))
    return { command: 'poetry install', why: 'Installs the locked dependencies into Poetry’s virtualenv.' }
  if (probe.files.has('Pipfile') && (await onPath('pipenv', probe.env)))
    return { command: 'pipenv install --dev', why: 'Installs the Pipfile’s dependencies, development ones included.' }
  const requirements = [
    'requirements-dev.txt',
    'requirements_dev.txt',
    'dev-requirements.txt',
    'requirements-test.txt',
    'test-requirements.txt',
    'requirements.txt',
  ].filter((file) => probe.files.has(file))
  const pyproject = await readFile(join(probe.root, 'pyproject.toml'), 'utf8').catch(() => '')
  const extra = /^\s*(test|tests|testing|dev)\s*=/m.exec(pyproject.slice(pyproject.indexOf('optional-dependencies')))?.[1]
  const parts = [...requirements.map((file) => `-r ${file}`)]
  if (pyproject || probe.files.has('setup.py')) parts.unshift(extra ? `-e '.[${extra}]'` : '-e .')
  if (parts.length === 0) return null
  return {
    command: `${create}${pip} install ${parts.join(' ')}`,
    why: `${venv ? `Installs into ${venv}/` : 'Creates .venv/ and installs'} the project${requirements.length ? ` and ${requirements.join(', ')}` : ''}.`,
  }
}

const simple =
  (
    ecosystem: TestEcosystem,
    tools: (probe: Probe) => readonly string[],
    hint: string,
    install: (probe: Probe) => TestReadiness['install'],
    deps?: (probe: Probe) => Promise<string | null>,
  ): Check =>
  async (probe) => {
    const problems: string[] = []
    const checked: string[] = []
    const ok = await toolchain(tools(probe), probe, problems, checked, hint)
    const missing = ok && deps ? await deps(probe) : null
    if (missing) problems.push(missing)
    return result(ecosystem, problems, checked, ok ? install(probe) : null)
  }

const CHECKS: Readonly<Record<TestEcosystem, Check>> = {
  node,
  python,
  go: simple(
    'go',
    () => ['go'],
    'Install Go from go.dev.',
    () => ({ command: 'go mod download', why: 'Downloads the modules go.mod needs.' }),
  ),
  rust: simple(
    'rust',
    () => ['cargo'],
    'Install Rust with rustup.',
    () => ({ command: 'cargo fetch', why: 'Downloads the crates Cargo.lock needs.' }),
  ),
  java: simple(
    'java',
    (probe) => [
      'java',
      ...(probe.files.has('pom.xml') ? (probe.files.has('mvnw') ? [] : ['mvn']) : probe.files.has('gradlew') ? [] : ['gradle']),
    ],
    'Install a JDK (and Maven or Gradle, unless the repository has its wrapper).',
    () => null,
  ),
  dotnet: simple(
    'dotnet',
    () => ['dotnet'],
    'Install the .NET SDK.',
    () => ({ command: 'dotnet restore', why: 'Restores the NuGet packages the projects need.' }),
  ),
  ruby: simple(
    'ruby',
    () => ['ruby', 'bundle'],
    'Install Ruby and Bundler.',
    () => ({ command: 'bundle install', why: 'Installs the gems Gemfile.lock pins.' }),
  ),
  php: simple(
    'php',
    () => ['php', 'composer'],
    'Install PHP and Composer.',
    () => ({ command: 'composer install', why: 'Installs the packages composer.lock pins into vendor/.' }),
    async (probe) => ((await exists(join(probe.root, 'vendor'))) ? null : 'The dependencies are not installed (no vendor/).'),
  ),
}
