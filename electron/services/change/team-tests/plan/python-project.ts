// What a Python project declares for its tests, read from its files: PEP 735 dependency groups,
// extras, Poetry's groups, requirements files, tox's test environment (tox.ini or pyproject's
// [tool.tox]), and where its importable code lives (a src/ layout or packages at the root), so the
// tests run against the repository's code. Reads small files only; runs nothing.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parse as parseToml } from 'smol-toml'

export interface PythonProject {
  /** `[dependency-groups]` (PEP 735), `include-group` entries expanded. */
  readonly groups: Readonly<Record<string, readonly string[]>>
  /** `[project.optional-dependencies]`. */
  readonly extras: Readonly<Record<string, readonly string[]>>
  /** Poetry's groups (`[tool.poetry.group.X.dependencies]`, `dev-dependencies` as `dev`): package names. */
  readonly poetryGroups: Readonly<Record<string, readonly string[]>>
  /** Requirements files for development or tests that exist. */
  readonly requirements: readonly string[]
  /** The project itself installs (`pip install -e .` works): a pyproject with a build system or project table, or setup.py. */
  readonly installable: boolean
  /** The import names of the code under test, and whether they sit in src/. */
  readonly packages: readonly string[]
  readonly srcLayout: boolean
  /** tox's test environment, when tox runs the tests: what it installs and what it runs. */
  readonly tox: ToxEnv | null
}

export interface ToxEnv {
  readonly deps: readonly string[]
  readonly extras: readonly string[]
  readonly groups: readonly string[]
  /** Its commands, each a command line ({posargs} and tox's own placeholders removed). */
  readonly commands: readonly string[]
}

const REQUIREMENTS = /^(requirements[-_](dev|test|tests|testing)|(dev|test|tests)[-_]requirements)\.(txt|in)$/
/** Tools tox installs to run its commands, not what the tests import. */
const TOOLS = /^(poetry|tox|nox|uv|pip|setuptools|wheel|pdm|hatch)\b/
const NOT_CODE = new Set([
  'tests',
  'test',
  'testing',
  'docs',
  'doc',
  'examples',
  'example',
  'scripts',
  'benchmarks',
  'build',
  'dist',
  'tools',
])

type Table = Record<string, unknown>
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value)
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])

async function readSmall(path: string): Promise<string> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile() || info.size > 512 * 1024) return ''
  return readFile(path, 'utf8').catch(() => '')
}

export async function readPythonProject(root: string): Promise<PythonProject> {
  const files = new Set(await readdir(root).catch(() => [] as string[]))
  let pyproject: Table = {}
  try {
    pyproject = parseToml(await readSmall(join(root, 'pyproject.toml')))
  } catch {
    // An unreadable pyproject declares nothing.
  }
  const project = isTable(pyproject.project) ? pyproject.project : {}
  const tool = isTable(pyproject.tool) ? pyproject.tool : {}
  const poetry = isTable(tool.poetry) ? tool.poetry : {}
  const { packages, srcLayout } = await codePackages(root, files, project, tool)
  return {
    groups: dependencyGroups(pyproject['dependency-groups']),
    extras: Object.fromEntries(
      Object.entries(isTable(project['optional-dependencies']) ? project['optional-dependencies'] : {}).map(([name, list]) => [
        name,
        strings(list),
      ]),
    ),
    poetryGroups: poetryGroups(poetry),
    requirements: [...files].filter((file) => REQUIREMENTS.test(file)).sort(),
    installable: files.has('setup.py') || (files.has('pyproject.toml') && (isTable(pyproject['build-system']) || 'name' in project)),
    packages,
    srcLayout,
    tox: (await toxFromIni(join(root, 'tox.ini'))) ?? toxFromToml(isTable(tool.tox) ? tool.tox : null),
  }
}

function dependencyGroups(value: unknown): Record<string, string[]> {
  const table = isTable(value) ? value : {}
  const expand = (name: string, seen: Set<string>): string[] => {
    if (seen.has(name)) return []
    seen.add(name)
    const entries = Array.isArray(table[name]) ? (table[name] as unknown[]) : []
    return entries.flatMap((entry) =>
      typeof entry === 'string'
        ? [entry]
        : isTable(entry) && typeof entry['include-group'] === 'string'
          ? expand(entry['include-group'], seen)
          : [],
    )
  }
  return Object.fromEntries(Object.keys(table).map((name) => [name, expand(name, new Set())]))
}

function poetryGroups(poetry: Table): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const names = (table: unknown) => Object.keys(isTable(table) ? table : {}).filter((name) => name !== 'python')
  if (isTable(poetry['dev-dependencies'])) out.dev = names(poetry['dev-dependencies'])
  for (const [group, definition] of Object.entries(isTable(poetry.group) ? poetry.group : {}))
    if (isTable(definition)) out[group] = [...(out[group] ?? []), ...names(definition.dependencies)]
  return out
}

/** Where the code under test lives: src/'s packages, else the root's (not tests, docs or tooling), else the project's module. */
async function codePackages(
  root: string,
  files: ReadonlySet<string>,
  project: Table,
  tool: Table,
): Promise<{ packages: string[]; srcLayout: boolean }> {
  const packagesIn = async (folder: string): Promise<string[]> => {
    const out: string[] = []
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      if (NOT_CODE.has(entry.name) || entry.name.startsWith('.') || entry.name.startsWith('_')) continue
      if (entry.isDirectory() && /^[A-Za-z_]\w*$/.test(entry.name)) {
        if (
          await stat(join(folder, entry.name, '__init__.py')).then(
            () => true,
            () => false,
          )
        )
          out.push(entry.name)
      }
    }
    return out.sort()
  }
  if (files.has('src')) {
    const inSrc = await packagesIn(join(root, 'src'))
    if (inSrc.length > 0) return { packages: inSrc, srcLayout: true }
  }
  const atRoot = await packagesIn(root)
  if (atRoot.length > 0) return { packages: atRoot, srcLayout: false }
  // A single-module project: its module named after it (flit's module, setuptools' py-modules, the project's name).
  const flit = isTable(tool.flit) && isTable(tool.flit.module) ? tool.flit.module.name : undefined
  const setuptools = isTable(tool.setuptools) ? strings(tool.setuptools['py-modules']) : []
  const named = typeof project.name === 'string' ? project.name.toLowerCase().replace(/[-.]/g, '_') : undefined
  const modules = [flit, ...setuptools, named].filter((name): name is string => typeof name === 'string' && files.has(`${name}.py`))
  return { packages: [...new Set(modules)], srcLayout: false }
}

/** tox.ini's [testenv]: its deps, extras, dependency_groups and commands. */
async function toxFromIni(path: string): Promise<ToxEnv | null> {
  const text = await readSmall(path)
  const section = /^\[testenv\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1]
  if (section === undefined) return null
  const values = new Map<string, string[]>()
  let key: string | null = null
  for (const line of section.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(line) || line.trim() === '') continue
    const start = /^([\w-]+)\s*=\s*(.*)$/.exec(line)
    if (start) {
      key = start[1]!
      values.set(key, start[2]!.trim() ? [start[2]!.trim()] : [])
    } else if (key && /^\s/.test(line)) values.get(key)!.push(line.trim())
  }
  const list = (name: string) => (values.get(name) ?? []).flatMap((value) => value.split(/[\s,]+/)).filter(Boolean)
  return {
    deps: (values.get('deps') ?? []).filter((dep) => !/^\{/.test(dep) && !TOOLS.test(dep)),
    extras: list('extras'),
    groups: list('dependency_groups'),
    commands: (values.get('commands') ?? []).map(cleanToxCommand).filter(Boolean),
  }
}

function toxFromToml(tox: Table | null): ToxEnv | null {
  const base = tox && isTable(tox.env_run_base) ? tox.env_run_base : null
  if (!base) return null
  const commands = (Array.isArray(base.commands) ? base.commands : []).map((command) =>
    cleanToxCommand(
      (Array.isArray(command) ? command : [])
        .filter((word): word is string => typeof word === 'string')
        .map((word) => (/\s/.test(word) ? `'${word}'` : word))
        .join(' '),
    ),
  )
  return {
    deps: strings(base.deps).filter((dep) => !TOOLS.test(dep)),
    extras: strings(base.extras),
    groups: strings(base.dependency_groups),
    commands: commands.filter(Boolean),
  }
}

/** A tox command without tox's placeholders (`{posargs}`, `--basetemp={envtmpdir}`). */
function cleanToxCommand(command: string): string {
  return command
    .replace(/\S*\{[^}]*\}\S*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
