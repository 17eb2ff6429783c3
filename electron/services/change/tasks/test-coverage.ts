// Which source files the team's tests already reach, the way each ecosystem ties tests to code: a test
// that imports the file, or imports a file that imports it (JavaScript/TypeScript relative imports,
// Python modules of the repository's own packages; a package's `__init__.py` or `index.ts` only passes
// names on and costs no step); for Java, Kotlin, C#, PHP, Swift, Scala and Ruby, the types (classes,
// modules) a test names and the types those name; a Go package with a _test.go file; a Rust file
// with inline tests (which cover the files of its folder), or a crate with a tests/ folder; a JSX
// runtime a test config names as its import source; and, everywhere, a test named after the file
// (FooTest.java, foo_spec.rb, test_foo.py). An approximation that errs towards "covered": Gemba never
// proposes a test for a file a test already reaches. Reads the test files; never runs them.
import { readFile } from 'node:fs/promises'
import { basename, extname, join, posix } from 'node:path'
import type { FileRecord } from '../../../../shared/models/repos.ts'
import { functionsOf } from './code-shape.ts'
import { isTestPath } from './test-paths.ts'

const MAX_TESTS_READ = 3_000
const MAX_BYTES = 256 * 1024
/** Test → what it imports → what those import: two steps reach a module behind its public entry. */
const DEPTH = 2

const JS_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])(\.{1,2}(?:\/[^'"]*)?)\1/g
const PY_IMPORT = /^\s*(?:from\s+(\.*[\w.]*)\s+import\s+([\w*, ()]+)|import\s+([\w.]+))/gm
/** A package's public face: it re-exports what the package's modules define. */
const BARREL = /(^|\/)(__init__\.py|index\.[cm]?[jt]sx?)$/
const JS_SUFFIXES = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js']

export const stemOf = (path: string): string => basename(path, extname(path)).toLowerCase().replace(/[-_.]/g, '')

async function text(root: string, path: string): Promise<string> {
  return readFile(join(root, ...path.split('/')), 'utf8').catch(() => '')
}

function resolveJs(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier))
  const stem = base.replace(/\.(m|c)?jsx?$/, '')
  for (const candidate of [...JS_SUFFIXES.map((suffix) => base + suffix), `${stem}.ts`, `${stem}.tsx`])
    if (known.has(candidate)) return candidate
  return null
}

function resolvePython(from: string, module: string, names: string, known: ReadonlySet<string>): string[] {
  const dots = /^\.*/.exec(module)![0].length
  const parts = module.slice(dots).split('.').filter(Boolean)
  const folders: string[] = []
  if (dots > 0) {
    let folder = posix.dirname(from)
    for (let up = 1; up < dots; up++) folder = posix.dirname(folder)
    folders.push(folder === '.' ? '' : folder)
  } else folders.push('', 'src', 'lib')
  const found: string[] = []
  for (const folder of folders) {
    const base = posix.join(folder, ...parts)
    // `from pkg import mod` may name a module as well as a symbol.
    const candidates = [
      `${base}.py`,
      posix.join(base, '__init__.py'),
      ...names
        .split(/[\s,()]+/)
        .filter(Boolean)
        .map((name) => posix.join(base, `${name}.py`)),
    ]
    found.push(
      ...candidates.filter((candidate) => known.has(candidate.replace(/^\//, ''))).map((candidate) => candidate.replace(/^\//, '')),
    )
  }
  return found
}

const JSX_SOURCE = /@jsxImportSource\s+(\.{1,2}(?:\/\S*)?)/g

function importsOf(path: string, content: string, known: ReadonlySet<string>): string[] {
  if (/\.(m|c)?(j|t)sx?$/.test(path)) {
    // A JSX pragma imports its runtime (compiled JSX calls jsx-runtime / jsx-dev-runtime).
    const runtimes = [...content.matchAll(JSX_SOURCE)].flatMap((match) =>
      ['jsx-runtime', 'jsx-dev-runtime'].map((name) => `${match[1]!.replace(/\/$/, '')}/${name}`),
    )
    return [...[...content.matchAll(JS_IMPORT)].map((match) => match[2]!), ...runtimes]
      .map((specifier) => resolveJs(path, specifier, known))
      .filter((found): found is string => found !== null)
  }
  if (path.endsWith('.py'))
    return [...content.matchAll(PY_IMPORT)].flatMap((match) => resolvePython(path, match[1] ?? match[3] ?? '', match[2] ?? '', known))
  return []
}

const CONFIG = /(^|\/)((vitest|vite|jest|babel)\.config\.[cm]?[jt]s|tsconfig[\w.-]*\.json|\.babelrc|babel\.config\.json)$/
const IMPORT_SOURCE = /\b(?:jsx)?[iI]mportSource["']?\s*:\s*["'](\.{1,2}\/[^"']*|\.)["']/g

/** The jsx-runtime and jsx-dev-runtime files a test or build config names as its JSX import source. */
async function configuredJsxRuntimes(root: string, files: readonly FileRecord[], known: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = []
  for (const config of files.filter((file) => CONFIG.test(file.path) && !file.binary && file.size <= MAX_BYTES)) {
    for (const match of (await text(root, config.path)).matchAll(IMPORT_SOURCE)) {
      for (const name of ['jsx-runtime', 'jsx-dev-runtime']) {
        const resolved = resolveJs(config.path, `${match[1]!.replace(/\/$/, '')}/${name}`, known)
        if (resolved) found.push(resolved)
      }
    }
  }
  return found
}

const NAMED_BY_TYPE = /\.(java|kt|cs|php|swift|scala|rb)$/
const TYPE_DECLARATION = /\b(?:class|interface|object|enum|record|struct|trait|protocol|module)\s+(?:\w+::)*([A-Z]\w{2,})/g
/** Ruby names a file after its constant in snake case: query_methods.rb holds QueryMethods. */
const camelCase = (stem: string) => stem.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())
const typeNames = (text: string) => new Set(text.match(/\b[A-Z][A-Za-z0-9_]{2,}\b/g) ?? [])

/** The files of the types the tests name, and of the types those files name (two steps, as imports go). */
async function namedTypes(root: string, files: readonly FileRecord[], testText: string, signal: AbortSignal): Promise<Set<string>> {
  const sources = files.filter((file) => NAMED_BY_TYPE.test(file.path) && !isTestPath(file.path) && !file.binary && file.size <= MAX_BYTES)
  if (sources.length === 0) return new Set()
  const declaredIn = new Map<string, Set<string>>()
  const declare = (name: string, path: string) => declaredIn.set(name, (declaredIn.get(name) ?? new Set()).add(path))
  const texts = new Map<string, string>()
  for (const file of sources) {
    signal.throwIfAborted()
    const content = await text(root, file.path)
    texts.set(file.path, content)
    declare(file.path.endsWith('.rb') ? camelCase(basename(file.path, '.rb')) : basename(file.path, extname(file.path)), file.path)
    for (const match of content.matchAll(TYPE_DECLARATION)) declare(match[1]!, file.path)
    // An extension or top-level function (`services.AddMediatR(…)`) names no type: its own name leads to its file.
    for (const fn of functionsOf(file.path, content))
      if (fn.exported && /^[A-Z]/.test(fn.name) && fn.name.length >= 6) declare(fn.name, file.path)
  }
  // A name declared in many files (Handle, Process) says nothing about which one a test reaches.
  const filesNamedIn = (content: string) =>
    [...typeNames(content)].flatMap((name) => {
      const found = declaredIn.get(name)
      return found && found.size <= 3 ? [...found] : []
    })
  const first = new Set(filesNamedIn(testText))
  const reached = new Set(first)
  for (const path of first) for (const named of filesNamedIn(texts.get(path) ?? '')) reached.add(named)
  return reached
}

/** Folders holding a Rust file with an inline test module. */
async function rustFoldersWithInlineTests(root: string, files: readonly FileRecord[], signal: AbortSignal): Promise<Set<string>> {
  const folders = new Set<string>()
  for (const file of files) {
    if (!file.path.endsWith('.rs') || file.binary || file.size > MAX_BYTES || folders.has(posix.dirname(file.path))) continue
    signal.throwIfAborted()
    if (/#\[cfg\(test\)\]/.test(await text(root, file.path))) folders.add(posix.dirname(file.path))
  }
  return folders
}

export interface TestReach {
  /** Source files some test reaches by name, package or import. */
  readonly files: ReadonlySet<string>
  /** Whether any test's text names this identifier (a test may reach code in ways no import shows). */
  mentions(name: string): boolean
}

/** The source files some test reaches, and what the tests name. */
export async function testReach(root: string, files: readonly FileRecord[], signal: AbortSignal): Promise<TestReach> {
  const texts: string[] = []
  const covered = await coveredFiles(root, files, signal, texts)
  const corpus = texts.join('\n')
  return {
    files: covered,
    mentions: (name) => new RegExp(`(^|[^\\w$])${name.replace(/[^\w$]/g, (char) => `\\${char}`)}([^\\w$]|$)`).test(corpus),
  }
}

/** The source files some test reaches (`texts` collects the tests' text). */
export async function coveredFiles(
  root: string,
  files: readonly FileRecord[],
  signal: AbortSignal,
  texts: string[] = [],
): Promise<Set<string>> {
  const known = new Set(files.map((file) => file.path))
  const tests = files.filter((file) => isTestPath(file.path) && !file.binary && file.size <= MAX_BYTES)
  const covered = new Set<string>()
  // By name, in every language.
  const testStems = tests.map((test) => stemOf(test.path).replace(/^test|(test|tests|spec|specs)$/g, ''))
  for (const file of files) {
    const stem = stemOf(file.path)
    if (stem.length >= 3 && testStems.some((testStem) => testStem === stem || (testStem.length >= 4 && testStem.includes(stem))))
      covered.add(file.path)
  }
  // By package: a Go package with tests.
  const goTestFolders = new Set(tests.filter((test) => test.path.endsWith('_test.go')).map((test) => posix.dirname(test.path)))
  for (const file of files) if (file.path.endsWith('.go') && goTestFolders.has(posix.dirname(file.path))) covered.add(file.path)
  // Rust: a crate with a tests/ folder covers its files; inline #[cfg(test)] is checked by the caller reading the file.
  const crates = files.filter((file) => basename(file.path) === 'Cargo.toml').map((file) => posix.dirname(file.path))
  for (const crate of crates) {
    const prefix = crate === '.' ? '' : `${crate}/`
    if (tests.some((test) => test.path.startsWith(`${prefix}tests/`) && test.path.endsWith('.rs'))) {
      for (const file of files) if (file.path.startsWith(prefix) && file.path.endsWith('.rs')) covered.add(file.path)
    }
  }
  // Rust: inline tests (`#[cfg(test)]`) in a module cover the files of its folder, as a Go package's tests do.
  for (const folder of await rustFoldersWithInlineTests(root, files, signal))
    for (const file of files) if (file.path.endsWith('.rs') && posix.dirname(file.path) === folder) covered.add(file.path)
  // A test runner's configured JSX runtime (vitest/vite/jest/babel/tsconfig `importSource`) is imported by every compiled JSX test.
  for (const runtime of await configuredJsxRuntimes(root, files, known)) covered.add(runtime)
  // By import, two steps deep; a package's public face (`__init__.py`, `index.ts`) only passes names on, so it costs no step.
  const imported: string[] = []
  for (const test of tests.slice(0, MAX_TESTS_READ)) {
    signal.throwIfAborted()
    const content = await text(root, test.path)
    texts.push(content)
    imported.push(...importsOf(test.path, content, known))
  }
  // Java, Kotlin, C#, PHP, Swift, Scala, Ruby: a test reaches the types it names, and the types those name.
  for (const path of await namedTypes(root, files, texts.join('\n'), signal)) covered.add(path)
  const reachedAt = new Map<string, number>()
  const queue: [path: string, depth: number][] = [...new Set(imported)].map((path) => [path, 1])
  for (let at = 0; at < queue.length; at++) {
    const [path, depth] = queue[at]!
    if ((reachedAt.get(path) ?? Infinity) <= depth) continue
    reachedAt.set(path, depth)
    covered.add(path)
    const next = BARREL.test(path) ? depth : depth + 1
    if (next > DEPTH) continue
    signal.throwIfAborted()
    for (const found of importsOf(path, await text(root, path), known))
      if ((reachedAt.get(found) ?? Infinity) > next) queue.push([found, next])
  }
  return covered
}
