// A tokenizer for any text, code or config, just fine enough to tell which name a value belongs to:
// words (identifiers, dotted and dashed names, flags, sigils), string literals (any quote, with the
// prefixes languages put before them: b"…", r'…', @"…", $"…", u8"…", r#"…"#, triple quotes), operators,
// and line ends. It never fails: a quote that does not close on its line is punctuation. One pass, each
// character read once, so it is linear on any input, a long minified line included. Pure.

export const TokenType = { Word: 0, String: 1, Op: 2, Newline: 3 } as const
export type TokenType = (typeof TokenType)[keyof typeof TokenType]

export interface Token {
  readonly type: TokenType
  /** Offsets into the text, end exclusive (for a string: its quotes and prefix included). */
  readonly start: number
  readonly end: number
  /** A word's or operator's text; a string's content (between the quotes, still escaped). */
  readonly text: string
  /** For a string: where its content starts and ends. */
  readonly contentStart: number
  readonly contentEnd: number
  /** Whether whitespace stands right before this token on its line. */
  readonly spaced: boolean
}

const MAX_STRING = 64 * 1024
const STRING_PREFIXES = new Set(['b', 'r', 'u', 'f', 'br', 'rb', 'fr', 'rf', 'u8', 'l', 'ur', 'e', 'n', 'c', 'x'])
const MULTI_OPS = ['===', '!==', '||=', '??=', '&&=', '::=', '==', '!=', ':=', '=>', '->', '<-', '::', '..', '+=', '?=', '<<', '</', '/>']

const MULTI_OP_STARTS = new Set(MULTI_OPS.map((op) => op[0]!))
const isWordStart = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || (code >= 48 && code <= 57) || code === 64
const isWordPart = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || (code >= 48 && code <= 57)
const isSpace = (code: number) => code === 32 || code === 9 || code === 13 || code === 12 || code === 11

/** Where a quoted string that starts at `at` (its quote) ends (after the closing quote), or -1. */
function closingQuote(text: string, at: number, quote: string, raw: boolean): number {
  for (let i = at + 1; i < text.length && i - at < MAX_STRING; i++) {
    const char = text[i]!
    if (char === '\n') return -1
    if (char === '\\' && !raw) {
      i++
      continue
    }
    if (char === quote) {
      // SQL and Pascal write a quote inside a string twice.
      if (text[i + 1] === quote && quote === "'") {
        i++
        continue
      }
      return i + 1
    }
  }
  return -1
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  let i = from
  let spaced = true
  while (i < to) {
    const code = text.charCodeAt(i)
    if (code === 10) {
      tokens.push({ type: TokenType.Newline, start: i, end: i + 1, text: '\n', contentStart: i, contentEnd: i, spaced })
      i++
      spaced = true
      continue
    }
    if (isSpace(code)) {
      i++
      spaced = true
      continue
    }
    const start = i
    const char = text[i]!
    // A quote right after a letter or digit is an apostrophe (don't, it's, the user's), not a string.
    const apostrophe = char === "'" && !spaced && i > from && isWordPart(text.charCodeAt(i - 1))
    if ((char === '"' || char === "'" || char === '`') && !apostrophe) {
      const token = readString(text, i, to, '', spaced)
      if (token) {
        tokens.push(token)
        i = token.end
        spaced = false
        continue
      }
    }
    if (isWordStart(code) || ((char === '-' || char === ':') && isWordStart(text.charCodeAt(i + 1)) && spaced)) {
      // A flag (--password, -p) or a Ruby symbol (:password) starts with its sigil.
      let j = i + 1
      if (char === '-' && text[j] === '-') j++
      while (j < to) {
        const c = text.charCodeAt(j)
        if (isWordPart(c)) j++
        else if ((c === 46 || c === 45) && j + 1 < to && isWordPart(text.charCodeAt(j + 1)) && j > start + 0) j++
        else break
      }
      const word = text.slice(start, j)
      // A string prefix: b"…", r'…', u8"…", @"…", $"…", r#"…"#.
      const next = text[j]
      if (
        (next === '"' || next === "'") &&
        (STRING_PREFIXES.has(word.toLowerCase()) || word === '@' || word === '$' || word === '@$' || word === '$@')
      ) {
        const token = readString(text, j, to, word, spaced, start)
        if (token) {
          tokens.push(token)
          i = token.end
          spaced = false
          continue
        }
      }
      if (next === '#' && /^b?r$/i.test(word)) {
        const token = readRawHashString(text, j, to, start, spaced)
        if (token) {
          tokens.push(token)
          i = token.end
          spaced = false
          continue
        }
      }
      tokens.push({ type: TokenType.Word, start, end: j, text: word, contentStart: start, contentEnd: j, spaced })
      i = j
      spaced = false
      continue
    }
    if (char === '@' || char === '$') {
      const next = text[i + 1]
      if (next === '"' || next === "'") {
        const token = readString(text, i + 1, to, char, spaced, i)
        if (token) {
          tokens.push(token)
          i = token.end
          spaced = false
          continue
        }
      }
    }
    let op = char
    if (MULTI_OP_STARTS.has(char)) {
      for (const candidate of MULTI_OPS) {
        if (text.startsWith(candidate, i)) {
          op = candidate
          break
        }
      }
    }
    tokens.push({ type: TokenType.Op, start, end: i + op.length, text: op, contentStart: start, contentEnd: i + op.length, spaced })
    i += op.length
    spaced = false
  }
  return tokens
}

function readString(text: string, at: number, to: number, prefix: string, spaced: boolean, start = at): Token | null {
  const quote = text[at]!
  // Triple quotes (Python, Kotlin, Swift, Java text blocks) may span lines; triple backticks are a Markdown fence.
  if (text.startsWith(quote.repeat(3), at)) {
    if (quote === '`') return null
    const close = text.indexOf(quote.repeat(3), at + 3)
    if (close === -1 || close - at > MAX_STRING || close >= to) return null
    return {
      type: TokenType.String,
      start,
      end: close + 3,
      text: text.slice(at + 3, close),
      contentStart: at + 3,
      contentEnd: close,
      spaced,
    }
  }
  const raw = /r/i.test(prefix) || prefix.includes('@')
  const end = quote === '`' ? backtickEnd(text, at, to) : closingQuote(text, at, quote, raw)
  if (end === -1 || end > to) return null
  return { type: TokenType.String, start, end, text: text.slice(at + 1, end - 1), contentStart: at + 1, contentEnd: end - 1, spaced }
}

/** A backtick string: a JS template literal or shell command substitution, on one line. */
function backtickEnd(text: string, at: number, to: number): number {
  const close = closingQuote(text, at, '`', false)
  return close === -1 || close > to ? -1 : close
}

/** Rust's r#"…"# and br#"…"#: no escapes, closed by the quote and as many hashes. */
function readRawHashString(text: string, at: number, to: number, start: number, spaced: boolean): Token | null {
  let hashes = 0
  while (text[at + hashes] === '#') hashes++
  if (text[at + hashes] !== '"') return null
  const closer = '"' + '#'.repeat(hashes)
  const close = text.indexOf(closer, at + hashes + 1)
  if (close === -1 || close >= to || close - at > MAX_STRING) return null
  return {
    type: TokenType.String,
    start,
    end: close + closer.length,
    text: text.slice(at + hashes + 1, close),
    contentStart: at + hashes + 1,
    contentEnd: close,
    spaced,
  }
}

/** A string's content with its escapes undone, and where each character of it sits in the text. */
export function unescapeContent(text: string, start: number, end: number): { value: string; offsets: number[] } {
  const chars: string[] = []
  const offsets: number[] = []
  for (let i = start; i < end; i++) {
    const char = text[i]!
    if (char === '\\' && i + 1 < end) {
      const next = text[i + 1]!
      const code =
        next === 'u'
          ? /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2, i + 6))
          : next === 'x'
            ? /^[0-9a-fA-F]{2}/.exec(text.slice(i + 2, i + 4))
            : null
      const mapped = code
        ? String.fromCharCode(parseInt(code[0], 16))
        : next === 'n'
          ? '\n'
          : next === 't'
            ? '\t'
            : next === 'r'
              ? '\r'
              : next
      chars.push(mapped)
      offsets.push(i)
      i += 1 + (code ? code[0].length : 0)
      continue
    }
    chars.push(char)
    offsets.push(i)
  }
  offsets.push(end)
  return { value: chars.join(''), offsets }
}
