// Language of a file from its name alone (extension or well-known file name). Never reads content.

const BY_EXTENSION: Readonly<Record<string, string>> = {
  ts: 'TypeScript', tsx: 'TypeScript', mts: 'TypeScript', cts: 'TypeScript',
  js: 'JavaScript', jsx: 'JavaScript', mjs: 'JavaScript', cjs: 'JavaScript',
  py: 'Python', pyi: 'Python', go: 'Go', rs: 'Rust', java: 'Java', kt: 'Kotlin', kts: 'Kotlin',
  scala: 'Scala', groovy: 'Groovy', gradle: 'Groovy', rb: 'Ruby', rake: 'Ruby', erb: 'ERB',
  php: 'PHP', cs: 'C#', fs: 'F#', vb: 'Visual Basic', swift: 'Swift', m: 'Objective-C', mm: 'Objective-C',
  c: 'C', h: 'C', cc: 'C++', cpp: 'C++', cxx: 'C++', hpp: 'C++', hh: 'C++', hxx: 'C++',
  dart: 'Dart', ex: 'Elixir', exs: 'Elixir', erl: 'Erlang', hs: 'Haskell', clj: 'Clojure',
  lua: 'Lua', pl: 'Perl', pm: 'Perl', r: 'R', jl: 'Julia', zig: 'Zig', nim: 'Nim', ml: 'OCaml',
  sh: 'Shell', bash: 'Shell', zsh: 'Shell', fish: 'Shell', ps1: 'PowerShell', bat: 'Batch',
  sql: 'SQL', graphql: 'GraphQL', gql: 'GraphQL', proto: 'Protocol Buffers',
  html: 'HTML', htm: 'HTML', css: 'CSS', scss: 'SCSS', sass: 'SCSS', less: 'Less',
  vue: 'Vue', svelte: 'Svelte', astro: 'Astro',
  md: 'Markdown', mdx: 'Markdown', rst: 'reStructuredText', adoc: 'AsciiDoc', txt: 'Text',
  json: 'JSON', jsonc: 'JSON', yaml: 'YAML', yml: 'YAML', toml: 'TOML', xml: 'XML', ini: 'INI',
  cfg: 'INI', csv: 'CSV', tf: 'HCL', hcl: 'HCL', nix: 'Nix', cmake: 'CMake', mk: 'Makefile',
  ipynb: 'Jupyter Notebook', tex: 'TeX',
}

const BY_NAME: Readonly<Record<string, string>> = {
  dockerfile: 'Dockerfile', makefile: 'Makefile', gnumakefile: 'Makefile', rakefile: 'Ruby',
  gemfile: 'Ruby', podfile: 'Ruby', vagrantfile: 'Ruby', 'cmakelists.txt': 'CMake', jenkinsfile: 'Groovy',
  procfile: 'Procfile', justfile: 'Just',
}

/** Languages that are code (as opposed to docs, data or config): these make up modules. */
const PROSE_OR_DATA = new Set([
  'Markdown', 'reStructuredText', 'AsciiDoc', 'Text', 'JSON', 'YAML', 'TOML', 'XML', 'INI', 'CSV', 'Jupyter Notebook', 'TeX',
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
