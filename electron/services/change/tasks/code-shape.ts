// What a source file holds, read from its text without parsing it: its named functions (where each
// starts, whether it is exported or public, whether a doc comment precedes it, whether it only
// overrides a method its parent documents), and whether it holds behaviour at all (a file of types,
// constants or re-exports has nothing a test could prove). Public means what the language's own
// conventions say: Ruby's `private` sections and RDoc's `:nodoc:`, Rust's `#[doc(hidden)]`. For
// TypeScript/JavaScript, Python, Go, Rust, Ruby, Java, Kotlin, C# and PHP. Pure.

export interface FunctionShape {
  readonly name: string
  /** 1-based line of the declaration. */
  readonly line: number
  /** Lines up to the next declaration (an estimate of its size). */
  readonly length: number
  readonly exported: boolean
  readonly documented: boolean
  /** A Python or ECMAScript method (one level inside a top-level class); other families' methods are not told apart. */
  readonly method: boolean
  /** Overrides or implements a method documented elsewhere (`override`, `@Override`, toString, Error…). */
  readonly overrides: boolean
}

type Family = 'ecmascript' | 'python' | 'go' | 'rust' | 'ruby' | 'c-like'

const stemOf = (path: string) => (path.split('/').at(-1) ?? '').replace(/\.[^.]+$/, '')

export function familyOf(path: string): Family | null {
  if (/\.(m|c)?(j|t)sx?$/.test(path)) return /\.d\.(m|c)?ts$/.test(path) ? null : 'ecmascript'
  if (path.endsWith('.py')) return 'python'
  if (path.endsWith('.go')) return 'go'
  if (path.endsWith('.rs')) return 'rust'
  if (path.endsWith('.rb')) return 'ruby'
  if (/\.(java|kt|cs|php|swift|scala)$/.test(path)) return 'c-like'
  return null
}

const DECLARATIONS: Readonly<Record<Family, RegExp>> = {
  ecmascript:
    /^(export\s+(?:default\s+)?)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]|^(export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=>/,
  python: /^()def\s+([A-Za-z_]\w*)\s*\(|^()async\s+def\s+([A-Za-z_]\w*)\s*\(/,
  go: /^()func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*[([]/,
  rust: /^\s*(pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:const\s+)?(?:unsafe\s+)?fn\s+([A-Za-z_]\w*)/,
  ruby: /^\s*()def\s+(?:self\.)?([A-Za-z_]\w*[?!=]?)/,
  'c-like':
    /^\s*((?:public|export)\s+)?(?:(?:private|protected|internal|static|final|override|open|suspend|async|virtual|abstract)\s+)*(?:fun\s+|function\s+|func\s+)?(?:[\w<>[\],?]+\s+)?([A-Za-z_]\w*)\s*\([^;]*\)\s*(?::\s*[\w<>?[\], ]+)?\s*(?:throws [\w., ]+)?\{?\s*$/,
}

/** A class member with a body: `get name(…) {`, `async name(`, `name = (…) =>`. */
const ECMA_MEMBER =
  /^((?:(?:public|private|protected|static|async|override|readonly|get|set)\s+)*)([A-Za-z_$][\w$]*)\s*(?:(?:<[^>]*>)?\s*\(|(?::[^=]+)?=\s*(?:async\s+)?(?:<[^>]*>\s*)?\()/

/** The first line of a method's overload signatures right above it (their doc covers the implementation). */
function overloadsStart(lines: readonly string[], index: number, name: string): number {
  const indent = /^\s*/.exec(lines[index]!)![0].length
  const signature = new RegExp(`^\\s*(?:(?:public|static|async|override|readonly|get|set)\\s+)*${name.replace(/\$/g, '\\$')}\\s*[<(]`)
  let start = index
  for (let at = index - 1; at >= 0 && index - at < 60; at--) {
    const line = lines[at]!
    const depth = /^\s*/.exec(line)![0].length
    if (line.trim() === '') break
    if (depth === indent && signature.test(line)) start = at
    else if (depth <= indent && !/^\s*\)/.test(line)) break
  }
  return start
}

/** `export const name = (` with its parameters on the lines below and an arrow after them. */
function multilineArrow(lines: readonly string[], index: number): RegExpExecArray | null {
  const head = /^(export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:<[^>]*>\s*)?\(\s*$/.exec(lines[index]!)
  if (!head) return null
  const closing = lines.slice(index + 1, index + 20).find((line) => /^\)/.test(line))
  return closing && /=>/.test(closing)
    ? (Object.assign([head[0], undefined, undefined, head[1], head[2]], { index: 0, input: head.input }) as unknown as RegExpExecArray)
    : null
}

/**
 * Lines from a declaration to the end of its block: up to the first line indented no deeper than the
 * declaration (its closing `}` or `end` counted in), past a signature's own continuation lines.
 */
function blockLength(lines: readonly string[], index: number): number {
  const indentOf = (line: string) => /^\s*/.exec(line)![0].length
  const indent = indentOf(lines[index]!)
  for (let at = index + 1; at < lines.length; at++) {
    const line = lines[at]!
    if (line.trim() === '' || indentOf(line) > indent || /^\s*([{)\]]|where\b|throws\b|->)/.test(line)) continue
    // Its own closing line counts; an enclosing block's does not (an abstract declaration has no body).
    if (indentOf(line) === indent && /^\s*(\}|end\b)/.test(line)) return at - index + 1
    let last = at - 1
    while (last > index && lines[last]!.trim() === '') last--
    return last - index + 1
  }
  let last = lines.length - 1
  while (last > index && lines[last]!.trim() === '') last--
  return last - index + 1
}

/** Whether a Python class's bases (`Base, Generic[T], metaclass=M`) bring methods a parent may document. */
function inheritsMethods(bases: string): boolean {
  const names = bases
    .replace(/\[[^\]]*\]/g, '')
    .split(',')
    .map((base) => base.trim())
    .filter((base) => base && !base.includes('='))
  return names.some((base) => !/^(?:\w+\.)?(object|ABC|Generic|Protocol)$/.test(base))
}

/** The lines of a Python file that sit inside a triple-quoted string (a docstring's examples are not code). */
function insideTripleQuotes(lines: readonly string[]): Set<number> {
  const inside = new Set<number>()
  let open: string | null = null
  for (const [index, line] of lines.entries()) {
    if (open) inside.add(index)
    for (const quote of line.match(/"""|'''/g) ?? [])
      if (open === null) open = quote
      else if (open === quote) open = null
  }
  return inside
}

/**
 * Whether a line the C-like pattern matched declares the function rather than calls it: Kotlin, Swift,
 * PHP and Scala say so with a keyword; Java and C# put a return type or a modifier before the name.
 */
function declaresInCLike(path: string, line: string, name: string): boolean {
  const keyword = /\.kt$/.test(path)
    ? 'fun'
    : /\.swift$/.test(path)
      ? 'func'
      : /\.php$/.test(path)
        ? 'function'
        : /\.scala$/.test(path)
          ? 'def'
          : null
  const before = line.slice(0, line.indexOf(`${name}(`) >= 0 ? line.indexOf(`${name}(`) : line.indexOf(name))
  if (keyword) return new RegExp(`\\b${keyword}\\b`).test(before)
  return /\w[\w<>[\],?]*\s+$/.test(before) && !/\b(return|new|await|throw|else|yield)\s+$/.test(before)
}

/** Methods every reader knows from the language's own protocols: their parent's doc covers them. */
const PROTOCOL_METHODS = new Set([
  'toString',
  'equals',
  'hashCode',
  'compareTo',
  'close',
  'run',
  'call',
  'ToString',
  'Equals',
  'GetHashCode',
  'CompareTo',
  'Compare',
  'Dispose',
  'DisposeAsync',
  'GetEnumerator',
  'String',
  'Error',
  'Unwrap',
  'ServeHTTP',
  'Len',
  'Less',
  'Swap',
  'MarshalJSON',
  'UnmarshalJSON',
  'message',
  'to_s',
  'inspect',
  'to_h',
  'to_json',
  'each',
  'inherited',
  'included',
  'extended',
  'respond_to?',
  'respond_to_missing?',
  'method_missing',
  'keys',
  'values',
  'items',
  'get',
  'update',
  'copy',
  'fmt',
  'from',
  'into',
  'drop',
  'clone',
  'default',
  'eq',
  'partial_cmp',
  'cmp',
  'hash',
  'deref',
  'deref_mut',
  'poll',
  'poll_ready',
  'next',
  '__toString',
  'jsonSerialize',
  'getIterator',
  'count',
  'process',
  'handle',
  'offsetGet',
  'offsetSet',
  'offsetExists',
  'offsetUnset',
])

const KEYWORDS = new Set([
  'if',
  'for',
  'foreach',
  'while',
  'switch',
  'catch',
  'return',
  'new',
  'else',
  'function',
  'super',
  'this',
  'when',
  'synchronized',
  'using',
  'lock',
  'do',
  'try',
  'typeof',
  'sizeof',
  'nameof',
  'fixed',
  'checked',
  'unchecked',
])
/** Constructors are tested through what they build. */
const CONSTRUCTORS = new Set(['initialize', 'constructor', '__init__', '__construct', 'new'])

function documentedAbove(lines: readonly string[], index: number, family: Family): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const line = lines[at]!.trim()
    if (line === '') return false
    // Rust's doc attribute is a doc (often a whole page: `#[doc = include_str!("…md")]`).
    if (family === 'rust' && /^#\[doc\s*=/.test(line)) return true
    // Decorators and attributes (over several lines, too) sit between a doc and its function.
    if (/^(@|#\[)|^\)\]?$|^\w+\s*=\s*["\w]/.test(line)) continue
    // A doc comment may sit one declaration higher (a cache the function uses, declared just above it).
    if (family === 'ecmascript' && /^(const|let)\s/.test(line) && at > 0 && lines[at - 1]!.trim().endsWith('*/')) return true
    if (family === 'rust') return line.startsWith('///') || line.startsWith('//!')
    if (family === 'go') return line.startsWith('//')
    if (family === 'ruby' || family === 'python') return line.startsWith('#')
    return line.endsWith('*/') || line.startsWith('//') || line.startsWith('*')
  }
  return false
}

/** A docstring right after the signature (which may run over many lines). */
function pythonDocstring(lines: readonly string[], index: number): boolean {
  let depth = 0
  for (let at = index; at < Math.min(lines.length, index + 40); at++) {
    const line = lines[at]!
    for (const char of line) depth += char === '(' || char === '[' ? 1 : char === ')' || char === ']' ? -1 : 0
    if (depth > 0 || !line.trimEnd().endsWith(':')) continue
    const next =
      lines
        .slice(at + 1)
        .find((candidate) => candidate.trim() !== '')
        ?.trim() ?? ''
    return /^[rbuRBU]?("""|''')/.test(next)
  }
  return false
}

export function functionsOf(path: string, text: string): FunctionShape[] {
  const family = familyOf(path)
  if (!family) return []
  const lines = text.split(/\r?\n/)
  const found: Omit<FunctionShape, 'length'>[] = []
  const ruby = family === 'ruby' ? rubyVisibility(lines) : null
  let pythonClass: { methods: number | null; public: boolean; inherits: boolean } | null = null
  let ecmaClass: { members: number | null; exported: boolean } | null = null
  const quoted = family === 'python' ? insideTripleQuotes(lines) : null
  for (const [index, line] of lines.entries()) {
    let method = false
    if (family === 'python') {
      if (quoted!.has(index)) continue
      const indent = /^\s*/.exec(line)![0].length
      const header = /^class\s+(\w+)\s*(?:\((.*)\))?/.exec(line)
      if (indent === 0 && line.trim() !== '' && !line.startsWith('#') && !line.startsWith(')') && !line.startsWith('@'))
        pythonClass = header ? { methods: null, public: !header[1]!.startsWith('_'), inherits: inheritsMethods(header[2] ?? '') } : null
      // A method is one level inside a top-level class; a function nested deeper is the method's own business.
      if (indent > 0) {
        if (!pythonClass || !/^\s+(async\s+)?def\s/.test(line)) continue
        pythonClass.methods ??= indent
        if (indent !== pythonClass.methods) continue
        method = true
      }
    }
    let match: RegExpExecArray | null
    if (family === 'ecmascript') {
      const header = /^(export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+[A-Za-z_$]/.exec(line)
      if (header) ecmaClass = { members: null, exported: Boolean(header[1]) }
      else if (/^\}/.test(line)) ecmaClass = null
      // A class's members, one level in: methods and arrow-function properties with a body.
      if (/^\s/.test(line)) {
        if (!ecmaClass || line.trim() === '') continue
        const indent = /^\s*/.exec(line)![0].length
        ecmaClass.members ??= indent
        if (indent !== ecmaClass.members) continue
        const member = ECMA_MEMBER.exec(line.trimStart())
        if (!member || /\b(private|protected)\s/.test(member[1] ?? '') || !/[{(,]\s*$|=>/.test(line)) continue
        method = true
        match = Object.assign([line, ecmaClass.exported ? 'export ' : undefined, member[2]], {
          index: 0,
          input: line,
        }) as unknown as RegExpExecArray
      } else match = DECLARATIONS.ecmascript.exec(line) ?? multilineArrow(lines, index)
    } else match = DECLARATIONS[family].exec(method ? line.trimStart() : line)
    if (!match) continue
    const name = match[2] ?? match[4] ?? ''
    if (!name || KEYWORDS.has(name) || CONSTRUCTORS.has(name)) continue
    if (family === 'c-like' && (name === stemOf(path) || !declaresInCLike(path, line, name))) continue
    // An overload's signature (or a Python stub whose body is `...`) is not a function of its own.
    if (
      /@(\w+\.)?overload\b/.test(lines[index - 1] ?? '') ||
      /\)\s*(:[^{=]+)?;\s*$/.test(line) ||
      (family === 'python' && /:\s*\.\.\.\s*$/.test(line))
    )
      continue
    const exported =
      family === 'go'
        ? // A method of an unexported type is not part of the package's API.
          /^[A-Z]/.test(name) && !/^[a-z]/.test(/^func\s*\(\s*(?:\w+\s+)?\*?\s*([A-Za-z_]\w*)/.exec(line)?.[1] ?? 'F')
        : family === 'python'
          ? !name.startsWith('_') && (!method || pythonClass!.public)
          : family === 'ruby'
            ? !name.startsWith('_') && !ruby!.hidden.has(index)
            : family === 'ecmascript'
              ? Boolean(match[1] ?? match[3]) && !name.startsWith('_')
              : family === 'rust'
                ? match[1]?.trim() === 'pub' && !/#\[doc\(hidden\)\]/.test(lines.slice(Math.max(0, index - 3), index).join('\n'))
                : !/\b(private|protected|internal|fileprivate)\b/.test(line)
    const documented =
      family === 'python'
        ? pythonDocstring(lines, index) || documentedAbove(lines, index, family)
        : documentedAbove(lines, method ? overloadsStart(lines, index, name) : index, family)
    const deprecated = lines.slice(Math.max(0, index - 5), index).some((above) => /deprecated/i.test(above))
    const above = lines.slice(Math.max(0, index - 3), index).join('\n')
    // A Python subclass's method may well override a documented parent's (and a setter shares its getter's doc).
    const overrides =
      PROTOCOL_METHODS.has(name) ||
      /\boverride\b/.test(line) ||
      /@Override\b|@\w+\.(setter|deleter)\b/.test(above) ||
      (method && family === 'python' && pythonClass!.inherits)
    found.push({ name, line: index + 1, exported: exported && !deprecated, documented, method, overrides })
  }
  return found.map((fn, index) => ({
    ...fn,
    length: Math.min((found[index + 1]?.line ?? lines.length + 1) - fn.line, blockLength(lines, fn.line - 1)),
  }))
}

/**
 * Ruby's hidden methods, by line: those after a bare `private` or `protected` (until the class that
 * holds it closes, or `public`), `private def …`, names listed in `private :a, :b`, and any marked
 * `# :nodoc:` (RDoc leaves them out of the documentation on purpose).
 */
function rubyVisibility(lines: readonly string[]): { hidden: Set<number> } {
  const hidden = new Set<number>()
  const named = new Set<string>()
  for (const line of lines)
    for (const listed of /^\s*(?:private|protected)\s+(:\w+[?!=]?(?:\s*,\s*:\w+[?!=]?)*)\s*$/.exec(line)?.[1]?.split(',') ?? [])
      named.add(listed.trim().slice(1))
  let section: number | null = null
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    const indent = /^\s*/.exec(line)![0].length
    if (section !== null && (indent < section || (indent === section && /^\s*public\s*$/.test(line)))) section = null
    if (/^\s*(private|protected)\s*$/.test(line)) section = indent
    const def = /^\s*(private\s+|protected\s+)?def\s+(?:self\.)?([A-Za-z_]\w*[?!=]?)/.exec(line)
    if (def && (section !== null || def[1] || named.has(def[2]!) || /#\s*:nodoc:/.test(line))) hidden.add(index)
  }
  return { hidden }
}

/** Code with comments (and Python's docstrings) left out, for the statements that remain. */
function withoutComments(text: string, family: Family): string {
  if (family === 'python' || family === 'ruby') return text.replace(/("""|''')[\s\S]*?\1/g, '""').replace(/^\s*#.*$/gm, '')
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '')
}

const TYPE_ONLY = /^(export\s+)?(declare\s|type\s+[\w$]+|interface\s|import\s+type\b|export\s+(type\s+)?(\*|\{))|^import\b/

/** The top-level statements of ECMAScript code that exist at run time (types, declarations and imports left out). */
function runtimeCode(code: string): string {
  const kept: string[] = []
  let depth = 0
  let skipping = false
  let previous = ''
  for (const line of code.split('\n')) {
    const trimmed = line.trim()
    if (trimmed === '') continue
    const continues = depth > 0 || /^[|&)\]}.]/.test(trimmed) || /[=|&,([{:]$/.test(previous)
    if (!continues) skipping = TYPE_ONLY.test(trimmed)
    for (const char of trimmed)
      depth += char === '{' || char === '(' || char === '[' ? 1 : char === '}' || char === ')' || char === ']' ? -1 : 0
    depth = Math.max(0, depth)
    if (!skipping) kept.push(trimmed)
    previous = trimmed
  }
  return kept.join('\n')
}

/**
 * Whether the file holds behaviour a test could prove: at least one function with a body. A file of
 * types (TypeScript interfaces, type aliases, `declare`), constants or re-exports holds none.
 */
export function holdsBehaviour(path: string, text: string): boolean {
  const family = familyOf(path)
  if (!family) return false
  const code = withoutComments(text, family)
  if (family === 'ecmascript') return /\bfunction\b|=>|\bclass\s+[\w$]+/.test(runtimeCode(code))
  return functionsOf(path, code).length > 0
}
