// A light reading of a source file, by its lines rather than a syntax tree: what it imports and the
// names it uses (for Ruby also what it declares, line by line). The scan reads tests, examples, docs
// sources, benchmarks, fixtures and tooling this way: their links into the shipped code count (what
// tests reach for is the public API) but their own declarations do not, and a full parse of them is
// most of a big repository's scan time. Ruby is read this way throughout: its grammar is by far the
// slowest (two thirds of a Rails scan), and the scan needs only names and links from it; the context
// packer still parses Ruby files it shows as signatures. Swift, Scala and Elixir, which no grammar
// Gemba ships reads, are read this way too: what they declare, line by line, and the names they use;
// Scala's package and imports as well, resolved as Java's are.
// Pure; never throws; the result has the shape the import resolvers read.
import type { Definition, DefinitionKind, ImportKind, ImportRef, LightLanguage, ParsedFile, SourceLanguage } from './parsed-file.ts'
import { lightLanguageFor } from './language-for-path.ts'
import { usedNames } from './used-names.ts'

const MAX_REFERENCES = 2000

type Extracted = Pick<ParsedFile, 'imports' | 'package' | 'references'>

/** Languages the scan reads by lines even in the shipped code (see the header). */
export const LINE_READ_LANGUAGES: ReadonlySet<SourceLanguage> = new Set(['ruby', 'swift', 'scala', 'elixir'])

/** Of the languages no grammar reads, those whose imports are read and resolved (the others declare no files to link). */
export const LINKED_BY_IMPORTS: ReadonlySet<LightLanguage> = new Set(['scala'])

/**
 * `definitions`: the file is shipped code, whose declarations count (Ruby's and the languages read only
 * by lines) and whose used names link it in the key-file ranking.
 */
export function lightExtract(language: SourceLanguage, text: string, options: { definitions?: boolean } = {}): ParsedFile {
  const extracted = EXTRACTORS[language](text)
  const definitions = !options.definitions ? [] : language === 'ruby' ? rubyDefinitions(text) : lightDefinitions(language, text)
  return {
    language,
    imports: [...extracted.imports].sort((a, b) => a.line - b.line),
    definitions,
    ...(extracted.package ? { package: extracted.package } : {}),
    ...(extracted.references?.length ? { references: extracted.references } : {}),
    ...(options.definitions
      ? {
          uses: usedNames(
            text,
            definitions.map((definition) => definition.name),
          ),
        }
      : {}),
    ...(options.definitions ? supertypesOf(language, text) : {}),
    truncated: false,
    hasErrors: false,
  }
}

/** 1-based line of a character offset (counted incrementally over sorted offsets). */
function lineCounter(text: string): (offset: number) => number {
  let at = 0
  let line = 1
  return (offset) => {
    if (offset < at) {
      at = 0
      line = 1
    }
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++
    return line
  }
}

function collect(
  text: string,
  pattern: RegExp,
  make: (match: RegExpExecArray, line: number) => ImportRef | ImportRef[] | null,
): ImportRef[] {
  const lineOf = lineCounter(text)
  const out: ImportRef[] = []
  for (const match of text.matchAll(pattern)) {
    const made = make(match, lineOf(match.index))
    if (made) out.push(...(Array.isArray(made) ? made : [made]))
  }
  return out
}

/** Distinct words that look like type or constant names (capitalised), capped. */
function capitalised(text: string, pattern = /\b[A-Z][A-Za-z0-9_]*\b/g): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(pattern)) {
    names.add(match[0])
    if (names.size >= MAX_REFERENCES) break
  }
  return [...names].sort()
}

const ref = (specifier: string, line: number, kind: ImportKind, extra: Partial<ImportRef> = {}): ImportRef => ({
  specifier,
  line,
  kind,
  ...extra,
})

function ruby(text: string): Extracted {
  const imports = [
    ...collect(text, /^[ \t]*(require|require_relative|load)\b[ \t(]*(['"])([^'"\n]+)\2/gm, (m, line) =>
      ref(m[3]!, line, m[1] === 'require_relative' ? 'require_relative' : 'require'),
    ),
    ...collect(text, /\bautoload[ \t(]+:(\w+)(?:[ \t]*,[ \t]*(['"])([^'"\n]+)\2)?/g, (m, line) => [
      ref(`:${m[1]}`, line, 'autoload'),
      ...(m[3] ? [ref(m[3], line, 'require')] : []),
    ]),
  ]
  // Whole constant paths (`ActiveRecord::Base`), their prefixes and each constant: as the parser captures them.
  const names = new Set<string>()
  for (const match of text.matchAll(/(?<![\w:])(?:::)?[A-Z][A-Za-z0-9_]*(?:::[A-Z][A-Za-z0-9_]*)*/g)) {
    const parts = match[0].replace(/^::/, '').split('::')
    for (let i = 0; i < parts.length; i++) {
      names.add(parts[i]!)
      if (i > 0) names.add(parts.slice(0, i + 1).join('::'))
    }
    if (names.size >= MAX_REFERENCES) break
  }
  return { imports, references: [...names].sort() }
}

/** `class Billing::Invoice < Base`, `module Payable`, `def self.build(*args)`: one definition per line that opens one. */
function rubyDefinitions(text: string): Definition[] {
  const definitions: Definition[] = []
  const lineOf = lineCounter(text)
  for (const match of text.matchAll(
    /^[ \t]*(?:(class|module)[ \t]+([A-Z][\w:]*)|def[ \t]+(?:self\.)?([A-Za-z_]\w*[?!=]?|[-+*/%<>=!~^&|[\]]+))[^\n]*/gm,
  )) {
    const line = lineOf(match.index)
    const signature = match[0].trim().replace(/\s+/g, ' ').slice(0, 200)
    if (match[2]) definitions.push({ name: match[2], kind: match[1] === 'module' ? 'module' : 'class', line, endLine: line, signature })
    else if (match[3]) definitions.push({ name: match[3], kind: 'method', line, endLine: line, signature })
  }
  return definitions
}

function python(text: string): Extracted {
  const imports = [
    ...collect(text, /^[ \t]*import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)/gm, (m, line) =>
      m[1]!.split(',').map((part) => ref(part.trim().split(/\s+as\s+/)[0]!, line, 'import')),
    ),
    ...collect(text, /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm, (m, line) => {
      const list = m[2]!.replace(/[()\\]/g, ' ').replace(/#.*$/gm, '')
      const wildcard = /^\s*\*\s*$/.test(list)
      const names = wildcard
        ? []
        : list
            .split(',')
            .map((part) =>
              part
                .trim()
                .split(/\s+as\s+/)[0]!
                .trim(),
            )
            .filter((name) => /^\w+$/.test(name))
      return ref(m[1]!, line, 'from', { names, ...(wildcard ? { wildcard } : {}) })
    }),
  ]
  return { imports }
}

function ecmascript(text: string): Extracted {
  const imports = collect(
    text,
    /\b(export)\b[^;'"`]*?\bfrom\s*(['"])([^'"\n]+)\2|\bfrom\s*(['"])([^'"\n]+)\4|\bimport\s*(['"])([^'"\n]+)\6|\brequire\s*\(\s*(['"])([^'"\n]+)\8\s*\)|\bimport\s*\(\s*(['"])([^'"\n]+)\10\s*\)/g,
    (m, line) => {
      if (m[3]) return ref(m[3], line, 'reexport')
      if (m[5]) return ref(m[5], line, 'import')
      if (m[7]) return ref(m[7], line, 'import')
      if (m[9]) return ref(m[9], line, 'require')
      return m[11] ? ref(m[11], line, 'dynamic') : null
    },
  )
  return { imports }
}

function go(text: string): Extracted {
  const imports: ImportRef[] = []
  const lineOf = lineCounter(text)
  for (const block of text.matchAll(/^import[ \t]*(\(([\s\S]*?)\)|(?:[\w.]+[ \t]+)?"([^"\n]+)")/gm)) {
    if (block[3]) imports.push(ref(block[3], lineOf(block.index), 'import'))
    else {
      const start = block.index + block[0].indexOf('(') + 1
      for (const spec of (block[2] ?? '').matchAll(/"([^"\n]+)"/g)) imports.push(ref(spec[1]!, lineOf(start + spec.index), 'import'))
    }
  }
  const pkg = /^package[ \t]+(\w+)/m.exec(text)?.[1]
  // Go code uses its package's names bare and other packages' as `pkg.Name`: every identifier may link.
  return { imports, ...(pkg ? { package: pkg } : {}), references: capitalised(text, /\b[A-Za-z_]\w{2,}\b/g) }
}

function jvm(text: string): Extracted {
  const imports = collect(text, /^[ \t]*import[ \t]+(static[ \t]+)?([\w.`]+)(\.\*)?(?:[ \t]+as[ \t]+\w+)?[ \t]*;?[ \t]*$/gm, (m, line) =>
    ref(m[2]!.replace(/`/g, ''), line, m[1] ? 'static' : 'import', m[3] ? { wildcard: true } : {}),
  )
  const pkg = /^[ \t]*package[ \t]+([\w.]+)/m.exec(text)?.[1]
  return { imports, ...(pkg ? { package: pkg } : {}), references: capitalised(text) }
}

/**
 * Scala: the package its clauses chain (`package cats` then `package data` is cats.data; a package
 * object `package object syntax` in cats is cats.syntax) and its imports, which may stand anywhere:
 * `a.b.C`, `a.b._` and `a.b.*` (the package's names), `a.b.{C, D => E, given}`, `a.b.C as D`, several
 * per line. An import may be relative to the package (`import syntax.all._` in cats); the resolver tries that.
 */
function scala(text: string): Extracted {
  const clauses: string[] = []
  let packageObject: string | null = null
  for (const match of text.matchAll(/^package[ \t]+(object[ \t]+)?([\w.`]+)/gm)) {
    if (match[1]) packageObject ??= match[2]!.replace(/`/g, '')
    else if (packageObject === null) clauses.push(match[2]!.replace(/`/g, ''))
  }
  const pkg = [...clauses, ...(packageObject ? [packageObject] : [])].join('.')
  const imports = collect(text, /^[ \t]*import[ \t]+([^\n;]+)/gm, (m, line) => {
    const refs: ImportRef[] = []
    for (const clause of splitOutsideBraces(m[1]!.replace(/\/\/.*$|\/\*.*$/, '').replace(/`/g, ''))) {
      const body = clause.trim().replace(/^_root_\./, '')
      const open = body.indexOf('{')
      if (open > 0) {
        const prefix = body.slice(0, open).replace(/\.$/, '')
        for (const item of body.slice(open + 1, body.lastIndexOf('}') < 0 ? body.length : body.lastIndexOf('}')).split(',')) {
          const name = item
            .trim()
            .split(/\s*(?:=>|\bas\b)\s*/)[0]!
            .trim()
          if (name === '_' || name === '*' || name === 'given') refs.push(ref(prefix, line, 'import', { wildcard: true }))
          else if (/^[A-Za-z_]\w*$/.test(name)) refs.push(ref(`${prefix}.${name}`, line, 'import'))
        }
        continue
      }
      const path = body.split(/\s+as\s+/)[0]!.trim()
      const wildcard = /\.(?:_|\*|given)$/.exec(path)
      if (wildcard) refs.push(ref(path.slice(0, wildcard.index), line, 'import', { wildcard: true }))
      else if (/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(path)) refs.push(ref(path, line, 'import'))
    }
    return refs
  })
  return { imports, ...(pkg ? { package: pkg } : {}), references: capitalised(text) }
}

/** `a.b, c.{d, e}` → [`a.b`, `c.{d, e}`]: commas inside braces belong to their clause. */
function splitOutsideBraces(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}') depth--
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts.filter((part) => part.trim() !== '')
}

/** `a::{b, c::{d, e as f}, *}` → a::b, a::c::d, a::c::e, a::* (wildcard). */
export function expandUseTree(tree: string): { path: string; wildcard: boolean }[] {
  // `d as e` keeps its alias apart (as @e) before spaces go: `basename` must stay whole.
  const text = tree.replace(/\s+as\s+/g, '@').replace(/\s+/g, '')
  const open = text.indexOf('{')
  if (open < 0) {
    const path = text.replace(/@\w+$/, '').replace(/::$/, '')
    return path.endsWith('::*') || path === '*'
      ? [{ path: path.replace(/::\*$|^\*$/, ''), wildcard: true }]
      : [{ path: path.replace(/::self$/, ''), wildcard: false }]
  }
  const prefix = text.slice(0, open)
  const inner = text.slice(open + 1, text.lastIndexOf('}'))
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '{') depth++
    else if (inner[i] === '}') depth--
    else if (inner[i] === ',' && depth === 0) {
      parts.push(inner.slice(start, i))
      start = i + 1
    }
  }
  parts.push(inner.slice(start))
  return parts
    .filter(Boolean)
    .flatMap((part) => (part === 'self' ? [{ path: prefix.replace(/::$/, ''), wildcard: false }] : expandUseTree(`${prefix}${part}`)))
}

function rust(text: string): Extracted {
  const imports = [
    ...collect(text, /^[ \t]*(?:pub(?:\([^)]*\))?[ \t]+)?mod[ \t]+(\w+)[ \t]*;/gm, (m, line) => ref(m[1]!, line, 'mod')),
    ...collect(text, /^[ \t]*(pub(?:\([^)]*\))?[ \t]+)?use[ \t]+([^;]+);/gm, (m, line) =>
      expandUseTree(m[2]!)
        .filter((entry) => entry.path)
        .map((entry) => ref(entry.path, line, m[1] ? 'reexport' : 'import', entry.wildcard ? { wildcard: true } : {})),
    ),
    ...collect(text, /^[ \t]*extern[ \t]+crate[ \t]+(\w+)/gm, (m, line) => ref(m[1]!, line, 'import')),
  ]
  return { imports }
}

function csharp(text: string): Extracted {
  const imports = collect(
    text,
    /^[ \t]*(?:global[ \t]+)?using[ \t]+(static[ \t]+)?(?:(\w+)[ \t]*=[ \t]*)?([\w.]+(?:<[^;>]*>)?)[ \t]*;/gm,
    (m, line) => ref(m[3]!.replace(/<.*$/, '').replace(/^global::/, ''), line, m[1] ? 'static' : 'import', m[2] ? { alias: m[2] } : {}),
  )
  const pkg = /^[ \t]*namespace[ \t]+([\w.]+)/m.exec(text)?.[1]
  return { imports, ...(pkg ? { package: pkg } : {}), references: capitalised(text) }
}

function php(text: string): Extracted {
  const imports = [
    ...collect(text, /^use[ \t]+(?:function[ \t]+|const[ \t]+)?([^;]+);/gm, (m, line) => {
      const body = m[1]!.replace(/\s+/g, ' ').trim()
      const group = /^\\?([\w\\]+)\\\{(.*)\}$/.exec(body)
      const clauses = group ? group[2]!.split(',').map((part) => `${group[1]}\\${part.trim()}`) : body.split(',')
      return clauses.map((clause) => {
        const [name = '', alias] = clause.trim().split(/\s+as\s+/i)
        return ref(name.replace(/^\\/, ''), line, 'import', alias ? { alias } : {})
      })
    }),
    ...collect(text, /\b(?:require|include)(?:_once)?\b[ \t(]*(__DIR__[ \t]*\.[ \t]*)?(['"])([^'"\n]+)\2/g, (m, line) =>
      ref(m[1] ? `./${m[3]!.replace(/^\/+/, '')}` : m[3]!, line, 'require'),
    ),
  ]
  const pkg = /^namespace[ \t]+([\w\\]+)[ \t]*[;{]/m.exec(text)?.[1]
  return { imports, ...(pkg ? { package: pkg } : {}), references: capitalised(text, /\\?\b[A-Z]\w*(?:\\[A-Z]\w*)*/g) }
}

function cFamily(text: string): Extracted {
  const imports = collect(text, /^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]/gm, (m, line) =>
    ref(m[2]!.trim(), line, 'include', m[1] === '<' ? { system: true } : {}),
  )
  return { imports }
}

/** What a file in a language no grammar reads declares, line by line (none for other files). */
export function declarationsByLines(path: string, text: string): Definition[] {
  const language = lightLanguageFor(path)
  return language ? lightDefinitions(language, text) : []
}

/** One declaration per line that opens one, for the languages no grammar reads. */
const LIGHT_DECLARATIONS: Readonly<
  Record<LightLanguage, readonly (readonly [RegExp, (match: RegExpExecArray) => [string, DefinitionKind] | null])[]>
> = {
  // `public final class Session`, `protocol RequestInterceptor`, `func request(_ url:)`, `case get` is not one.
  swift: [
    [
      /^([ \t]*)(?:@\w+(?:\([^)\n]*\))?[ \t]+)*(?:(?:public|private|internal|open|fileprivate|final|static|class|override|mutating|nonmutating|convenience|required|indirect|lazy|dynamic|nonisolated|package)(?:\([^)\n]*\))?[ \t]+)*(class|struct|enum|protocol|actor|func|typealias)[ \t]+([A-Za-z_]\w*)/gm,
      (m) => [
        m[3]!,
        m[2] === 'protocol'
          ? 'interface'
          : m[2] === 'enum'
            ? 'enum'
            : m[2] === 'typealias'
              ? 'type'
              : m[2] === 'func'
                ? m[1]
                  ? 'method'
                  : 'function'
                : 'class',
      ],
    ],
  ],
  // `sealed abstract class Chain[+A]`, `trait Functor[F[_]]`, `package object cats`, `def map[A, B](…)`.
  scala: [
    [
      /^([ \t]*)(?:(?:private|protected)(?:\[[^\]\n]*\])?[ \t]+|(?:final|sealed|abstract|implicit|lazy|override|case|inline|transparent|open|opaque|package)[ \t]+)*(class|trait|object|def|type|enum|given)[ \t]+([A-Za-z_]\w*)/gm,
      (m) => [
        m[3]!,
        m[2] === 'trait'
          ? 'interface'
          : m[2] === 'object'
            ? 'object'
            : m[2] === 'type'
              ? 'type'
              : m[2] === 'enum'
                ? 'enum'
                : m[2] === 'def' || m[2] === 'given'
                  ? m[1]
                    ? 'method'
                    : 'function'
                  : 'class',
      ],
    ],
  ],
  // `defmodule Phoenix.Router do` (its last name: what code that aliases it writes), `def call(conn, opts)`.
  elixir: [
    [
      /^[ \t]*(defmodule|defprotocol)[ \t]+([A-Z][\w.]*)/gm,
      (m) => [m[2]!.slice(m[2]!.lastIndexOf('.') + 1), m[1] === 'defprotocol' ? 'interface' : 'module'],
    ],
    [/^[ \t]*(?:def|defmacro|defguard|defdelegate)[ \t]+([a-z_][\w]*[?!]?)/gm, (m) => [m[1]!, 'function']],
  ],
}

function lightDefinitions(language: SourceLanguage, text: string): Definition[] {
  const patterns = (LIGHT_DECLARATIONS as Partial<Record<SourceLanguage, (typeof LIGHT_DECLARATIONS)[LightLanguage]>>)[language]
  if (!patterns) return []
  const lineOf = lineCounter(text)
  const found: Definition[] = []
  for (const [pattern, read] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const named = read(match)
      if (!named) continue
      const line = lineOf(match.index)
      const end = text.indexOf('\n', match.index + match[0].length)
      const signature = text
        .slice(match.index, end < 0 ? text.length : end)
        .trim()
        .replace(/\s*[{=]\s*$|\s+do\s*$/, '')
        .replace(/\s+/g, ' ')
        .slice(0, 200)
      found.push({ name: named[0], kind: named[1], line, endLine: line, signature })
    }
  }
  return found.sort((a, b) => a.line - b.line)
}

/** What a class builds on, as written: Ruby's `< Base`, Scala's `extends A with B`, Swift's `: A, B`, Elixir's `use`/`@behaviour`. */
const SUPERTYPES: Partial<Record<SourceLanguage, RegExp>> = {
  ruby: /^[ \t]*class[ \t]+[A-Z][\w:]*[ \t]*<[ \t]*([A-Z][\w:]*)/gm,
  scala: /\b(?:extends|with)[ \t]+([A-Z]\w*)/g,
  swift:
    /^[ \t]*(?:[\w@()]+[ \t]+)*(?:class|struct|enum|protocol|actor|extension)[ \t]+(?<own>\w+)(?:<[^>\n]*>)?[ \t]*:[ \t]*(?<bases>[^{\n]+)/gm,
  elixir: /^[ \t]*(?:use|@behaviour)[ \t]+([A-Z][\w.]*)/gm,
}

function supertypesOf(language: SourceLanguage, text: string): { supertypes?: string[] } {
  const pattern = SUPERTYPES[language]
  if (!pattern) return {}
  const names = new Set<string>()
  for (const match of text.matchAll(pattern)) {
    for (const part of (match.groups?.bases ?? match[1] ?? '').split(',')) {
      const name = part
        .trim()
        .replace(/<.*$/, '')
        .replace(/\bwhere\b.*$/, '')
        .trim()
      const simple = name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')) + 1)
      // A type never builds on itself: a base of its own name (`enum Error: Swift.Error`) is another module's.
      if (/^[A-Z]\w*$/.test(simple) && simple !== match.groups?.own) names.add(simple)
      if (names.size >= MAX_REFERENCES) break
    }
  }
  return names.size > 0 ? { supertypes: [...names].sort() } : {}
}

const noImports = (): Extracted => ({ imports: [] })

const EXTRACTORS: Readonly<Record<SourceLanguage, (text: string) => Extracted>> = {
  ruby,
  python,
  typescript: ecmascript,
  tsx: ecmascript,
  javascript: ecmascript,
  go,
  java: jvm,
  kotlin: jvm,
  rust,
  csharp,
  php,
  c: cFamily,
  cpp: cFamily,
  swift: noImports,
  scala,
  elixir: noImports,
}
