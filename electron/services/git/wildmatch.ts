// git's wildmatch (the glob of .gitignore lines and of includeIf conditions) as a regular expression,
// so a pattern is compiled once and matched many times. Follows git's wildmatch.c: `*` and `?` and a
// bracket never match a slash under WM_PATHNAME, `**` between slashes (or at either end) matches any
// number of folders, `\` quotes the next character, `[!…]`/`[^…]` negate, POSIX classes such as
// `[:alpha:]` are ASCII. A pattern git would refuse (an unclosed bracket, a lone trailing backslash)
// matches nothing, as in git. Strings are compared as the bytes git sees: callers pass paths and
// patterns decoded as Latin-1, so each character is one byte. Case-folding, when asked, is ASCII only,
// as git's. Pure.

export interface WildmatchOptions {
  /** `*`, `?` and brackets stop at `/` (git's WM_PATHNAME); `**` crosses folders. */
  readonly pathname: boolean
  /** ASCII letters match either case (core.ignoreCase). */
  readonly ignoreCase: boolean
}

const NEVER = /(?!)/

const CLASSES: Readonly<Record<string, string>> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f',
}

/** The whole-string regular expression of a wildmatch pattern (one that never matches when git would refuse it). */
export function wildmatchRegExp(pattern: string, options: WildmatchOptions): RegExp {
  const source = translate(pattern, options)
  return source === null ? NEVER : new RegExp(`^${source}$`, 's')
}

function translate(pattern: string, options: WildmatchOptions): string | null {
  let out = ''
  let at = 0
  while (at < pattern.length) {
    const char = pattern[at]!
    if (char === '\\') {
      if (at + 1 >= pattern.length) return null
      out += literal(pattern[at + 1]!, options.ignoreCase)
      at += 2
    } else if (char === '?') {
      out += options.pathname ? '[^/]' : '.'
      at += 1
    } else if (char === '*') {
      let end = at
      while (pattern[end] === '*') end += 1
      const double = end - at >= 2
      const afterSlashOrStart = at === 0 || pattern[at - 1] === '/'
      const next = pattern[end]
      if (!options.pathname) out += '.*'
      else if (double && afterSlashOrStart && next === '/') {
        // `**/` matches no folder or any number of them.
        out += '(?:.*/)?'
        end += 1
      } else if (double && afterSlashOrStart && next === undefined) out += '.*'
      else out += '[^/]*'
      at = end
    } else if (char === '[') {
      const bracket = translateBracket(pattern, at, options)
      if (bracket === null) return null
      out += bracket.source
      at = bracket.end
    } else {
      out += literal(char, options.ignoreCase)
      at += 1
    }
  }
  return out
}

/** A bracket expression from `[` at `start`: its source and where it ends; null when it never closes. */
function translateBracket(pattern: string, start: number, options: WildmatchOptions): { source: string; end: number } | null {
  let at = start + 1
  const negated = pattern[at] === '!' || pattern[at] === '^'
  if (negated) at += 1
  let items = ''
  let first = true
  while (at < pattern.length) {
    let char = pattern[at]!
    if (char === ']' && !first) {
      const slash = options.pathname ? '/' : ''
      const source = negated ? `[^${items}${slash ? '\\/' : ''}]` : slash ? `(?:(?!/)[${items}])` : `[${items}]`
      return { source: items === '' && !negated ? '(?!)' : source, end: at + 1 }
    }
    first = false
    if (char === '[' && pattern[at + 1] === ':') {
      const close = pattern.indexOf(':]', at + 2)
      if (close === -1) {
        items += '\\['
        at += 1
        continue
      }
      const name = pattern.slice(at + 2, close)
      const chars = CLASSES[name]
      if (chars === undefined) return null
      items += options.ignoreCase && (name === 'upper' || name === 'lower') ? 'A-Za-z' : chars
      at = close + 2
      continue
    }
    if (char === '\\') {
      at += 1
      if (at >= pattern.length) return null
      char = pattern[at]!
    }
    if (pattern[at + 1] === '-' && pattern[at + 2] !== undefined && pattern[at + 2] !== ']') {
      let high = pattern[at + 2]!
      let skip = 3
      if (high === '\\') {
        if (at + 3 >= pattern.length) return null
        high = pattern[at + 3]!
        skip = 4
      }
      items += rangeItems(char, high, options.ignoreCase)
      at += skip
      continue
    }
    items += classItem(char, options.ignoreCase)
    at += 1
  }
  return null
}

function rangeItems(low: string, high: string, ignoreCase: boolean): string {
  if (low > high) return ''
  let items = `${escapeClass(low)}-${escapeClass(high)}`
  if (ignoreCase) {
    // git compares both cases of each character against the range.
    for (let code = low.charCodeAt(0); code <= high.charCodeAt(0); code += 1) {
      const char = String.fromCharCode(code)
      const other = swapCase(char)
      if (other !== char) items += escapeClass(other)
    }
  }
  return items
}

function classItem(char: string, ignoreCase: boolean): string {
  const other = ignoreCase ? swapCase(char) : char
  return other === char ? escapeClass(char) : `${escapeClass(char)}${escapeClass(other)}`
}

function literal(char: string, ignoreCase: boolean): string {
  const other = ignoreCase ? swapCase(char) : char
  return other === char ? escapeLiteral(char) : `[${char}${other}]`
}

function swapCase(char: string): string {
  if (char >= 'a' && char <= 'z') return char.toUpperCase()
  if (char >= 'A' && char <= 'Z') return char.toLowerCase()
  return char
}

function escapeLiteral(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char
}

function escapeClass(char: string): string {
  return /[\\\]^[-]/.test(char) ? `\\${char}` : char
}
