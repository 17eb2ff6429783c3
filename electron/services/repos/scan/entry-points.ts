// Where a reader starts in a repository, each with the signal that says so: the entry files the
// manifests declare (library roots, binaries, main classes), the `main` of the project's own programs
// (the one the README runs, or named after the project, counts most), conventional entry files, the
// module named after the project, and the files the README names by path, by the module its examples
// import, or by a distinctive identifier (never one common word). The key-file ranking lets importance
// flow from these over the symbol graph. Pure; works on the scan's data.
import type { DeclaredEntry } from './manifests.ts'

export interface EntryPoint {
  /** 0..1: how surely a reader starts here. */
  readonly weight: number
  /** Every signal that says so, what the manifests declare first. */
  readonly reasons: readonly string[]
}

export interface EntryPointInput {
  /** The shipped code the ranking walks (not tests, examples, docs, tooling, vendored or generated). */
  readonly code: readonly string[]
  readonly declared: readonly DeclaredEntry[]
  /** Is a file in one of the main packages? */
  readonly isMain: (path: string) => boolean
  /** Is a file in one of the languages most of the code is in? */
  readonly inMainLanguage?: (path: string) => boolean
  /** The project's names: its own, its main packages', its Go module's. */
  readonly projectNames: readonly string[]
  readonly readme: string | null
  readonly definitions: (path: string) => readonly { readonly name: string; readonly kind: string }[] | undefined
  /** The file a small entry file hands over to (a `main` of a few lines calling one function), or null. */
  readonly firstStep?: (path: string) => string | null
  /** Whether a file imports any file of the project. */
  readonly imports?: (path: string) => boolean
}

/** Entry points by convention, for projects whose manifests do not say (or have none). */
const CONVENTIONAL_ENTRIES: readonly (readonly [RegExp, string])[] = [
  [/^(src\/)?(main|index|app|server|cli)\.(ts|tsx|js|jsx|mjs|cjs)$/, 'entry point'],
  [/(^|\/)(electron|src)\/main\.(ts|js)$/, 'entry point (main process)'],
  [/(^|\/)__main__\.py$|^([^/]+\/)?(manage|wsgi|asgi)\.py$/, 'entry point (Python)'],
  [/(^|\/)(src\/)?(main|lib)\.rs$/, 'entry point (Rust crate root)'],
  [/(^|\/)[A-Z]\w*Application\.(java|kt)$/, 'entry point (application class)'],
  [/(^|\/)(Main|Program)\.(java|kt|cs)$/, 'entry point (main class)'],
  [/^config\/routes\.rb$/, 'entry point (Rails routes)'],
  [/^config\.ru$|^app\/controllers\/application_controller\.rb$/, 'entry point (Rack/Rails app)'],
  [/^(bin|exe)\/[^/.]+$/, 'entry point (executable)'],
  [/(^|\/)src\/(App|main|index)\.(tsx|jsx|ts|js|vue)$/, 'entry point (UI root)'],
  [/^(public\/)?index\.php$|^artisan$/, 'entry point (PHP front controller)'],
]

/** The kinds of declaration that are code (not a constant, an alias or a namespace). */
const CODE_KINDS: ReadonlySet<string> = new Set(['function', 'method', 'class', 'interface', 'enum'])

/** The reasons that name something a user runs (a binary, an executable, a main), not a library's root. */
const PROGRAM_ENTRY = /command-line|binary|executable|main class|application|program|\(Python\)|main process/

/** A folder's front file: what importing the folder loads (`__init__.py`, `index.ts`, `mod.rs`, `package.scala`…). */
export const FRONT_FILE = /^(__init__\.py|index\.[cm]?[jt]sx?|mod\.rs|lib\.rs|main\.\w+|package\.scala|init\.\w+)$/

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')
const stemOf = (path: string) => nameOf(path).replace(/\.[^.]*$/, '')
/** `uptime-kuma` → uptimekuma, `Newtonsoft.Json` → newtonsoftjson: names compared the way people write them. */
export const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

function conventionalEntry(path: string): string | null {
  for (const [pattern, reason] of CONVENTIONAL_ENTRIES) if (pattern.test(path)) return reason
  return null
}

/** The project's names as people write them: a Go module path's last element, a scoped package's name. */
export function projectNameForms(names: readonly (string | null | undefined)[]): string[] {
  const forms = new Set<string>()
  for (const name of names) {
    if (!name) continue
    const parts = name.split(/[/@:+]/).filter((part) => part !== '' && !/^v\d+$/.test(part))
    const last = squash(parts.at(-1) ?? '')
    if (last.length >= 2) forms.add(last)
  }
  return [...forms]
}

export function entryPoints(input: EntryPointInput): Map<string, EntryPoint> {
  const found = new Map<string, EntryPoint>()
  // Reasons in the order the signals are read (what the manifests declare first); the weight is the strongest.
  const add = (path: string, weight: number, reason: string) => {
    const known = found.get(path)
    if (known?.reasons.includes(reason)) return
    found.set(path, { weight: Math.max(weight, known?.weight ?? 0), reasons: [...(known?.reasons ?? []), reason] })
  }
  const code = new Set(input.code)
  const names = projectNameForms(input.projectNames)
  const commands = readmeCommands(input.readme ?? '')
  // Programs: what a user runs (binaries, executables, mains), as against a library's roots.
  const programs = new Set<string>()
  const readmeRuns = (program: string) => commands.has(squash(program)) || mentions(input.readme ?? '', program) >= 3
  const runs = (program: string) => readmeRuns(program) || names.includes(squash(program))
  for (const entry of input.declared) {
    const program = PROGRAM_ENTRY.test(entry.reason)
    if (program) programs.add(entry.path)
    // Of several programs a package declares, the one the README runs (or named after the project) first.
    const weight = input.isMain(entry.path) ? (program && !runs(programName(entry.path)) ? 0.6 : 1) : 0.4
    add(entry.path, weight, entry.reason)
  }
  for (const path of input.code) {
    const conventional = conventionalEntry(path)
    if (!conventional) continue
    if (PROGRAM_ENTRY.test(conventional)) programs.add(path)
    add(path, input.isMain(path) ? 0.6 : 0.3, conventional)
  }
  // The `main` of each program the project builds; the one the README runs or named after the project first.
  // The programs in the project's language (a Java application's web UI has mains of its own).
  const mains = input.code.filter(
    (path) =>
      input.inMainLanguage?.(path) !== false &&
      (input.definitions(path) ?? []).some(
        (definition) => (definition.name === 'main' || (definition.name === 'Main' && path.endsWith('.cs'))) && definition.kind !== 'class',
      ),
  )
  // Once the README or the project's name says which program is the project's, the other mains are
  // its tools (a generator, a release script, a test driver).
  const known = mains.some((path) => readmeRuns(programName(path)) || names.includes(squash(programName(path))))
  for (const path of mains) {
    programs.add(path)
    const program = programName(path)
    const named = names.includes(squash(program))
    const run = readmeRuns(program)
    const weight = run || named || mains.length === 1 ? 1 : known ? 0.1 : 0.3
    add(
      path,
      weight,
      run ? `main of the ${program} program the README runs` : named ? `main of the ${program} program` : 'program entry (main)',
    )
  }
  // The module named after the project (`lib/sidekiq.rb`, `gin.go`, `rich/__init__.py`, `tmux.c`);
  // not one that only holds a constant (a version), declaring no code and loading none.
  const holdsCode = (path: string) =>
    input.imports?.(path) !== false || (input.definitions(path) ?? []).some((definition) => CODE_KINDS.has(definition.kind))
  if (names.length > 0) {
    for (const path of input.code) {
      if (input.inMainLanguage?.(path) === false || !holdsCode(path)) continue
      const stem = squash(stemOf(path))
      const folder = squash(nameOf(folderOf(path)))
      if (names.includes(stem) || (FRONT_FILE.test(nameOf(path)) && names.includes(folder)))
        add(path, 0.8, 'the module named after the project')
    }
  }
  for (const [path, mention] of readmeMentions(input.readme, input.code, input.definitions)) {
    if (code.has(path)) add(path, 0.5, `named in the README (${mention})`)
  }
  // A small program entry that hands over to one file: that file is where the program's work starts.
  for (const [path, entry] of [...found]) {
    if (entry.weight < 0.8 || !code.has(path) || !programs.has(path)) continue
    const next = input.firstStep?.(path)
    if (next && next !== path) add(next, 0.9 * entry.weight, `what ${path} runs`)
  }
  return found
}

/** A program's name: its folder for a `main` file (Go's `cmd/gh/main.go` → gh), else the file's stem. */
function programName(path: string): string {
  const stem = stemOf(path)
  return /^(main|Main|Program|__main__|index)$/.test(stem) && folderOf(path) !== '' ? nameOf(folderOf(path)) : stem
}

/** How often the README writes a word on its own (`gh`, not `github`). */
function mentions(text: string, word: string): number {
  if (word.length < 2) return 0
  return text.match(new RegExp(`(?<![\\w.-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'))?.length ?? 0
}

/** The command words the README's shell examples start with (`$ gh pr list` → gh), squashed. */
function readmeCommands(readme: string): Set<string> {
  const commands = new Set<string>()
  for (const block of readme.matchAll(/```[^\n]*\n([\s\S]*?)```/g)) {
    for (const line of (block[1] ?? '').split('\n')) {
      const match = /^\s*(?:\$|>|#)?\s*(?:sudo\s+)?(?:\.\/)?([A-Za-z][\w.-]*)\s/.exec(line)
      if (match?.[1]) commands.add(squash(match[1]))
    }
  }
  return commands
}

/**
 * Files the README points at: a path it writes out, a module its examples import (`from rich.console
 * import Console` → rich/console.py, `use Slim\Factory\AppFactory` → Slim/Factory/AppFactory.php), or a
 * distinctive identifier its code uses that one or two files declare (`AppFactory`, `add_middleware`;
 * never a single common word such as `Print` or `Context`).
 */
export function readmeMentions(
  readme: string | null,
  code: readonly string[],
  definitions: (path: string) => readonly { readonly name: string; readonly kind: string }[] | undefined,
): Map<string, string> {
  const found = new Map<string, string>()
  if (!readme) return found
  const snippets = [...readme.matchAll(/```[^\n]*\n([\s\S]*?)```|`([^`\n]+)`/g)].map((match) => match[1] ?? match[2] ?? '').join('\n')
  for (const path of code) if (path.includes('/') && readme.includes(path)) found.set(path, path)
  // Modules by their import path: dotted, `::`, `\` or `/` separated, matched against the end of a file's path.
  const byTail = new Map<string, string[]>()
  for (const path of code) {
    const parts = path.replace(/\.[^./]+$/, '').split('/')
    if (FRONT_FILE.test(nameOf(path))) parts.pop()
    const tail = parts.slice(-2).join('/').toLowerCase()
    const list = byTail.get(tail) ?? []
    list.push(path)
    byTail.set(tail, list)
  }
  for (const match of snippets.matchAll(
    /(?:^|\s)(?:from|import|use|using|require|include)\s+['"<]?([A-Za-z_][\w]*(?:(?:\.|::|\\|\/)[A-Za-z_][\w]*)+)/gm,
  )) {
    const parts = (match[1] ?? '').split(/\.|::|\\|\//)
    for (const cut of [parts.length, parts.length - 1]) {
      if (cut < 2) continue
      const tail = parts
        .slice(cut - 2, cut)
        .join('/')
        .toLowerCase()
      const hits = byTail.get(tail) ?? []
      if (hits.length >= 1 && hits.length <= 2) {
        for (const path of hits) if (!found.has(path)) found.set(path, parts.slice(0, cut).join(match[1]!.includes('::') ? '::' : '.'))
        break
      }
    }
  }
  const words = new Set((snippets.match(/[A-Za-z_][A-Za-z0-9_]{3,}/g) ?? []).filter(distinctive))
  const declaring = new Map<string, string[]>()
  for (const path of code) {
    for (const definition of definitions(path) ?? []) {
      if (!words.has(definition.name)) continue
      const list = declaring.get(definition.name) ?? []
      if (!list.includes(path)) list.push(path)
      declaring.set(definition.name, list)
    }
  }
  for (const [name, paths] of declaring) {
    if (paths.length > 2) continue
    for (const path of paths) if (!found.has(path)) found.set(path, name)
  }
  return found
}

/** A name only code has: compound (`AppFactory`, `add_middleware`, `toJSON`) and not short. */
function distinctive(word: string): boolean {
  return word.length >= 6 && (/[a-z][A-Z]/.test(word) || /[A-Za-z]_[A-Za-z]/.test(word) || /^[A-Z]{2,}[a-z]/.test(word))
}
