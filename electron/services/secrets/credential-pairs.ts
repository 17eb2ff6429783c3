// One mechanism for "a name that says credential meets a value", in any syntax, over the tokens of a
// text (credential-tokens.ts): `name <op> value` with any operator and any type annotation between
// (`=`, `:`, `:=`, `=>`, `<-`, `==`, `x: &[u8] =`, `Dim x As String =`); `name value` with nothing
// between (`storePassword "…"`, `@secret "…"`, `set token "…"`, `--password …`, `PASSWORD '…'`,
// `IDENTIFIED BY '…'`); a key on one line and its value on the next (`key:` then the value, plist
// `<key>` then `<string>`, `<name>` then `<value>`); arguments of calls whose callee or the argument
// before them says credential (`new BasicAuth("u", "…")`, `login(user, "…")`, `put("api_key", "…")`,
// `auth=("u", "…")`); values inside a block, list or section whose name says so (`secrets: {…}`,
// `[credentials]`, `signingConfigs {…}`), unless their own key says what else they are; XML element
// text under its tag, its `name` attribute or the key element before it; string concatenations
// judged as the joined value; and `NAME=value` anywhere in a line, string contents included (a
// `docker build --build-arg` in a script, a SQL statement in a migration). Values are judged by
// secret-values.ts. Returns the spans of the values alone. Pure and linear in the text.
import {
  calleeClass,
  isDescriptiveName,
  isPublicName,
  isStringTypeWord,
  secretNameClass,
  type SecretNameClass,
} from './credential-names.ts'
import { tokenize, TokenType, unescapeContent, type Token } from './credential-tokens.ts'
import { fileKind, type FileKind } from './file-kind.ts'
import { lineStarts, type SecretSpan } from './secret-spans.ts'
import { looksLikePassword, looksLikeSecret, looksLikeToken } from './secret-values.ts'

/** A text with none of these holds no name that says credential: it is not read at all. */
export const CREDENTIAL_HINT = /pass|pwd|secret|token|key|cred|auth|dsn|salt|priv|sign|seed|jwt|bearer|hmac|otp|login|identified/i

const ASSIGN = new Set(['=', ':', ':=', '=>', '<-', '==', '===', '!=', '!==', '?=', '||=', '??=', '::='])
const CONCAT = new Set(['+', '.', '..', '~', '&', '<<'])
const TYPE_SKIP = new Set(['&', '*', '[', ']', '<', '>', '?', ',', '::', '.', '|', "'"])
const KEY_TAGS = new Set(['key', 'name', 'param-name', 'param_name', 'paramname', 'property-name', 'variable', 'var'])
const VALUE_TAGS = new Set(['value', 'string', 'data', 'val', 'text', 'content', 'default', 'defaultvalue', 'param-value', 'param_value'])
const DECLARING = /^(set|define|export|declare|local|let|var|val|def|my|our|setenv|SetEnv|ENV|ARG)$/
const BLOCK_KEYWORDS = /^(else|try|do|finally|then|begin|loop|unsafe|async|static|const|return|=>)$/
const MAX_DEPTH = 64
const MAX_BARE = 400
const MAX_RECURSION = 2

type Judgement = 'password' | 'secret' | 'strict'

interface Frame {
  readonly opener: string
  /** The name this group's values are held under (a callee, a key, a block's name), or null. */
  readonly governing: string | null
  readonly governingClass: SecretNameClass | null
  /** A call's argument list (positional values take the callee's class). */
  readonly call: boolean
  /** A block of statements, not data: its values are not held under its name. */
  readonly statements: boolean
  /** Named public (`PubKey{…}`, `public_keys: […]`): nothing inside is a secret. */
  readonly public: boolean
  key: string | null
  /** Set by `:` in this statement, kept while only a type stands between it and `=`. */
  typedKey: string | null
  argument: number
  argumentTokens: number
  /** The previous argument, when it was one atom (a string or a word). */
  previousAtom: string | null
  currentAtom: string | null
  /** Positional values waiting for the group to close (the number of arguments decides how they are judged). */
  positional: { value: string; spans: [number, number][]; argument: number }[]
}

interface Context {
  readonly text: string
  readonly kind: FileKind
  readonly depth: number
  readonly spans: SecretSpan[]
  /** Maps an offset in the scanned text to one in the original text (for string contents). */
  readonly offsets: readonly number[] | null
}

function topFrame(governing: string | null = null): Frame {
  return {
    opener: 'top',
    governing,
    governingClass: governing ? secretNameClass(governing) : null,
    call: false,
    statements: true,
    public: false,
    key: null,
    typedKey: null,
    argument: 0,
    argumentTokens: 0,
    previousAtom: null,
    currentAtom: null,
    positional: [],
  }
}

/** Lines read before and after a line with a credential word: enough for the block or call it opens or sits in. */
const LINES_BEFORE = 4
const LINES_AFTER = 30

/** Every value held under a credential name in `text`, as spans of the value alone. */
export function findCredentialPairs(text: string, kind: FileKind): SecretSpan[] {
  const spans: SecretSpan[] = []
  // Only the stretches around a credential word are read: a name that says credential is in them. In
  // prose, a fenced code block is read as the language its fence names.
  if (!CREDENTIAL_HINT.test(text)) return spans
  const starts = lineStarts(text)
  for (const region of kind === 'text' ? fencedRegions(text) : [{ from: 0, to: text.length, kind }]) {
    const context: Context = { text, kind: region.kind, depth: 0, spans, offsets: null }
    for (const [from, to] of hintWindows(text, starts, region.from, region.to)) scan(context, from, to)
  }
  return spans
}

const FENCE = /^[ \t]*(```+|~~~+)[ \t]*([\w+#.-]*)[^\n]*$/gm
const FENCE_LANGUAGES: Record<string, FileKind> = {
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  console: 'shell',
  zsh: 'shell',
  ps1: 'shell',
  powershell: 'shell',
}

/** Prose and the fenced code blocks inside it, each with the kind it is read as. */
function fencedRegions(text: string): { from: number; to: number; kind: FileKind }[] {
  if (!text.includes('```') && !text.includes('~~~')) return [{ from: 0, to: text.length, kind: 'text' }]
  const regions: { from: number; to: number; kind: FileKind }[] = []
  let at = 0
  let open: { start: number; fence: string; kind: FileKind } | null = null
  for (const match of text.matchAll(FENCE)) {
    const lineEnd = match.index + match[0].length
    if (open === null) {
      if (match.index > at) regions.push({ from: at, to: match.index, kind: 'text' })
      const language = match[2]!.toLowerCase()
      const byName = language ? fileKind(`fence.${language}`) : 'text'
      const kind =
        FENCE_LANGUAGES[language] ??
        (byName === 'yaml' || byName === 'json' || byName === 'xml' || byName === 'notebook' ? 'config' : byName)
      open = { start: lineEnd, fence: match[1]!, kind }
    } else if (match[1]!.startsWith(open.fence) && !match[2]) {
      regions.push({ from: open.start, to: match.index, kind: open.kind })
      open = null
    } else continue
    at = lineEnd
  }
  if (open) regions.push({ from: open.start, to: text.length, kind: open.kind })
  else if (at < text.length) regions.push({ from: at, to: text.length, kind: 'text' })
  return regions
}

/** Character ranges from a few lines before each line with a credential word to many lines after it, merged. */
function hintWindows(text: string, starts: readonly number[], regionFrom: number, regionTo: number): [number, number][] {
  const windows: [number, number][] = []
  const hints = new RegExp(CREDENTIAL_HINT.source, 'gi')
  hints.lastIndex = regionFrom
  let line = 0
  for (let match = hints.exec(text); match !== null && match.index < regionTo; match = hints.exec(text)) {
    while (starts[line + 1]! <= match.index) line++
    const from = Math.max(regionFrom, starts[Math.max(0, line - LINES_BEFORE)]!)
    const to = Math.min(regionTo, text.length, starts[Math.min(starts.length - 1, line + LINES_AFTER + 1)]!)
    const last = windows.at(-1)
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else windows.push([from, to])
    // The rest of this line adds nothing: read on from the next one.
    hints.lastIndex = Math.max(hints.lastIndex, starts[line + 1]!)
  }
  return windows
}

function original(context: Context, offset: number): number {
  return context.offsets ? context.offsets[Math.min(offset, context.offsets.length - 1)]! : offset
}

function record(context: Context, nameClass: SecretNameClass | 'password', ranges: readonly [number, number][]): void {
  const kind = nameClass === 'password' ? 'password-assignment' : 'secret-assignment'
  for (const [start, end] of ranges) {
    if (end <= start) continue
    const from = original(context, start)
    const to = original(context, end)
    context.spans.push({ start: from, end: to, kind })
  }
}

function judge(judgement: Judgement, nameClass: SecretNameClass, value: string): boolean {
  if (judgement === 'strict') return looksLikeToken(value)
  return looksLikeSecret(nameClass, value) || (judgement === 'password' && looksLikePassword(value))
}

/** Frames, the current line's indentation sections and the pending cross-line key: the scanner's state. */
class Scanner {
  readonly #context: Context
  readonly #tokens: Token[]
  readonly #stack: Frame[]
  /** `[section]` lines and `key:` lines with the value below them, by indentation. */
  #sections: { indent: number; name: string; nameClass: SecretNameClass | null }[] = []
  /** A key whose value is on the next line (`password:` then the value). */
  #lineKey: { name: string; line: number } | null = null
  #xmlKey: string | null = null
  /** YAML anchors (`&name value`) and where their values sit, for the aliases (`*name`) that reuse them. */
  readonly #anchors = new Map<string, { start: number; end: number; value: string }>()
  #line = 0
  #lineStartToken = 0

  constructor(context: Context, from: number, to: number) {
    this.#context = context
    this.#tokens = tokenize(context.text, from, to)
    this.#stack = [topFrame()]
  }

  get #frame(): Frame {
    return this.#stack.at(-1)!
  }

  run(): void {
    const tokens = this.#tokens
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!
      if (token.type === TokenType.Newline) {
        this.#endLine(index)
        continue
      }
      if (index === this.#lineStartToken) this.#startLine(index)
      const frame = this.#frame
      frame.argumentTokens++
      if (token.type === TokenType.Op) index = this.#op(index)
      else if (token.type === TokenType.String) index = this.#string(index)
      else index = this.#word(index)
    }
    while (this.#stack.length > 1) this.#close()
  }

  // --- lines and sections ---------------------------------------------------------------------

  #startLine(index: number): void {
    if (this.#context.kind === 'code') return
    const token = this.#tokens[index]!
    const text = this.#context.text
    const lineStart = text.lastIndexOf('\n', token.start - 1) + 1
    const indent = token.start - lineStart
    const lineEnd = text.indexOf('\n', token.start)
    const line = text.slice(token.start, lineEnd === -1 ? text.length : lineEnd).trimEnd()
    // `[section]` alone on a line: INI, TOML, properties with sections.
    const section = /^\[+\s*([^\]=]{1,100}?)\s*\]+$/.exec(line)
    if (section) {
      const name = section[1]!.split(/[\s"]/).filter(Boolean).join('.')
      this.#sections = [{ indent: -1, name, nameClass: secretNameClass(name.split('.').at(-1) ?? name) ?? secretNameClass(name) }]
      return
    }
    while (this.#sections.length > 0 && this.#sections.at(-1)!.indent >= indent) this.#sections.pop()
  }

  #endLine(index: number): void {
    const frame = this.#frame
    const previous = this.#tokens[index - 1]
    const lineEnded = previous && previous.type !== TokenType.Newline
    // A key with nothing after it: its value, or its children, are on the lines below.
    const code = this.#context.kind === 'code'
    if (lineEnded && previous.type === TokenType.Op && (previous.text === ':' || (previous.text === '=' && code)) && frame.key !== null) {
      this.#lineKey = { name: frame.key, line: this.#line }
      if (!code && previous.text === ':' && /^[\w.-]{1,80}$/.test(frame.key)) {
        const text = this.#context.text
        const first = this.#tokens[this.#lineStartToken]!
        const indent = first.start - (text.lastIndexOf('\n', first.start - 1) + 1)
        this.#sections.push({ indent, name: frame.key, nameClass: secretNameClass(frame.key) })
      }
    } else if (lineEnded && this.#lineKey && this.#lineKey.line < this.#line) this.#lineKey = null
    this.#line++
    this.#lineStartToken = index + 1
    // A line ends a statement, unless a group is open or the line ends on an operator.
    const continues = previous?.type === TokenType.Op && (CONCAT.has(previous.text) || previous.text === ',' || ASSIGN.has(previous.text))
    if (frame.opener !== '(' && frame.opener !== '[' && !continues) this.#endStatement(frame)
  }

  #endStatement(frame: Frame): void {
    frame.key = null
    frame.typedKey = null
    frame.previousAtom = null
    frame.currentAtom = null
    frame.argumentTokens = 0
  }

  /** The section a value under a neutral key falls in, by indentation or `[section]`. */
  #sectionClass(): { name: string; nameClass: SecretNameClass } | null {
    for (let at = this.#sections.length - 1; at >= 0; at--) {
      const section = this.#sections[at]!
      if (section.nameClass) return { name: section.name, nameClass: section.nameClass }
      if (isDescriptiveName(section.name)) return null
    }
    return null
  }

  /** The class inherited from the groups around: a block, list or section named for credentials. */
  #inherited(): SecretNameClass | null {
    for (let at = this.#stack.length - 1; at >= 0; at--) {
      const frame = this.#stack[at]!
      if (frame.governingClass) return frame.call ? null : frame.governingClass
      if (frame.statements && frame.opener !== 'top') return null
      if (frame.governing && isDescriptiveName(frame.governing)) return null
    }
    return this.#sectionClass()?.nameClass ?? null
  }

  /** The class of a value held under `name`: its own, or the one its section gives a neutral name. */
  #classOf(name: string | null): SecretNameClass | null {
    if (this.#stack.some((frame) => frame.public)) return null
    if (name === null) return this.#inherited()
    const own = secretNameClass(name)
    if (own) return own
    if (isDescriptiveName(name) || /^(description|type|name|id|url|host|user|username|email|region|port)$/i.test(name)) return null
    return this.#inherited()
  }

  // --- operators ------------------------------------------------------------------------------

  #op(index: number): number {
    const token = this.#tokens[index]!
    const frame = this.#frame
    const op = token.text
    if (ASSIGN.has(op)) {
      const name = this.#nameBefore(index, op)
      frame.key = name
      if (op === ':' && name !== null) frame.typedKey = name
      return this.#afterAssign(index, name)
    }
    if (op === ',') {
      frame.previousAtom = frame.argumentTokens === 2 ? frame.currentAtom : null
      frame.currentAtom = null
      frame.argument++
      frame.argumentTokens = 0
      frame.key = null
      frame.typedKey = null
      return index
    }
    if (op === ';') {
      this.#endStatement(frame)
      if (frame.call || frame.opener === '[') frame.argument++
      return index
    }
    if (op === '(' || op === '[' || op === '{') return this.#open(index)
    if (op === ')' || op === ']' || op === '}') {
      this.#closeMatching(op)
      return index
    }
    if (op === '<' && this.#tokens[index + 1]?.type === TokenType.Word && !this.#tokens[index + 1]!.spaced) return this.#element(index)
    return index
  }

  /** The name a value after the operator at `index` is held under: `x =`, `"x":`, `d["x"] =`, `x: T =`. */
  #nameBefore(index: number, op: string): string | null {
    const frame = this.#frame
    const tokens = this.#tokens
    let at = index - 1
    if (at < 0 || tokens[at]!.type === TokenType.Newline) return null
    // A type between the name and `=` (`x: &[u8] =`, `x: String =`): the name given at `:` holds.
    if (op === '=' && frame.typedKey !== null && this.#tokens[index]!.spaced) {
      let only = true
      for (let back = at; back >= 0 && tokens[back]!.text !== ':'; back--) {
        const t = tokens[back]!
        if (t.type === TokenType.Newline || t.type === TokenType.String || (t.type === TokenType.Op && !TYPE_SKIP.has(t.text))) {
          only = false
          break
        }
      }
      if (only) return frame.typedKey
    }
    const previous = tokens[at]!
    if (previous.type === TokenType.String) return unescapeContent(this.#context.text, previous.contentStart, previous.contentEnd).value
    if (previous.type === TokenType.Op && previous.text === ']') return this.#subscriptBefore(at)
    if (previous.type !== TokenType.Word) return null
    // A name in words (`Public Key:`, `Access Token:` in prose or a comment): the phrase, not its last word.
    if (/^[A-Z][a-z]+$/.test(previous.text) && !isStringTypeWord(previous.text)) {
      let phrase = previous.text
      for (let back = at - 1; back >= 0 && at - back < 6; back--) {
        const word = tokens[back]!
        if (word.type !== TokenType.Word || !/^[A-Z][a-z]+$/.test(word.text) || !tokens[back + 1]!.spaced) break
        phrase = `${word.text} ${phrase}`
      }
      return phrase
    }
    // `apiKey string =`, `Dim x As String =`: the word before the type.
    if (isStringTypeWord(previous.text)) {
      at--
      if (tokens[at]?.type === TokenType.Word && /^as$/i.test(tokens[at]!.text)) at--
      const before = tokens[at]
      if (before?.type === TokenType.Word && !isStringTypeWord(before.text)) return before.text
    }
    return previous.text
  }

  /** `d["api_key"]`, `ENV['X']`, `os.environ["X"]`: the one atom inside the brackets. */
  #subscriptBefore(close: number): string | null {
    const tokens = this.#tokens
    const inner = tokens[close - 1]
    if (!inner || tokens[close - 2]?.text !== '[') return null
    if (inner.type === TokenType.String) return unescapeContent(this.#context.text, inner.contentStart, inner.contentEnd).value
    return inner.type === TokenType.Word ? inner.text : null
  }

  /** What follows `name <op>`: a value, a group held under the name, a YAML anchor, or an expression. */
  #afterAssign(index: number, name: string | null): number {
    const tokens = this.#tokens
    let next = index + 1
    let anchor: string | null = null
    // YAML anchors and tags stand between a key and its value: `password: &pw value`, `token: !secret x`.
    while (
      tokens[next]?.type === TokenType.Op &&
      (tokens[next]!.text === '&' || tokens[next]!.text === '!') &&
      tokens[next + 1]?.type === TokenType.Word &&
      !tokens[next + 1]!.spaced
    ) {
      if (tokens[next]!.text === '&') anchor = tokens[next + 1]!.text
      next += 2
    }
    const value = tokens[next]
    if (!value || value.type === TokenType.Newline) return next - 1
    if (anchor !== null && this.#context.kind !== 'code') this.#remember(anchor, value)
    // A YAML alias (`*shared`) reuses the anchored value: under this name, it is judged again.
    if (value.type === TokenType.Op && value.text === '*' && tokens[next + 1]?.type === TokenType.Word && this.#context.kind !== 'code') {
      this.#frame.key = null
      const anchored = this.#anchors.get(tokens[next + 1]!.text)
      const nameClass = anchored ? this.#classOf(name) : null
      if (anchored && nameClass && judge(nameClass === 'password' ? 'password' : 'secret', nameClass, anchored.value))
        record(this.#context, nameClass, [[anchored.start, anchored.end]])
      return next + 1
    }
    if (value.type === TokenType.String) return this.#valueChain(next, name, 'normal')
    // A group after the name is held under it (`auth=("u", "…")`, `secrets = {…}`); the key goes when it closes.
    if (value.type === TokenType.Op && (value.text === '(' || value.text === '[' || value.text === '{')) return next - 1
    this.#frame.key = null
    // In code an unquoted value is an expression (a variable, a call, a type), never a literal credential.
    if (this.#context.kind !== 'code') this.#bare(value.start, name, 'normal')
    return next - 1
  }

  #remember(anchor: string, value: Token): void {
    if (this.#anchors.size > 1000) return
    if (value.type === TokenType.String) {
      const content = unescapeContent(this.#context.text, value.contentStart, value.contentEnd).value
      this.#anchors.set(anchor, { start: value.contentStart, end: value.contentEnd, value: content })
      return
    }
    const text = this.#context.text
    let end = value.start
    while (end < text.length && end - value.start < MAX_BARE && !/[\s"'`]/.test(text[end]!)) end++
    const bare = withoutClosers(bareValue(text.slice(value.start, end)))
    this.#anchors.set(anchor, { start: value.start, end: value.start + bare.length, value: bare })
  }

  // --- values ---------------------------------------------------------------------------------

  /** A string and the strings concatenated to it, judged as one value under `name`; returns the last index read. */
  #valueChain(index: number, name: string | null, mode: 'normal' | 'positional'): number {
    const tokens = this.#tokens
    const parts: Token[] = [tokens[index]!]
    let at = index
    for (;;) {
      let next = at + 1
      while (tokens[next]?.type === TokenType.Newline && (this.#stack.length > 1 || CONCAT.has(tokens[next + 1]?.text ?? ''))) next++
      const following = tokens[next]
      if (!following) break
      // Strings side by side are one in C and Python; in a shell they are separate arguments.
      if (following.type === TokenType.String && this.#context.kind === 'code') {
        parts.push(following)
        at = next
        continue
      }
      if (following.type === TokenType.Op && CONCAT.has(following.text)) {
        let after = next + 1
        while (tokens[after]?.type === TokenType.Newline) after++
        if (tokens[after]?.type === TokenType.String) {
          parts.push(tokens[after]!)
          at = after
          continue
        }
      }
      break
    }
    const pieces = parts.map((part) => unescapeContent(this.#context.text, part.contentStart, part.contentEnd))
    const value = pieces.map((piece) => piece.value).join('')
    const ranges = parts.map((part) => [part.contentStart, part.contentEnd] as [number, number])
    const frame = this.#frame
    const after = tokens[at + 1]
    const whole = !after || after.type === TokenType.Newline || (after.type === TokenType.Op && /^[,)\]};]$/.test(after.text))
    if (mode === 'positional') {
      if (whole) frame.positional.push({ value, spans: ranges, argument: frame.argument })
    } else {
      const nameClass = this.#classOf(name)
      if (nameClass && !value.includes('\n') && judge(nameClass === 'password' ? 'password' : 'secret', nameClass, value.trim())) {
        record(this.#context, nameClass, ranges)
        frame.key = null
        return at
      }
    }
    frame.key = null
    for (const piece of pieces) this.#readInside(piece)
    return at
  }

  /** A string that is not itself a credential may hold `NAME=value`, a statement or escaped code: read it too. */
  #readInside(piece: { value: string; offsets: number[] }): void {
    if (this.#context.depth >= MAX_RECURSION || piece.value.length < 6 || !CREDENTIAL_HINT.test(piece.value)) return
    const offsets = this.#context.offsets ? piece.offsets.map((offset) => original(this.#context, offset)) : piece.offsets
    const inner: Context = { text: piece.value, kind: 'text', depth: this.#context.depth + 1, spans: this.#context.spans, offsets }
    scan(inner, 0, piece.value.length)
  }

  /** An unquoted value starting at `start` (up to a space or a quote), judged under `name`. */
  #bare(start: number, name: string | null, judgement: 'normal' | 'strict'): void {
    const nameClass = this.#classOf(name)
    if (!nameClass) return
    const text = this.#context.text
    // In code an unquoted value is one token at most (`key: !0,shiftKey:!0` is not one value); elsewhere it runs to a space.
    const stop = judgement === 'strict' ? /[^A-Za-z0-9+/=_.~-]/ : /[\s"'`]/
    let end = start
    while (end < text.length && end - start < MAX_BARE && !stop.test(text[end]!)) end++
    const value = withoutClosers(bareValue(text.slice(start, end)))
    if (value.length === 0) return
    const ok =
      judgement === 'strict'
        ? looksLikeToken(value) && !/[()]/.test(value)
        : judge(nameClass === 'password' ? 'password' : 'secret', nameClass, value)
    if (ok) record(this.#context, nameClass, [[start, start + value.length]])
  }

  #string(index: number): number {
    const tokens = this.#tokens
    const frame = this.#frame
    const token = tokens[index]!
    const previous = tokens[index - 1]
    const following = tokens[index + 1]
    // A key (`"password": …`, `'token' => …`): its value comes after the operator.
    if (following?.type === TokenType.Op && ASSIGN.has(following.text)) {
      if (frame.argumentTokens === 1) frame.currentAtom = unescapeContent(this.#context.text, token.contentStart, token.contentEnd).value
      return index
    }
    // `name "value"`: a DSL setting, a Tcl set, an Elixir attribute, SQL's PASSWORD '…'. In code only
    // where a statement starts (`storePassword "…"`, `set token "…"`, `#define KEY "…"`), never after a type.
    if (previous?.type === TokenType.Word && token.spaced && (this.#context.kind !== 'code' || this.#startsStatement(index - 1))) {
      const name = this.#wordName(index - 1)
      if (name !== null && secretNameClass(name)) return this.#valueChain(index, name, 'normal')
    }
    // The value of a key on the line above (`password:` then the value alone).
    if (this.#lineKey && index === this.#lineStartToken && this.#lineAlone(index)) {
      const name = this.#lineKey.name
      this.#lineKey = null
      return this.#valueChain(index, name, 'normal')
    }
    if (frame.opener !== 'top' || this.#stack.length > 1) {
      // `put("api_key", value)`, `["--password", "…"]`: the argument before names this one.
      if (
        frame.previousAtom !== null &&
        frame.argumentTokens === 1 &&
        /^-{0,2}[\w.-]{1,60}$/.test(frame.previousAtom) &&
        secretNameClass(frame.previousAtom)
      ) {
        frame.currentAtom = token.text
        return this.#valueChain(index, frame.previousAtom, 'normal')
      }
      if (frame.argumentTokens === 1) frame.currentAtom = unescapeContent(this.#context.text, token.contentStart, token.contentEnd).value
      // A literal that is a whole argument of a call or tuple named for credentials (not part of an expression).
      if (frame.governingClass && frame.argumentTokens === 1) return this.#valueChain(index, null, 'positional')
    }
    // A value standing alone in a credential block or section (`secrets = ["…", "…"]`).
    return this.#valueChain(index, null, 'normal')
  }

  /**
   * Whether the word at `index` starts its statement (after a line start, `{`, `(` or `;`), or follows a
   * declaring word that does (`set token "…"`, `#define KEY "…"`, `export X "…"`).
   */
  #startsStatement(index: number): boolean {
    const before = this.#tokens[index - 1]
    const starts = (token: Token | undefined) =>
      !token || token.type === TokenType.Newline || (token.type === TokenType.Op && /^[{(;]$/.test(token.text))
    if (starts(before)) return true
    if (before?.type !== TokenType.Word || !DECLARING.test(before.text)) return false
    const first = this.#tokens[index - 2]
    return starts(first) || (first?.type === TokenType.Op && first.text === '#' && starts(this.#tokens[index - 3]))
  }

  /** The name a word gives the value after it: itself, or `password` for SQL's `IDENTIFIED BY`. */
  #wordName(index: number): string | null {
    const word = this.#tokens[index]!
    if (/^by$/i.test(word.text) && /^identified$/i.test(this.#tokens[index - 1]?.text ?? '')) return 'password'
    return word.text
  }

  /** Whether the token at `index` is all its line holds (but closing punctuation). */
  #lineAlone(index: number): boolean {
    for (let at = index + 1; at < this.#tokens.length; at++) {
      const token = this.#tokens[at]!
      if (token.type === TokenType.Newline) return true
      if (token.type !== TokenType.Op || !/^[,;]$/.test(token.text)) return false
    }
    return true
  }

  #word(index: number): number {
    const tokens = this.#tokens
    const token = tokens[index]!
    const frame = this.#frame
    if (frame.argumentTokens === 1) frame.currentAtom = token.text
    const next = tokens[index + 1]
    // `name value` with nothing between, outside code: `--password x`, `SetEnv X y`, `ENV X y`, `password x`.
    if (this.#context.kind !== 'code' && next && next.type === TokenType.Word && next.spaced) {
      const name = this.#wordName(index)
      const flag = token.text.startsWith('-')
      const atStart = index === this.#lineStartToken || index === this.#lineStartToken + 1
      if (name !== null && (flag || atStart || /^by$/i.test(token.text)) && secretNameClass(name)) {
        const after = tokens[index + 2]
        // Not `name value <op>` (that value is the next name).
        if (!after || after.type !== TokenType.Op || !ASSIGN.has(after.text) || after.spaced) this.#bare(next.start, name, 'normal')
      }
    }
    // The value of a key on the line above, unquoted.
    if (this.#lineKey && index === this.#lineStartToken && this.#context.kind !== 'code' && this.#bareLineAlone(index)) {
      const name = this.#lineKey.name
      this.#lineKey = null
      this.#bare(token.start, name, 'normal')
    }
    return index
  }

  /** Whether the line from the token at `index` holds one unquoted value and nothing else. */
  #bareLineAlone(index: number): boolean {
    const text = this.#context.text
    const start = this.#tokens[index]!.start
    const end = text.indexOf('\n', start)
    const line = text.slice(start, end === -1 ? text.length : end).trimEnd()
    // `NAME=` or `name:` is the next key, not this one's value.
    return /^\S+$/.test(line) && !/[:=]$/.test(line) && !/^[A-Za-z_][\w.-]*=/.test(line)
  }

  // --- groups ---------------------------------------------------------------------------------

  #open(index: number): number {
    const tokens = this.#tokens
    const token = tokens[index]!
    const previous = tokens[index - 1]
    const frame = this.#frame
    let governing: string | null = null
    let call = false
    let statements = false
    if (previous?.type === TokenType.Op && ASSIGN.has(previous.text)) governing = frame.key
    else if (previous?.type === TokenType.Word && token.text === '(') {
      governing = previous.text
      call = true
    } else if (previous?.type === TokenType.Word && token.text === '{') {
      // A block named by the first word of its statement (`credentials {`, `signingConfigs {`); in code,
      // `class TokenGuard {` or `fn key() {` is code, not data held under the name.
      const first =
        this.#tokens[index - 2] === undefined ||
        this.#tokens[index - 2]!.type === TokenType.Newline ||
        /^[{;]$/.test(this.#tokens[index - 2]!.text)
      governing = BLOCK_KEYWORDS.test(previous.text) || (this.#context.kind === 'code' && !first) ? null : previous.text
      statements = this.#context.kind === 'code' && governing === null
    } else if (previous?.type === TokenType.String && token.text === '{') {
      governing = unescapeContent(this.#context.text, previous.contentStart, previous.contentEnd).value
    } else if (token.text === '{' && previous?.type === TokenType.Op && previous.text === ')') statements = true
    else if (token.text === '[' && previous && (previous.type === TokenType.Word || previous.text === ']' || previous.text === ')')) {
      // A subscript, not a list.
      governing = null
    }
    // Only a plain name governs a group (not a path such as `Pages/Auth/ForgotPassword.vue`).
    if (governing !== null && !/^[\w.$@:-]{1,80}$/.test(governing)) governing = null
    if (this.#stack.length >= MAX_DEPTH) return index
    this.#stack.push({
      opener: token.text,
      governing,
      // A call's or a tuple's arguments may be a user and a password (`auth=("u", "…")`); an object's values have keys.
      governingClass: governing === null ? null : token.text === '{' ? secretNameClass(governing) : calleeClass(governing),
      call,
      statements,
      public: (previous?.type === TokenType.Word && isPublicName(previous.text)) || (governing !== null && isPublicName(governing)),
      key: null,
      typedKey: null,
      argument: 0,
      argumentTokens: 0,
      previousAtom: null,
      currentAtom: null,
      positional: [],
    })
    return index
  }

  #closeMatching(closer: string): void {
    const opener = OPENER[closer]
    for (let at = this.#stack.length - 1; at > 0; at--) {
      if (this.#stack[at]!.opener === opener) {
        while (this.#stack.length > at) this.#close()
        // The group was the value of the key before it.
        this.#frame.key = null
        return
      }
    }
  }

  #close(): void {
    const frame = this.#stack.pop()!
    if (frame.positional.length === 0 || !frame.governingClass) return
    const several = frame.argument > 0
    for (const item of frame.positional) {
      // The first of several arguments is often the user; it counts only when random enough to be a key.
      const judgement: Judgement = several && item.argument === 0 ? 'strict' : frame.governingClass === 'password' ? 'password' : 'secret'
      if (judge(judgement, frame.governingClass, item.value.trim())) record(this.#context, frame.governingClass, item.spans)
    }
  }

  // --- XML ------------------------------------------------------------------------------------

  /** `<tag attr="…">text</tag>`: attributes read as pairs; the text held under the tag, its name attribute or the key before it. */
  #element(index: number): number {
    const tokens = this.#tokens
    const tag = tokens[index + 1]!.text
    let nameAttribute: string | null = null
    let at = index + 2
    for (; at < tokens.length && at < index + 200; at++) {
      const token = tokens[at]!
      if (token.type === TokenType.Op && (token.text === '>' || token.text === '/>')) break
      if (token.type === TokenType.Newline) continue
      if (token.type === TokenType.Word && tokens[at + 1]?.text === '=' && tokens[at + 2]?.type === TokenType.String) {
        const attribute = token.text.toLowerCase()
        const value = tokens[at + 2]!
        if (attribute === 'name' || attribute === 'key') nameAttribute = value.text
        // `<add key="ApiKey" value="…" />`: the value is held under the key beside it.
        else if (nameAttribute !== null && VALUE_TAGS.has(attribute)) this.#judgeText(nameAttribute, value.contentStart, value.text)
      }
    }
    const close = tokens[at]
    // The attributes are read by the main loop as ordinary pairs.
    if (!close || close.text === '/>') {
      this.#xmlKey = null
      return index + 1
    }
    const text = this.#context.text
    const lineEnd = text.indexOf('\n', close.end)
    const end = text.indexOf('<', close.end)
    if (end === -1 || (lineEnd !== -1 && end > lineEnd)) return index + 1
    const content = text.slice(close.end, end)
    const value = content.trim()
    if (value.length === 0) return index + 1
    const lower = tag.toLowerCase()
    if (KEY_TAGS.has(lower) && !nameAttribute) {
      this.#xmlKey = value
      return index + 1
    }
    const name = nameAttribute ?? (VALUE_TAGS.has(lower) && this.#xmlKey !== null ? this.#xmlKey : tag)
    this.#xmlKey = null
    this.#judgeText(name, close.end + content.indexOf(value), value)
    return index + 1
  }

  #judgeText(name: string, start: number, value: string): void {
    const nameClass = this.#classOf(name)
    if (nameClass && judge(nameClass === 'password' ? 'password' : 'secret', nameClass, value))
      record(this.#context, nameClass, [[start, start + value.length]])
  }
}

const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' }

/** An unquoted value up to the next `;name=` or `&name=` (a cookie, a query, a connection string). */
function bareValue(run: string): string {
  const next = /[;&][A-Za-z_][\w.-]*=|,[A-Za-z_][\w.-]*[=:]/.exec(run)
  return next ? run.slice(0, next.index) : run
}

/** An unquoted value without the punctuation of the syntax around it: `v,` `v;` `v]` (but `a(b)` keeps its paren). */
function withoutClosers(value: string): string {
  let out = value
  for (;;) {
    const last = out.at(-1)
    if (last === ',' || last === ';') out = out.slice(0, -1)
    else if (last !== undefined && OPENER[last] && !out.includes(OPENER[last])) out = out.slice(0, -1)
    else return out
  }
}

function scan(context: Context, from: number, to: number): void {
  new Scanner(context, from, to).run()
}
