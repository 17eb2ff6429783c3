// Whether a Python project's tests can run here, against the repository's code: its virtualenv (one in
// the repository, never the system's site-packages), the test runner installed there, the code under
// test importable from the repository (src/ or the root first on PYTHONPATH), and the setup that gets
// there in the team's order: uv or Poetry when the project locks with them and they are here, else a
// virtualenv with pip installing what the team's CI installs (its pip lines, `uv sync` groups, Poetry
// groups) or what the project declares for its tests (a dependency group, an extra, requirements files,
// tox's test environment). The only process it starts is the venv's Python asking where the code under
// test would be imported from (a few milliseconds, bounded).
import { execFile } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { MissingTool, SetupStep, TestReadiness } from '../../../../../shared/models/change.ts'
import { commandKind, commandParts, unwrapRunner } from '../plan/command-kinds.ts'
import { readPythonProject, type PythonProject } from '../plan/python-project.ts'
import type { ReadinessProbe } from './node-readiness.ts'
import { missingTool, onPath, programHere, programsOf } from './tools.ts'

const VENVS = ['.venv', 'venv', 'env', '.env-py']
const TEST_NAMES = ['test', 'tests', 'testing', 'dev']
const PIP_GROUPS_SINCE: readonly [number, number] = [25, 1]
const PROBE_TIMEOUT_MS = 5_000
const OUTSIDE_TOOLS = /^(uv|poetry|pipenv|pdm|hatch|rye|make|just|python3?(\.\d+)?)$/

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

const bin = process.platform === 'win32' ? 'Scripts' : 'bin'

/** The virtualenv the tests run in: one in the repository, or the active one when it is inside the repository. */
export async function findVenv(root: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  for (const name of VENVS) if (await exists(join(root, name, 'pyvenv.cfg'))) return name
  const active = env.VIRTUAL_ENV
  if (active && isAbsolute(active)) {
    const inside = relative(root, active)
    if (inside && !inside.startsWith('..') && !isAbsolute(inside) && (await exists(join(active, 'pyvenv.cfg')))) return inside
  }
  return null
}

type Runner = 'pytest' | 'django' | 'unittest' | null

function runnerOf(command: string): Runner {
  const parts = commandParts(command).map(unwrapRunner)
  if (parts.some((part) => /^(?:python3?\S*\s+-m\s+)?(?:pytest|py\.test)\b|^coverage\s+run\b.*-m\s+pytest/.test(part))) return 'pytest'
  if (parts.some((part) => /manage\.py\s+test\b/.test(part))) return 'django'
  if (parts.some((part) => /-m\s+unittest\b/.test(part))) return 'unittest'
  return null
}

export async function pythonReadiness(probe: ReadinessProbe): Promise<TestReadiness> {
  const problems: string[] = []
  const checked: string[] = []
  const missing: MissingTool[] = []
  let blocked: TestReadiness['blocked'] = null
  const project = await readPythonProject(probe.root)
  const venv = await findVenv(probe.root, probe.env)
  const runner = runnerOf(probe.command)
  const pythonPath = project.packages.length === 0 ? null : project.srcLayout ? 'src' : '.'
  const system = (await onPath('python3', probe.env)) ?? (await onPath('python', probe.env))
  if (!system && !venv) {
    missing.push(missingTool('python3'))
    blocked = { reason: 'tool_missing', sentence: 'Python 3 is not installed.' }
  }
  const runEnv = pythonRunEnv(probe.root, probe.env, venv, pythonPath)
  // Tools the command needs from outside the virtualenv (a project runner, make); pytest and the like come with the setup.
  for (const program of programsOf(probe.command)) {
    if (!OUTSIDE_TOOLS.test(program) || (await programHere(program, probe.root, runEnv))) continue
    missing.push(missingTool(program))
    blocked ??= { reason: 'tool_missing', sentence: `${program} is not installed.` }
  }

  const steps = await setupSteps(probe, project, venv, runner, system !== null)
  if (venv) {
    checked.push(`virtualenv ${venv}/ found`)
    if (runner === 'pytest' && !(await inVenv(probe.root, venv, 'pytest')))
      problems.push(`pytest is not installed in ${venv}/: the project’s test dependencies are missing there.`)
    if (runner === 'django' && !(await inVenv(probe.root, venv, 'django')))
      problems.push(`Django is not installed in ${venv}/: the project’s dependencies are missing there.`)
  } else if (system) {
    problems.push(
      'There is no virtualenv in the repository (.venv/): the tests would run with the system’s Python, without the project’s test dependencies.',
    )
  }
  if (pythonPath)
    checked.push(`the tests import ${project.packages.join(', ')} from ${pythonPath === '.' ? 'the repository' : `${pythonPath}/`}`)

  // The code under test must come from the repository, never from an installed copy.
  const python = venv ? join(probe.root, venv, bin, 'python') : system
  if (python && project.packages.length > 0 && !blocked) {
    const outside = await importedFromOutside(python, project.packages, probe.root, runEnv)
    if (outside)
      blocked = {
        reason: 'outside_repository',
        sentence: `The tests would import ${outside.name} from ${outside.origin}, outside the repository: they would test that installed copy, not this code.`,
      }
  }
  return {
    ecosystem: 'python',
    ready: problems.length === 0 && missing.length === 0 && blocked === null,
    problems,
    checked,
    steps,
    missing,
    blocked,
    venv,
    pythonPath,
  }
}

/** The environment the tests run in: the virtualenv first on the PATH, the code under test first on PYTHONPATH, no bytecode written. */
export function pythonRunEnv(root: string, env: NodeJS.ProcessEnv, venv: string | null, pythonPath: string | null): NodeJS.ProcessEnv {
  // No __pycache__ left in the repository by a test run: it is not the leader's change.
  const out: NodeJS.ProcessEnv = { ...env, PYTHONDONTWRITEBYTECODE: '1' }
  if (venv) {
    out.VIRTUAL_ENV = join(root, venv)
    out.PATH = [join(root, venv, bin), env.PATH].filter(Boolean).join(process.platform === 'win32' ? ';' : ':')
  }
  if (pythonPath) out.PYTHONPATH = [join(root, pythonPath), env.PYTHONPATH].filter(Boolean).join(process.platform === 'win32' ? ';' : ':')
  return out
}

async function inVenv(root: string, venv: string, module: string): Promise<boolean> {
  if (await exists(join(root, venv, bin, module))) return true
  const lib = join(root, venv, 'lib')
  for (const folder of await readdir(lib).catch(() => [] as string[]))
    if (await exists(join(lib, folder, 'site-packages', module))) return true
  return false
}

async function setupSteps(
  probe: ReadinessProbe,
  project: PythonProject,
  venv: string | null,
  runner: Runner,
  hasPython: boolean,
): Promise<SetupStep[]> {
  const teamLines = probe.setup.filter((line) => commandKind(line) === 'install' || commandKind(line) === 'build')
  const uv = probe.files.has('uv.lock') && (await onPath('uv', probe.env))
  const poetry = probe.files.has('poetry.lock') && (await onPath('poetry', probe.env))
  const ready = venv !== null && (runner !== 'pytest' || (await inVenv(probe.root, venv, 'pytest')))
  const done = ready
  // The team's own lines, where their tools are here: a Makefile target, `uv sync`, `poetry install`.
  const runnable = teamLines.filter((line) => /^(make|just|uv|poetry|pipenv)\b/.test(line))
  if (
    runnable.length > 0 &&
    (await Promise.all(runnable.map((line) => programHere(line.split(/\s+/)[0]!, probe.root, probe.env)))).every(Boolean)
  )
    return runnable.map((line) => ({ command: line, why: 'The team’s CI runs this before the tests.', done }))
  if (uv) return [{ command: `uv sync${groupFlags(project, probe.setup, runner)}`, why: 'Creates .venv/ with what uv.lock pins.', done }]
  if (poetry) return [{ command: 'poetry install', why: 'Installs what poetry.lock pins into Poetry’s virtualenv.', done }]
  if (!hasPython && !venv) return []
  const target = venv ?? '.venv'
  const python = `${target}/${bin}/python`
  const install = pipInstall(project, probe.setup, runner, probe.files)
  const steps: SetupStep[] = []
  // Its own .gitignore keeps git (and Gemba) from listing it as a change, as Python 3.13's venv does.
  if (!venv)
    steps.push({
      command: `python3 -m venv ${target} && echo '*' > ${target}/.gitignore`,
      why: 'Creates a virtualenv in the repository for its tests, ignored by git.',
      done: false,
    })
  if (install.groups && !(venv && (await pipHasGroups(probe.root, venv))))
    steps.push({
      command: `${python} -m pip install --upgrade 'pip>=${PIP_GROUPS_SINCE.join('.')}'`,
      why: `pip installs dependency groups from version ${PIP_GROUPS_SINCE.join('.')}.`,
      done,
    })
  if (install.args.length > 0)
    steps.push({
      command: `${python} -m pip install ${install.args.join(' ')}`,
      why: `${install.why}${probe.files.has('uv.lock') ? ' (uv.lock pins them for uv, which is not installed here; pip takes the versions the project allows)' : ''}.`,
      done,
    })
  return steps
}

/** What pip installs for the tests, from the team's CI lines, else tox's test environment, else what the project declares. */
function pipInstall(
  project: PythonProject,
  setup: readonly string[],
  runner: Runner,
  files: ReadonlySet<string>,
): { args: string[]; why: string; groups: boolean } {
  const self = project.installable ? ['-e', '.'] : []
  const args: string[] = []
  let why: string
  for (const line of setup) {
    for (const part of commandParts(line)) {
      const pip = /^(?:python3?\S*\s+-m\s+)?pip3?\s+install\s+(.+)$/.exec(part) ?? /^uv\s+pip\s+install\s+(.+)$/.exec(part)
      if (pip && commandKind(part) === 'install')
        args.push(...pip[1]!.split(/\s+/).filter((word) => !/^(-U|--upgrade|--user|--system)$/.test(word)))
      if (/^uv\s+sync\b/.test(part)) args.push(...self, ...groupArgs(project, part, runner))
      if (/^poetry\s+install\b/.test(part)) args.push(...self, ...Object.values(project.poetryGroups).flat())
    }
  }
  if (args.length > 0) why = 'Installs what the team’s CI installs'
  else if (project.tox && (project.tox.deps.length || project.tox.extras.length || project.tox.groups.length)) {
    const extras = project.tox.extras.length ? [`.[${project.tox.extras.join(',')}]`] : []
    args.push(
      ...(extras.length ? ['-e', ...extras] : self),
      ...project.tox.groups.flatMap((group) => ['--group', group]),
      ...project.tox.deps.flatMap((dep) => dep.split(/\s+/)),
    )
    why = 'Installs what tox’s test environment installs'
  } else {
    const group = pick(project.groups)
    const extra = group ? null : pick(project.extras)
    const poetry = group || extra ? null : pick(project.poetryGroups)
    const requirements = group || extra || poetry ? [] : project.requirements
    if (group) args.push(...self, '--group', group)
    else if (extra) args.push('-e', `.[${extra}]`)
    else args.push(...self, ...(poetry ? project.poetryGroups[poetry]! : []), ...requirements.flatMap((file) => ['-r', file]))
    if (!group && !extra && !poetry && requirements.length === 0 && files.has('requirements.txt')) args.push('-r', 'requirements.txt')
    why = group
      ? `Installs the project and its \`${group}\` dependency group`
      : extra
        ? `Installs the project with its \`${extra}\` extra`
        : poetry
          ? `Installs the project and Poetry’s \`${poetry}\` group`
          : 'Installs the project and its requirements'
  }
  const mentions = args.join(' ')
  const declared = [
    ...Object.entries(project.groups).filter(([name]) => mentions.includes(`--group ${name}`)),
    ...Object.entries(project.extras).filter(([name]) => mentions.includes(name)),
  ].flatMap(([, list]) => list)
  if (
    runner === 'pytest' &&
    !/\bpytest\b/.test(mentions) &&
    !declared.some((dep) => /^pytest\b/.test(dep)) &&
    !args.some((arg) => arg.startsWith('-r'))
  )
    args.push('pytest')
  return { args: dedupeFlags(args), why, groups: args.includes('--group') }
}

/** Keeps `-e .` and `--group x` pairs whole while dropping repeats, and quotes what the shell would read. */
function dedupeFlags(args: readonly string[]): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!
    const pair = ['-e', '-r', '--group', '--editable', '--requirement'].includes(word) && index + 1 < args.length
    const item = pair ? `${word} ${args[++index]!}` : word
    if (seen.has(item)) continue
    seen.add(item)
    out.push(item.replace(/(\S*[[\]<>=*]\S*)/g, (text) => (/^'.*'$/.test(text) ? text : `'${text}'`)))
  }
  return out
}

/** The group (or extra) that holds the test runner: one named like tests first, else the first that lists pytest. */
function pick(table: Readonly<Record<string, readonly string[]>>): string | null {
  const names = Object.keys(table)
  const holds = (name: string) => table[name]!.some((dep) => /^pytest\b/i.test(dep))
  return (
    TEST_NAMES.find((name) => names.includes(name) && holds(name)) ??
    names.find(holds) ??
    TEST_NAMES.find((name) => names.includes(name)) ??
    null
  )
}

function groupArgs(project: PythonProject, uvSync: string, runner: Runner): string[] {
  const groups = [...uvSync.matchAll(/--(?:only-)?group[= ](\S+)/g)].map((match) => match[1]!)
  if (/--all-groups/.test(uvSync)) groups.push(...Object.keys(project.groups))
  if (!/--no-default-groups|--no-dev|--only-group/.test(uvSync) && 'dev' in project.groups) groups.push('dev')
  const extras = [...uvSync.matchAll(/--extra[= ](\S+)/g)].map((match) => match[1]!)
  if (/--all-extras/.test(uvSync)) extras.push(...Object.keys(project.extras))
  if (runner === 'pytest' && !groups.some((group) => project.groups[group]?.some((dep) => /^pytest\b/.test(dep)))) {
    const tests = pick(project.groups)
    if (tests) groups.push(tests)
  }
  return [...new Set(groups)].flatMap((group) => ['--group', group]).concat(extras.length ? ['-e', `.[${extras.join(',')}]`] : [])
}

function groupFlags(project: PythonProject, setup: readonly string[], runner: Runner): string {
  const line = setup.find((candidate) => /^uv\s+sync\b/.test(candidate)) ?? 'uv sync'
  const flags = groupArgs(project, line, runner)
    .join(' ')
    .replace(/-e \.\[([^\]]+)\]/, (_, extras: string) =>
      extras
        .split(',')
        .map((extra) => `--extra ${extra}`)
        .join(' '),
    )
  return flags ? ` ${flags}` : ''
}

async function pipHasGroups(root: string, venv: string): Promise<boolean> {
  const lib = join(root, venv, 'lib')
  for (const folder of await readdir(lib).catch(() => [] as string[])) {
    for (const entry of await readdir(join(lib, folder, 'site-packages')).catch(() => [] as string[])) {
      const version = /^pip-(\d+)\.(\d+)/.exec(entry)
      if (version) {
        const [major, minor] = [Number(version[1]), Number(version[2])]
        return major > PIP_GROUPS_SINCE[0] || (major === PIP_GROUPS_SINCE[0] && minor >= PIP_GROUPS_SINCE[1])
      }
    }
  }
  return false
}

const ORIGINS = [
  'import importlib.util, sys',
  'for name in sys.argv[1:]:',
  '    try:',
  '        spec = importlib.util.find_spec(name)',
  '    except Exception:',
  '        spec = None',
  '    origin = spec and (spec.origin if spec.origin not in (None, "namespace") else next(iter(spec.submodule_search_locations or []), None))',
  '    print(name + "\\t" + (origin or ""))',
].join('\n')

/** The first package the tests would import from outside the repository, as that Python finds it (nothing is imported). */
async function importedFromOutside(
  python: string,
  packages: readonly string[],
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<{ name: string; origin: string } | null> {
  const output = await new Promise<string>((resolve) => {
    // `-c` puts the repository first on sys.path, as `python -m pytest` does; PYTHONPATH comes next.
    execFile(python, ['-c', ORIGINS, ...packages], { cwd: root, env, timeout: PROBE_TIMEOUT_MS }, (error, stdout) =>
      resolve(error ? '' : stdout),
    )
  })
  for (const line of output.split('\n')) {
    const [name, origin] = line.split('\t')
    if (!name || !origin) continue
    const inside = relative(root, origin)
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
      return { name, origin: origin.replace(/[/\\]__init__\.py$/, '') }
  }
  return null
}
