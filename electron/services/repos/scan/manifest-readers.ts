// Reads one manifest each (package.json, pyproject.toml, go.mod, Cargo.toml, pom.xml, Gemfile…) into
// the same small shape. Pure functions of the text: never touch the disk, never throw on bad input.
import { parse as parseToml } from 'smol-toml'

export interface ManifestReading {
  readonly kind: string
  readonly ecosystem: string
  readonly name: string | null
  readonly description?: string | null
  readonly commands: readonly { name: string; command: string }[]
  readonly dependencies: readonly string[]
  /** Globs or paths of workspace members, relative to the manifest's folder. */
  readonly workspaces?: readonly string[]
  readonly test?: string | null
}

type Json = Record<string, unknown>

const record = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])

export function readPackageJson(source: string): ManifestReading | null {
  let json: Json
  try {
    json = record(JSON.parse(source))
  } catch {
    return null
  }
  const scripts = record(json.scripts)
  const commands = Object.entries(scripts).flatMap(([name, command]) => (typeof command === 'string' ? [{ name, command }] : []))
  const workspaces = Array.isArray(json.workspaces) ? strings(json.workspaces) : strings(record(json.workspaces).packages)
  const test = text(scripts.test)
  return {
    kind: 'package.json',
    ecosystem: 'node',
    name: text(json.name),
    description: text(json.description),
    commands,
    dependencies: [
      ...Object.keys(record(json.dependencies)),
      ...Object.keys(record(json.devDependencies)),
      ...Object.keys(record(json.peerDependencies)),
    ],
    workspaces,
    test: test && !/no test specified/.test(test) ? 'npm test' : null,
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

export function readPyproject(source: string): ManifestReading | null {
  const toml = readToml(source)
  if (!toml) return null
  const project = record(toml.project)
  const poetry = record(record(toml.tool).poetry)
  const scripts = { ...record(project.scripts), ...record(poetry.scripts) }
  const optional = Object.values(record(project['optional-dependencies'])).flatMap(strings)
  const groups = Object.values(record(toml['dependency-groups'])).flatMap(strings)
  const dependencies = [
    ...pep508([...strings(project.dependencies), ...optional, ...groups]),
    ...Object.keys(record(poetry.dependencies)).map((name) => name.toLowerCase()),
    ...Object.values(record(poetry.group)).flatMap((group) => Object.keys(record(record(group).dependencies))),
  ]
  const pytest = Boolean(record(record(toml.tool).pytest).ini_options) || dependencies.includes('pytest')
  return {
    kind: 'pyproject.toml',
    ecosystem: 'python',
    name: text(project.name) ?? text(poetry.name),
    description: text(project.description) ?? text(poetry.description),
    commands: Object.entries(scripts).map(([name, target]) => ({ name, command: String(target) })),
    dependencies,
    test: pytest ? 'pytest' : null,
  }
}

export function readRequirements(source: string, kind: string): ManifestReading {
  const lines = source.split(/\r?\n/).map((line) => line.replace(/#.*/, '').trim()).filter((line) => line && !line.startsWith('-'))
  const dependencies = pep508(lines)
  return { kind, ecosystem: 'python', name: null, commands: [], dependencies, test: dependencies.includes('pytest') ? 'pytest' : null }
}

export function readSetupCfg(source: string): ManifestReading {
  const name = /^\s*name\s*=\s*(\S+)/m.exec(source)?.[1] ?? null
  const requires = /install_requires\s*=\s*\n((?:[ \t]+\S.*\n?)*)/m.exec(source)?.[1] ?? ''
  const dependencies = pep508(requires.split('\n').map((line) => line.trim()).filter(Boolean))
  return { kind: 'setup.cfg', ecosystem: 'python', name, commands: [], dependencies, test: /\[tool:pytest\]/.test(source) ? 'pytest' : null }
}

export function readGoMod(source: string): ManifestReading {
  const name = /^module\s+(\S+)/m.exec(source)?.[1] ?? null
  const dependencies = [...source.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/[^\s]+)\s+v[\w.+-]+/gm)].map((match) => match[1] ?? '')
  return { kind: 'go.mod', ecosystem: 'go', name, commands: [], dependencies, test: 'go test ./...' }
}

export function readCargoToml(source: string): ManifestReading | null {
  const toml = readToml(source)
  if (!toml) return null
  const pkg = record(toml.package)
  return {
    kind: 'Cargo.toml',
    ecosystem: 'rust',
    name: text(pkg.name),
    description: text(pkg.description),
    commands: [],
    dependencies: [...Object.keys(record(toml.dependencies)), ...Object.keys(record(toml['dev-dependencies']))],
    workspaces: strings(record(toml.workspace).members),
    test: 'cargo test',
  }
}

export function readPom(source: string): ManifestReading {
  const withoutParent = source.replace(/<parent>[\s\S]*?<\/parent>/, '').replace(/<dependencies>[\s\S]*<\/dependencies>/, '')
  const name = /<artifactId>([^<]+)<\/artifactId>/.exec(withoutParent)?.[1] ?? null
  const dependencies = [...source.matchAll(/<(?:artifactId|groupId)>([^<]+)<\//g)].map((match) => match[1] ?? '')
  const modules = [...source.matchAll(/<module>([^<]+)<\/module>/g)].map((match) => match[1] ?? '')
  const description = /<description>([^<]+)<\/description>/.exec(withoutParent)?.[1]?.trim() ?? null
  return { kind: 'pom.xml', ecosystem: 'java', name, description, commands: [], dependencies, workspaces: modules, test: 'mvn test' }
}

export function readGradle(source: string, kind: string): ManifestReading {
  const dependencies = [...source.matchAll(/["']([\w.-]+):([\w.-]+)(?::[^"']*)?["']/g)].flatMap((match) => [match[1] ?? '', match[2] ?? ''])
  const plugins = [...source.matchAll(/id\s*\(?\s*["']([\w.-]+)["']/g)].map((match) => match[1] ?? '')
  return { kind, ecosystem: 'java', name: null, commands: [], dependencies: [...dependencies, ...plugins], test: './gradlew test' }
}

export function readGemfile(source: string): ManifestReading {
  const dependencies = [...source.matchAll(/^\s*gem\s+["']([^"']+)["']/gm)].map((match) => match[1] ?? '')
  const test = dependencies.includes('rspec') || dependencies.includes('rspec-rails') ? 'bundle exec rspec' : 'bundle exec rake test'
  return { kind: 'Gemfile', ecosystem: 'ruby', name: null, commands: [], dependencies, test }
}

export function readComposer(source: string): ManifestReading | null {
  let json: Json
  try {
    json = record(JSON.parse(source))
  } catch {
    return null
  }
  const scripts = record(json.scripts)
  const dependencies = [...Object.keys(record(json.require)), ...Object.keys(record(json['require-dev']))]
  const commands = Object.entries(scripts).map(([name, command]) => ({ name, command: Array.isArray(command) ? command.join(' && ') : String(command) }))
  const test = scripts.test ? 'composer test' : dependencies.includes('phpunit/phpunit') ? 'vendor/bin/phpunit' : null
  return { kind: 'composer.json', ecosystem: 'php', name: text(json.name), description: text(json.description), commands, dependencies, test }
}

export function readCsproj(source: string, path: string): ManifestReading {
  const dependencies = [...source.matchAll(/<PackageReference\s+Include="([^"]+)"/g)].map((match) => match[1] ?? '')
  const sdk = /<Project\s+Sdk="([^"]+)"/.exec(source)?.[1]
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.csproj$/, '')
  return { kind: '.csproj', ecosystem: 'dotnet', name, commands: [], dependencies: sdk ? [...dependencies, sdk] : dependencies, test: 'dotnet test' }
}

export function readMakefile(source: string): ManifestReading {
  const targets = [...source.matchAll(/^([a-zA-Z][\w-]*)\s*:(?!=)/gm)].map((match) => match[1] ?? '')
  const unique = [...new Set(targets)].slice(0, 20)
  return {
    kind: 'Makefile',
    ecosystem: 'make',
    name: null,
    commands: unique.map((target) => ({ name: target, command: `make ${target}` })),
    dependencies: [],
    test: unique.includes('test') ? 'make test' : null,
  }
}
