// Reads the manifests that are build scripts rather than data (pom.xml, build.gradle, Gemfile, .gemspec,
// .csproj, Makefile, CMakeLists.txt, pnpm-workspace.yaml) into the shape manifest-readers.ts defines,
// by pattern: nothing is evaluated or run. Pure functions of the text; never throw on bad input.
import { parse as parseYaml } from 'yaml'
import type { ManifestReading } from './manifest-readers.ts'

const captures = (source: string, pattern: RegExp, group = 1) =>
  [...source.matchAll(pattern)].map((match) => match[group] ?? '').filter(Boolean)

export function readPom(source: string): ManifestReading {
  const withoutParent = source
    .replace(/<parent>[\s\S]*?<\/parent>/, '')
    .replace(/<dependencies>[\s\S]*<\/dependencies>/, '')
    .replace(/<build>[\s\S]*<\/build>/, '')
  const name = /<artifactId>([^<]+)<\/artifactId>/.exec(withoutParent)?.[1] ?? null
  const dependencyBlocks = captures(source, /<dependency>([\s\S]*?)<\/dependency>/g)
  const isTest = (block: string) => /<scope>\s*test\s*<\/scope>/.test(block)
  const names = (block: string) => captures(block, /<(?:artifactId|groupId)>([^<]+)<\//g)
  const description = /<description>([^<]+)<\/description>/.exec(withoutParent)?.[1]?.trim() ?? null
  const mainClass = /<mainClass>\s*([\w.$]+)\s*<\/mainClass>/.exec(source)?.[1]
  return {
    kind: 'pom.xml',
    ecosystem: 'java',
    name,
    description,
    commands: [],
    dependencies: dependencyBlocks.filter((block) => !isTest(block)).flatMap(names),
    devDependencies: dependencyBlocks.filter(isTest).flatMap(names),
    workspaces: captures(source, /<module>([^<]+)<\/module>/g),
    test: 'mvn test',
    ...(mainClass ? { entries: mainClassEntries(mainClass, 'main class (pom.xml)') } : {}),
  }
}

/** `com.acme.App` → src/main/java/com/acme/App.java (or .kt); checked against the files later. */
function mainClassEntries(mainClass: string, role: string): { path: string; role: string }[] {
  const path = mainClass.replace(/Kt$/, '').split('.').join('/')
  return ['java', 'kotlin']
    .flatMap((folder) => [`src/main/${folder}/${path}.java`, `src/main/${folder}/${path}.kt`])
    .map((candidate) => ({ path: candidate, role }))
}

export function readGradle(source: string, kind: string): ManifestReading {
  const lines = source.split('\n')
  const pairs = (line: string) =>
    captures(line, /["']([\w.-]+):([\w.-]+)(?::[^"']*)?["']/g, 0).flatMap((pair) => pair.replace(/["']/g, '').split(':').slice(0, 2))
  const isDev = (line: string) => /^\s*(test|androidTest|kapt[Tt]est)\w*\s*\(?/.test(line)
  const plugins = captures(source, /id\s*\(?\s*["']([\w.-]+)["']/g)
  const mainClass = /mainClass(?:Name)?\s*(?:=|\.set\()\s*["']([\w.$]+)["']/.exec(source)?.[1]
  return {
    kind,
    ecosystem: 'java',
    name: null,
    commands: [],
    dependencies: [...lines.filter((line) => !isDev(line)).flatMap(pairs), ...plugins],
    devDependencies: lines.filter(isDev).flatMap(pairs),
    test: './gradlew test',
    ...(mainClass ? { entries: mainClassEntries(mainClass, 'main class (Gradle application)') } : {}),
  }
}

export function readGemfile(source: string): ManifestReading {
  // Gems inside `group :development, :test do … end` blocks are for development only.
  const dev: string[] = []
  const runtime: string[] = []
  let depth = 0
  for (const line of source.split('\n')) {
    if (/^\s*group\b.*\bdo\s*$/.test(line)) depth += 1
    else if (depth > 0 && /^\s*end\s*$/.test(line)) depth -= 1
    const gem = /^\s*gem\s+["']([^"']+)["']/.exec(line)?.[1]
    if (gem) (depth > 0 || /group:\s*\[?:(test|development)/.test(line) ? dev : runtime).push(gem)
  }
  const all = [...runtime, ...dev]
  const test = all.includes('rspec') || all.includes('rspec-rails') ? 'bundle exec rspec' : 'bundle exec rake test'
  return { kind: 'Gemfile', ecosystem: 'ruby', name: null, commands: [], dependencies: runtime, devDependencies: dev, test }
}

export function readGemspec(source: string, path: string): ManifestReading {
  const field = (name: string) => new RegExp(`\\.${name}\\s*=\\s*(?:%q\\{([^}]*)\\}|["']([^"']*)["'])`).exec(source)
  const value = (name: string) => {
    const match = field(name)
    return (match?.[1] ?? match?.[2])?.trim() || null
  }
  const name = value('name') ?? path.slice(path.lastIndexOf('/') + 1).replace(/\.gemspec$/, '')
  const executables = captures(source, /\.executables\s*=\s*\[([^\]]*)\]/g).flatMap((list) => captures(list, /["']([^"']+)["']/g))
  return {
    kind: '.gemspec',
    ecosystem: 'ruby',
    name,
    description: value('summary') ?? value('description'),
    commands: [],
    dependencies: captures(source, /add_(?:runtime_)?dependency\s*\(?\s*["']([^"']+)["']/g),
    devDependencies: captures(source, /add_development_dependency\s*\(?\s*["']([^"']+)["']/g),
    test: 'bundle exec rake test',
    entries: [
      { path: `lib/${name}.rb`, role: 'gem root (gemspec)' },
      { path: `lib/${name.replace(/-/g, '/')}.rb`, role: 'gem root (gemspec)' },
      ...executables.map((exe) => ({ path: `exe/${exe}`, role: 'command-line entry (gemspec executables)' })),
      ...executables.map((exe) => ({ path: `bin/${exe}`, role: 'command-line entry (gemspec executables)' })),
    ],
  }
}

export function readCsproj(source: string, path: string): ManifestReading {
  const references = captures(source, /<PackageReference\s+Include="([^"]+)"/g)
  const sdk = /<Project\s+Sdk="([^"]+)"/.exec(source)?.[1]
  const name = /<AssemblyName>([^<]+)</.exec(source)?.[1] ?? path.slice(path.lastIndexOf('/') + 1).replace(/\.csproj$/, '')
  const description = /<Description>([^<]+)</.exec(source)?.[1]?.trim() ?? null
  const testProject =
    /<IsTestProject>\s*true/i.test(source) || references.some((ref) => /^(xunit|nunit|MSTest|Microsoft\.NET\.Test\.Sdk)/i.test(ref))
  const exe = /<OutputType>\s*(Win)?Exe\s*</i.test(source) || /Microsoft\.NET\.Sdk\.Web/.test(sdk ?? '')
  return {
    kind: '.csproj',
    ecosystem: 'dotnet',
    name,
    description,
    commands: [],
    dependencies: testProject ? [] : [...references, ...(sdk ? [sdk] : [])],
    devDependencies: testProject ? references : [],
    test: 'dotnet test',
    projectReferences: captures(source, /<ProjectReference\s+Include="([^"]+)"/g).map((ref) => ref.replace(/\\/g, '/')),
    ...(exe ? { entries: [{ path: 'Program.cs', role: 'application entry (Program.cs)' }] } : {}),
  }
}

export function readMakefile(source: string): ManifestReading {
  const targets = captures(source, /^([a-zA-Z][\w-]*)\s*:(?!=)/gm)
  const unique = [...new Set(targets)].slice(0, 20)
  return {
    kind: 'Makefile',
    ecosystem: 'make',
    name: null,
    commands: unique.map((target) => ({ name: target, command: `make ${target}` })),
    dependencies: [],
    test: unique.includes('test') ? 'make test' : null,
    includeDirs: [...new Set(captures(source, /(?:^|\s)-I\s*([\w./-]+)/g))],
  }
}

export function readCmake(source: string): ManifestReading {
  const project = /^\s*project\s*\(\s*([\w.-]+)([^)]*)\)/im.exec(source)
  const description = /DESCRIPTION\s+"([^"]+)"/.exec(project?.[2] ?? '')?.[1] ?? null
  const includeDirs = captures(source, /(?:target_)?include_directories\s*\(([^)]*)\)/gi)
    .flatMap((args) => args.split(/\s+/))
    .map((arg) =>
      arg.replace(/^\$<BUILD_INTERFACE:|>$/g, '').replace(/^\$\{(CMAKE_CURRENT_SOURCE_DIR|PROJECT_SOURCE_DIR|CMAKE_SOURCE_DIR)\}\/?/, ''),
    )
    .filter(
      (arg) => arg !== '' && !/^(PUBLIC|PRIVATE|INTERFACE|SYSTEM|BEFORE|AFTER)$/.test(arg) && !arg.includes('$') && !arg.includes('<'),
    )
  const executables = captures(source, /add_executable\s*\(\s*[\w.-]+\s+([^)]*)\)/gi).flatMap((args) =>
    args.split(/\s+/).filter((arg) => /\.(c|cc|cpp|cxx)$/.test(arg)),
  )
  return {
    kind: 'CMakeLists.txt',
    ecosystem: 'cmake',
    name: project?.[1] ?? null,
    description,
    commands: [],
    dependencies: captures(source, /find_package\s*\(\s*([\w.-]+)/gi),
    test: /enable_testing\s*\(|add_test\s*\(/i.test(source) ? 'ctest' : null,
    includeDirs: [...new Set(includeDirs)],
    entries: executables.map((path) => ({ path, role: 'program entry (CMake add_executable)' })),
  }
}

export function readPnpmWorkspace(source: string): ManifestReading | null {
  let parsed: unknown
  try {
    parsed = parseYaml(source)
  } catch {
    return null
  }
  const packages = (parsed as { packages?: unknown } | null)?.packages
  const workspaces = Array.isArray(packages)
    ? packages.filter((item): item is string => typeof item === 'string' && !item.startsWith('!'))
    : []
  return { kind: 'pnpm-workspace.yaml', ecosystem: 'node', name: null, commands: [], dependencies: [], workspaces }
}
