// What a source file holds, read from its text without parsing it: its named functions (where each
// starts, whether it is exported or public, whether a doc comment precedes it), and whether it holds
// behaviour at all (a file of types, constants or re-exports has nothing a test could prove). For
// TypeScript/JavaScript, Python, Go, Rust, Ruby, Java, Kotlin, C# and PHP. Pure.

export interface FunctionShape {
  readonly name: string
  /** 1-based line of the declaration. */
  readonly line: number
  /** Lines up to the next declaration (an estimate of its size). */
  readonly length: number
  readonly exported: boolean
  readonly documented: boolean
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
  ecmascript: /^(export\s+(?:default\s+)?)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]|^(export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=>/,
  python: /^()def\s+([A-Za-z_]\w*)\s*\(|^()async\s+def\s+([A-Za-z_]\w*)\s*\(/,
  go: /^()func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*[([]/,
  rust: /^\s*(pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:const\s+)?(?:unsafe\s+)?fn\s+([A-Za-z_]\w*)/,
  ruby: /^\s*()def\s+(?:self\.)?([A-Za-z_]\w*[?!=]?)/,
  'c-like': /^\s*((?:public|export)\s+)?(?:(?:private|protected|internal|static|final|override|open|suspend|async|virtual|abstract)\s+)*(?:fun\s+|function\s+|func\s+)?(?:[\w<>[\],?]+\s+)?([A-Za-z_]\w*)\s*\([^;]*\)\s*(?::\s*[\w<>?[\], ]+)?\s*(?:throws [\w., ]+)?\{?\s*$/,
}

const KEYWORDS = new Set(['if', 'for', 'foreach', 'while', 'switch', 'catch', 'return', 'new', 'else', 'function', 'super', 'this', 'when', 'synchronized', 'using', 'lock', 'do', 'try', 'typeof', 'sizeof', 'nameof', 'fixed', 'checked', 'unchecked'])
/** Constructors are tested through what they build. */
const CONSTRUCTORS = new Set(['initialize', 'constructor', '__init__', '__construct', 'new'])

function documentedAbove(lines: readonly string[], index: number, family: Family): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const line = lines[at]!.trim()
    if (line === '') return false
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
    const next = lines.slice(at + 1).find((candidate) => candidate.trim() !== '')?.trim() ?? ''
    return /^[rbuRBU]?("""|''')/.test(next)
  }
  return false
}

export function functionsOf(path: string, text: string): FunctionShape[] {
  const family = familyOf(path)
  if (!family) return []
  const lines = text.split(/\r?\n/)
  const found: { name: string; line: number; exported: boolean; documented: boolean }[] = []
  for (const [index, line] of lines.entries()) {
    // Top-level only for Python and the ECMAScript forms (methods are tested through their class).
    if ((family === 'python' || family === 'ecmascript') && /^\s/.test(line)) continue
    const match = DECLARATIONS[family].exec(line)
    if (!match) continue
    const name = match[2] ?? match[4] ?? ''
    if (!name || KEYWORDS.has(name) || CONSTRUCTORS.has(name)) continue
    if (family === 'c-like' && name === stemOf(path)) continue
    // An overload's signature is not a function of its own.
    if (/@(\w+\.)?overload\b/.test(lines[index - 1] ?? '') || /\)\s*(:[^{=]+)?;\s*$/.test(line)) continue
    const exported =
      family === 'go' ? /^[A-Z]/.test(name) : family === 'python' || family === 'ruby' ? !name.startsWith('_') : family === 'ecmascript' ? Boolean(match[1] ?? match[3]) : family === 'rust' ? match[1]?.trim() === 'pub' : !/\bprivate\b/.test(line)
    const documented = family === 'python' ? pythonDocstring(lines, index) || documentedAbove(lines, index, family) : documentedAbove(lines, index, family)
    const deprecated = lines.slice(Math.max(0, index - 5), index).some((above) => /deprecated/i.test(above))
    found.push({ name, line: index + 1, exported: exported && !deprecated, documented })
  }
  return found.map((fn, index) => ({ ...fn, length: (found[index + 1]?.line ?? lines.length + 1) - fn.line }))
}

/** Code with comments (and Python's docstrings) left out, for the statements that remain. */
function withoutComments(text: string, family: Family): string {
  if (family === 'python' || family === 'ruby') return text.replace(/("""|''')[\s\S]*?\1/g, '""').replace(/^\s*#.*$/gm, '')
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '')
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
    for (const char of trimmed) depth += char === '{' || char === '(' || char === '[' ? 1 : char === '}' || char === ')' || char === ']' ? -1 : 0
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
