// Language of a file from its name alone (extension or well-known file name), a header's from the
// sources beside it, and how a file's lines count: as code, as docs, data and config, or set apart
// (lockfiles, generated, vendored and minified files, pages under docs). Never reads content.
import type { FileRecord } from '../../../../shared/models/repos.ts'
import { folderPathRole, pathRole } from './path-roles.ts'

const BY_EXTENSION: Readonly<Record<string, string>> = {
  ts: 'TypeScript',
  tsx: 'TypeScript',
  mts: 'TypeScript',
  cts: 'TypeScript',
  js: 'JavaScript',
  jsx: 'JavaScript',
  mjs: 'JavaScript',
  cjs: 'JavaScript',
  py: 'Python',
  pyi: 'Python',
  go: 'Go',
  rs: 'Rust',
  java: 'Java',
  kt: 'Kotlin',
  kts: 'Kotlin',
  scala: 'Scala',
  groovy: 'Groovy',
  gradle: 'Groovy',
  rb: 'Ruby',
  rake: 'Ruby',
  erb: 'ERB',
  php: 'PHP',
  cs: 'C#',
  fs: 'F#',
  vb: 'Visual Basic',
  swift: 'Swift',
  m: 'Objective-C',
  mm: 'Objective-C',
  c: 'C',
  h: 'C',
  cc: 'C++',
  cpp: 'C++',
  cxx: 'C++',
  hpp: 'C++',
  hh: 'C++',
  hxx: 'C++',
  dart: 'Dart',
  ex: 'Elixir',
  exs: 'Elixir',
  erl: 'Erlang',
  hs: 'Haskell',
  clj: 'Clojure',
  lua: 'Lua',
  pl: 'Perl',
  pm: 'Perl',
  r: 'R',
  jl: 'Julia',
  zig: 'Zig',
  nim: 'Nim',
  ml: 'OCaml',
  sh: 'Shell',
  bash: 'Shell',
  zsh: 'Shell',
  fish: 'Shell',
  ps1: 'PowerShell',
  bat: 'Batch',
  sql: 'SQL',
  graphql: 'GraphQL',
  gql: 'GraphQL',
  proto: 'Protocol Buffers',
  html: 'HTML',
  htm: 'HTML',
  css: 'CSS',
  scss: 'SCSS',
  sass: 'SCSS',
  less: 'Less',
  vue: 'Vue',
  svelte: 'Svelte',
  astro: 'Astro',
  md: 'Markdown',
  mdx: 'Markdown',
  rst: 'reStructuredText',
  adoc: 'AsciiDoc',
  txt: 'Text',
  json: 'JSON',
  jsonc: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
  toml: 'TOML',
  xml: 'XML',
  ini: 'INI',
  cfg: 'INI',
  csv: 'CSV',
  tf: 'HCL',
  hcl: 'HCL',
  nix: 'Nix',
  cmake: 'CMake',
  mk: 'Makefile',
  ipynb: 'Jupyter Notebook',
  tex: 'TeX',
}

const BY_NAME: Readonly<Record<string, string>> = {
  dockerfile: 'Dockerfile',
  makefile: 'Makefile',
  gnumakefile: 'Makefile',
  rakefile: 'Ruby',
  gemfile: 'Ruby',
  podfile: 'Ruby',
  vagrantfile: 'Ruby',
  'cmakelists.txt': 'CMake',
  jenkinsfile: 'Groovy',
  procfile: 'Procfile',
  justfile: 'Just',
}

/** Languages that are code (as opposed to docs, data or config): these make up modules. */
const PROSE_OR_DATA = new Set([
  'Markdown',
  'reStructuredText',
  'AsciiDoc',
  'Text',
  'JSON',
  'YAML',
  'TOML',
  'XML',
  'INI',
  'CSV',
  'Jupyter Notebook',
  'TeX',
])

export function languageOf(path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  const byName = BY_NAME[name]
  if (byName) return byName
  if (name.startsWith('dockerfile')) return 'Dockerfile'
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return null
  return BY_EXTENSION[name.slice(dot + 1)] ?? null
}

export function isCodeLanguage(language: string | null): boolean {
  return language !== null && !PROSE_OR_DATA.has(language)
}

/** Why lines are not counted as code or docs: what a reader would not call the project's own writing. */
export type ApartReason = 'generated' | 'vendored' | 'minified' | 'docs'

/** Average line length past which a script or stylesheet is minified (a bundle, not source). */
const MINIFIED_LINE = 300
const MINIFIABLE = new Set(['JavaScript', 'CSS', 'HTML', 'SCSS', 'Less'])

/**
 * How a file's lines count: 'code' (a code language, written by the team), 'prose' (docs, data and
 * config), or a reason it is set apart: lockfiles and generated files, vendored code, minified
 * bundles, and code-language pages under docs (a generated API site, snippets of a guide).
 */
export function lineKindOf(file: Pick<FileRecord, 'path' | 'language' | 'size' | 'lines'>): 'code' | 'prose' | ApartReason {
  const role = pathRole(file.path)
  if (role === 'generated' || role === 'vendored') return role
  const code = isCodeLanguage(file.language)
  if (code && file.language !== null && MINIFIABLE.has(file.language) && file.lines > 0 && file.size / file.lines > MINIFIED_LINE)
    return 'minified'
  if (!code) return 'prose'
  return role === 'docs' ? 'docs' : 'code'
}

const HEADER = /\.h$/i
const SOURCE_LANGUAGE: Readonly<Record<string, string>> = {
  c: 'C',
  cc: 'C++',
  cpp: 'C++',
  cxx: 'C++',
  'c++': 'C++',
  hpp: 'C++',
  hh: 'C++',
  hxx: 'C++',
  m: 'Objective-C',
  mm: 'Objective-C',
}

/**
 * A `.h` file is C, C++ or Objective-C by the sources it sits among: those in its folder and below,
 * else in the nearest folder above that has some (a library's include/ folder takes its project's).
 * Returns the same records, with each header's language settled. Linear in files × depth.
 */
export function settleHeaderLanguages(files: readonly FileRecord[]): FileRecord[] {
  if (!files.some((file) => HEADER.test(file.path))) return [...files]
  const counts = new Map<string, Map<string, number>>()
  for (const file of files) {
    const ext = file.path.slice(file.path.lastIndexOf('.') + 1).toLowerCase()
    const language = SOURCE_LANGUAGE[ext]
    if (!language) continue
    // Vendored code speaks for its own folders only, never for the project around it.
    const vendored = pathRole(file.path) === 'vendored'
    for (let dir = parentOf(file.path); !vendored || folderPathRole(dir) === 'vendored'; dir = parentOf(dir)) {
      const tally = counts.get(dir) ?? new Map<string, number>()
      tally.set(language, (tally.get(language) ?? 0) + 1)
      counts.set(dir, tally)
      if (dir === '') break
    }
  }
  const decided = new Map<string, string | null>()
  const languageAt = (folder: string): string | null => {
    const known = decided.get(folder)
    if (known !== undefined) return known
    const tally = counts.get(folder)
    const own = tally ? ([...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null) : null
    const language = own ?? (folder === '' ? null : languageAt(parentOf(folder)))
    decided.set(folder, language)
    return language
  }
  return files.map((file) => {
    if (!HEADER.test(file.path) || file.language === null) return file
    const language = languageAt(parentOf(file.path)) ?? 'C'
    return language === file.language ? file : { ...file, language }
  })
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')
