// The names a source file uses, read by its words: every identifier that is not a keyword, without the
// names the file declares itself. The key-file ranking links a file to the files declaring what it
// uses (a symbol graph, as aider's repository map builds one); the names no file declares are dropped
// there. One space-separated string per file: a big repository has hundreds of thousands of names,
// and one string costs a fraction of an array of strings. Bounded: at most `max` names (past that,
// those that read as declarations and the most used are kept), read from at most `maxChars`
// characters. A token only strings hold (a word with digits, between quotes) or a word that reads as random
// is no name and is never kept: it may be a credential, and what a scan keeps of a file is cached on
// disk. Pure; never throws.
import { looksRandom } from '../../secrets/index.ts'

/** Words every language reserves or uses as noise; never a link between two files. */
const KEYWORDS = new Set(
  (
    'abstract and any as assert async await auto bool boolean break byte case catch char class const constexpr continue def default defer ' +
    'del delete do double elif else elsif end ensure enum except explicit export extends extern false final finally float fn for ' +
    'foreach friend from func function get global goto if impl implements import in include inline instanceof int interface internal ' +
    'is lambda let long loop match mod module move mut namespace native new nil none None not null nullptr object of operator or out ' +
    'override package pass private protected pub public raise readonly ref register rescue return self Self set short signed sizeof ' +
    'static std str string struct super switch synchronized template then this throw throws trait true True False try type typedef ' +
    'typename typeof uint undefined union unless unsafe unsigned until use using val var virtual void volatile when where while with ' +
    'yield define endif ifdef ifndef pragma elif undef args kwargs len print println printf err error string bytes'
  ).split(' '),
)

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g
/** Names this long are checked for randomness (shorter ones are never credentials in practice). */
const RANDOM_FROM = 20
/** A string literal on one line, in any of the common quotes. */
const QUOTED = /(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g
/** A word in a string this long with a digit in it is a token (a key, an id), not a name. */
const QUOTED_TOKEN = /^(?=.*\d)[A-Za-z_][A-Za-z0-9_]{11,}$/

/**
 * A word no one declares: a long run of letters and digits that changes case and class like a random
 * token (an API key in a string, a hash). Never a link, and never kept: the parse cache is on disk.
 */
function looksLikeToken(word: string): boolean {
  if (word.length < 16 || !/\d/.test(word)) return false
  const digits = word.replace(/\D/g, '').length
  if (digits >= 3) return true
  let switches = 0
  const classOf = (char: string) => (/[a-z]/.test(char) ? 0 : /[A-Z]/.test(char) ? 1 : /\d/.test(char) ? 2 : 3)
  for (let i = 1; i < word.length; i++) if (classOf(word[i]!) !== classOf(word[i - 1]!)) switches++
  return switches >= word.length * 0.3
}

export interface UsedNamesOptions {
  readonly max?: number
  readonly maxChars?: number
}

export function usedNames(text: string, declared: Iterable<string>, options: UsedNamesOptions = {}): string {
  const max = options.max ?? 800
  const limit = options.maxChars ?? 120_000
  const source = text.length > limit ? text.slice(0, limit) : text
  const own = new Set(declared)
  // Tokens with digits that stand only between quotes (a key, an id); a name also used in the code stays.
  const quoted = new Map<string, number>()
  for (const literal of source.matchAll(QUOTED)) {
    for (const word of literal[0].match(WORD) ?? []) if (QUOTED_TOKEN.test(word)) quoted.set(word, (quoted.get(word) ?? 0) + 1)
  }
  const counts = new Map<string, number>()
  for (const match of source.matchAll(WORD)) {
    const word = match[0]
    if (word.length < 3 || KEYWORDS.has(word) || looksLikeToken(word) || (word.length >= RANDOM_FROM && looksRandom(word))) continue
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  for (const [word, count] of quoted) if (counts.get(word) === count) counts.delete(word)
  // Names that read as declarations (`server_start`, `HttpClient`, `Router`) before plain words, which
  // are mostly locals and fields; within each, the most used first. The cap then drops plain words first.
  const names: [string, number][] = []
  for (const [word, count] of counts) if (!own.has(word)) names.push([word, /[A-Z_0-9]/.test(word) ? count + 1e6 : count])
  if (names.length > max) names.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return names
    .slice(0, max)
    .map(([word]) => word)
    .join(' ')
}
