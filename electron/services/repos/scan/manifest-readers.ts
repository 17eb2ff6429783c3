// Reads one manifest each (package.json, pyproject.toml, go.mod, Cargo.toml, pom.xml, composer.json,
// .csproj…) into the same small shape: name, description, commands, runtime and development
// dependencies, workspace members, the entry files it declares and what import resolution needs. Pure
// functions of the text: never touch the disk, never throw on bad input.
import { parse as parseToml } from 'smol-toml'

export interface ManifestReading {
  readonly kind: string
  readonly ecosystem: string
  readonly name: string | null
  readonly description?: string | null
  readonly commands: readonly { name: string; command: string }[]
  /** What the code needs to run (what it is built with). */
  readonly dependencies: readonly string[]
  /** What only its development needs: tests, docs, tooling. */
  readonly devDependencies?: readonly string[]
  /** Globs or paths of workspace members, relative to the manifest's folder. */
  readonly workspaces?: readonly string[]
  readonly test?: string | null
  /** Declared not for publishing (package.json `private`). */
  readonly private?: boolean
  /** Entry files the manifest declares, relative to its folder, each with why (`library root`, `binary rg`). */
  readonly entries?: readonly { path: string; role: string }[]
  /** Rust: the crate this manifest builds (absent for a workspace-only Cargo.toml). */
  readonly crate?: { readonly name: string; readonly lib: string | null; readonly bins: readonly string[] }
  /** PHP: Composer autoload mappings, folders relative to the manifest. */
  readonly autoload?: readonly { prefix: string; dir: string; standard: 'psr-4' | 'psr-0' }[]
  /** .NET: referenced projects' .csproj paths, relative to the manifest's folder. */
  readonly projectReferences?: readonly string[]
  /** C/C++: include folders the build adds, relative to the manifest's folder. */
  readonly includeDirs?: readonly string[]
}

type Json = Record<string, unknown>

export const record = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})
export const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])

function readJson(source: string): Json | null {
  try {
    return record(JSON.parse(source.replace(/^\uFEFF/, '')))
  } catch {
    return null
  }
}

/** The files package.json `exports` maps the package itself to (`.`, under any condition); subpaths are not its entry. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(exportTargets)
  const entries = Object.entries(record(value))
  const subpaths = entries.some(([key]) => key.startsWith('.'))
  return entries.filter(([key]) => !subpaths || key === '.').flatMap(([, target]) => exportTargets(target))
}

export function readPackageJson(source: string): ManifestReading | null {
  const json = readJson(source)
  if (!json) return null
  const scripts = record(json.scripts)
  const commands = Object.entries(scripts).flatMap(([name, command]) => (typeof command === 'string' ? [{ name, command }] : []))
  const workspaces = Array.isArray(json.workspaces) ? strings(json.workspaces) : strings(record(json.workspaces).packages)
  const test = text(scripts.test)
  const bin = typeof json.bin === 'string' ? [json.bin] : Object.values(record(json.bin)).filter((v): v is string => typeof v === 'string')
  const entries = [
    ...[text(json.main), text(json.module), text(json.source)].flatMap((path) =>
      path ? [{ path, role: 'package entry (package.json main)' }] : [],
    ),
    ...exportTargets(json.exports)
      .filter((path) => !/\.(d\.[cm]?ts|json|css)$/.test(path))
      .slice(0, 8)
      .map((path) => ({ path, role: 'package entry (package.json exports)' })),
    ...bin.map((path) => ({ path, role: 'command-line entry (package.json bin)' })),
  ]
  return {
    kind: 'package.json',
    ecosystem: 'node',
    name: text(json.name),
    description: text(json.description),
    commands,
    dependencies: [...Object.keys(record(json.dependencies)), ...Object.keys(record(json.peerDependencies))],
    devDependencies: Object.keys(record(json.devDependencies)),
    workspaces,
    test: test && !/no test specified/.test(test) ? 'npm test' : null,
    private: json.private === true,
    entries: entries.map((entry) => ({ ...entry, path: entry.path.replace(/^\.\//, '') })),
  }
}

function readToml(source: string): Json | null {
  try {
    return record(parseToml(source))
  } catch {
    return null
  }
}

/** Dependency names from PEP 508 strings such as `fastapi[all]>=0.100`. */
const pep508 = (items: readonly string[]) => items.map((item) => item.split(/[\s<>=!~;[(]/, 1)[0]?.toLowerCase() ?? '').filter(Boolean)

/** `pkg.cli:main` → pkg/cli.py (or src/pkg/cli.py, checked against the files later). */
const pythonModulePath = (target: string) => `${(target.split(':')[0] ?? '').trim().split('.').join('/')}.py`

export function readPyproject(source: string): ManifestReading | null {
  const toml = readToml(source)
  if (!toml) return null
  const project = record(toml.project)
  const tool = record(toml.tool)
  const poetry = record(tool.poetry)
  const scripts = { ...record(project.scripts), ...record(poetry.scripts) }
  const optional = Object.values(record(project['optional-dependencies'])).flatMap(strings)
  const groups = Object.values(record(toml['dependency-groups'])).flatMap(strings)
  const poetryGroups = Object.values(record(poetry.group)).flatMap((group) => Object.keys(record(record(group).dependencies)))
  const dependencies = [
    ...pep508(strings(project.dependencies)),
    ...Object.keys(record(poetry.dependencies)).map((name) => name.toLowerCase()),
  ]
  const devDependencies = [...pep508([...optional, ...groups]), ...poetryGroups.map((name) => name.toLowerCase())]
  const pytest = Boolean(record(tool.pytest).ini_options) || [...dependencies, ...devDependencies].includes('pytest')
  const name = text(project.name) ?? text(poetry.name)
  const packages = [
    ...strings(record(record(tool.setuptools)).packages),
    ...(Array.isArray(poetry.packages)
      ? poetry.packages.map((item) => text(record(item).include)).filter((v): v is string => v !== null)
      : []),
  ]
  const entries = [
    ...Object.entries(scripts).map(([script, target]) => ({
      path: pythonModulePath(String(target)),
      role: `command-line entry (script ${script})`,
    })),
    ...[...packages, ...(name ? [name.replace(/-/g, '_').toLowerCase()] : [])].flatMap((pkg) => [
      { path: `${pkg.split('.').join('/')}/__init__.py`, role: 'package root (pyproject.toml)' },
      { path: `src/${pkg.split('.').join('/')}/__init__.py`, role: 'package root (pyproject.toml)' },
    ]),
  ]
  return {
    kind: 'pyproject.toml',
    ecosystem: 'python',
    name,
    description: text(project.description) ?? text(poetry.description),
    commands: Object.entries(scripts).map(([script, target]) => ({ name: script, command: String(target) })),
    dependencies,
    devDependencies,
    test: pytest ? 'pytest' : null,
    entries,
  }
}

export function readRequirements(source: string, kind: string): ManifestReading {
  const lines = source
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line && !line.startsWith('-'))
  const dependencies = pep508(lines)
  // requirements-dev.txt, requirements/test.txt…: what development needs, not what the code runs on.
  const dev = /(dev|test|doc|lint|ci|bench)/i.test(kind)
  return {
    kind,
    ecosystem: 'python',
    name: null,
    commands: [],
    dependencies: dev ? [] : dependencies,
    devDependencies: dev ? dependencies : [],
    test: dependencies.includes('pytest') ? 'pytest' : null,
  }
}

export function readSetupCfg(source: string): ManifestReading {
  const name = /^\s*name\s*=\s*(\S+)/m.exec(source)?.[1] ?? null
  const description = /^\s*description\s*=\s*(.+)$/m.exec(source)?.[1]?.trim() ?? null
  const requires = /install_requires\s*=\s*\n((?:[ \t]+\S.*\n?)*)/m.exec(source)?.[1] ?? ''
  const dependencies = pep508(
    requires
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  )
  return {
    kind: 'setup.cfg',
    ecosystem: 'python',
    name,
    description,
    commands: [],
    dependencies,
    test: /\[tool:pytest\]/.test(source) ? 'pytest' : null,
  }
}

export function readGoMod(source: string): ManifestReading {
  const name = /^module\s+(\S+)/m.exec(source)?.[1] ?? null
  const dependencies = [...source.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/[^\s]+)\s+v[\w.+-]+(?!.*\/\/ indirect)/gm)].map(
    (match) => match[1] ?? '',
  )
  return { kind: 'go.mod', ecosystem: 'go', name, commands: [], dependencies, test: 'go test ./...' }
}

export function readCargoToml(source: string): ManifestReading | null {
  const toml = readToml(source)
  if (!toml) return null
  const pkg = record(toml.package)
  const name = text(pkg.name)
  const lib = record(toml.lib)
  const bins = Array.isArray(toml.bin) ? toml.bin.map(record) : []
  const binPaths = bins.flatMap((bin) => {
    const path = text(bin.path) ?? (text(bin.name) ? `src/bin/${text(bin.name)}.rs` : null)
    return path ? [path] : []
  })
  const crate = name
    ? {
        name: (text(lib.name) ?? name).replace(/-/g, '_'),
        lib: text(lib.path) ?? 'src/lib.rs',
        bins: binPaths.length ? binPaths : ['src/main.rs'],
      }
    : undefined
  return {
    kind: 'Cargo.toml',
    ecosystem: 'rust',
    name,
    description: text(pkg.description),
    commands: [],
    dependencies: Object.keys(record(toml.dependencies)),
    devDependencies: [...Object.keys(record(toml['dev-dependencies'])), ...Object.keys(record(toml['build-dependencies']))],
    workspaces: strings(record(toml.workspace).members),
    test: 'cargo test',
    ...(crate
      ? {
          crate,
          entries: [
            { path: crate.lib, role: 'library root (Cargo.toml)' },
            ...crate.bins.map((path) => ({ path, role: `binary entry (Cargo.toml${bins.length ? ' [[bin]]' : ''})` })),
          ],
        }
      : {}),
  }
}

export function readComposer(source: string): ManifestReading | null {
  const json = readJson(source)
  if (!json) return null
  const scripts = record(json.scripts)
  const commands = Object.entries(scripts).map(([name, command]) => ({
    name,
    command: Array.isArray(command) ? command.join(' && ') : String(command),
  }))
  const devDependencies = Object.keys(record(json['require-dev']))
  const test = scripts.test ? 'composer test' : devDependencies.includes('phpunit/phpunit') ? 'vendor/bin/phpunit' : null
  const autoload = [record(json.autoload), record(json['autoload-dev'])].flatMap((section) =>
    (['psr-4', 'psr-0'] as const).flatMap((standard) =>
      Object.entries(record(section[standard])).flatMap(([prefix, dirs]) =>
        (typeof dirs === 'string' ? [dirs] : strings(dirs)).map((dir) => ({
          prefix,
          dir: dir.replace(/^\.\//, '').replace(/\/$/, ''),
          standard,
        })),
      ),
    ),
  )
  return {
    kind: 'composer.json',
    ecosystem: 'php',
    name: text(json.name),
    description: text(json.description),
    commands,
    dependencies: Object.keys(record(json.require)),
    devDependencies,
    test,
    autoload,
    entries: strings(json.bin).map((path) => ({ path, role: 'command-line entry (composer.json bin)' })),
  }
}
