// What git ignores in a working tree, from every source git reads, in git's order of precedence: a
// folder's own .gitignore over its parents' (the root's last), then .git/info/exclude (in the common
// git folder), then core.excludesFile — by default $XDG_CONFIG_HOME/git/ignore, or
// ~/.config/git/ignore. Within one source the last matching line decides, and a `!` line takes a path
// back. Lines are read as git reads them (comments, trailing spaces unless quoted, CRLF, a byte-order
// mark, `/` anchoring, a trailing `/` for folders only), patterns by git's wildmatch, letters folded
// when core.ignoreCase is on. Paths and patterns are compared as bytes (Latin-1 strings). A folder's
// .gitignore is read when a path below it is first asked about, and kept for the walk; one that is a
// symbolic link is not followed (as git). Whether a parent folder is ignored is the walker's to ask
// first: git never looks inside an ignored folder. Read-only.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { configPath, xdgConfigFolder, type GitConfig, type GitConfigHome } from './git-config.ts'
import type { GitDirs } from './git-dir.ts'
import { wildmatchRegExp } from './wildmatch.ts'

interface IgnorePattern {
  readonly matcher: RegExp
  readonly negated: boolean
  readonly folderOnly: boolean
  /** No slash but a trailing one: matched against the name alone, at any depth. */
  readonly nameOnly: boolean
}

interface PatternList {
  /** The folder the patterns are relative to ('' or 'a/b/'), as a Latin-1 key. */
  readonly base: string
  readonly patterns: readonly IgnorePattern[]
}

/** git does not read an ignore file larger than this (100 MiB); Gemba stops well before. */
const MAX_IGNORE_FILE_BYTES = 10 * 1024 * 1024

export class IgnoreRules {
  readonly #root: Buffer
  readonly #ignoreCase: boolean
  /** info/exclude, then core.excludesFile: checked after every .gitignore, the last file first. */
  readonly #repositoryWide: readonly PatternList[]
  readonly #folders = new Map<string, Promise<PatternList | null>>()

  private constructor(root: Buffer, ignoreCase: boolean, repositoryWide: readonly PatternList[]) {
    this.#root = root
    this.#ignoreCase = ignoreCase
    this.#repositoryWide = repositoryWide
  }

  /** The rules of the working tree at `dirs.root`, with the repository's and the leader's global config. */
  static async load(dirs: GitDirs, config: GitConfig, home: GitConfigHome | null): Promise<IgnoreRules> {
    const ignoreCase = config.bool('core.ignoreCase') ?? false
    const configured = config.get('core.excludesFile')
    const excludesFile =
      configured !== undefined && configured !== ''
        ? configPath(configured, home, dirs.root)
        : home
          ? join(xdgConfigFolder(home), 'git', 'ignore')
          : null
    const lists: PatternList[] = []
    const exclude = await readIgnoreFile(Buffer.from(join(dirs.commondir, 'info', 'exclude')))
    if (exclude !== null) lists.push(parseIgnoreFile(exclude, '', ignoreCase))
    const global = excludesFile === null ? null : await readIgnoreFile(Buffer.from(excludesFile))
    if (global !== null) lists.push(parseIgnoreFile(global, '', ignoreCase))
    return new IgnoreRules(Buffer.from(dirs.root), ignoreCase, lists)
  }

  /**
   * Whether git ignores the path `key` (relative to the root, bytes as Latin-1; `dir` when it is a
   * folder), assuming no folder above it is ignored.
   */
  async ignored(key: string, dir: boolean): Promise<boolean> {
    const name = key.slice(key.lastIndexOf('/') + 1)
    if (name === '.git') return true
    const folders = ['']
    for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) folders.push(key.slice(0, slash))
    for (let at = folders.length - 1; at >= 0; at -= 1) {
      const list = await this.#folderList(folders[at]!)
      const decided = list ? decide(list, key, name, dir) : null
      if (decided !== null) return decided
    }
    for (const list of this.#repositoryWide) {
      const decided = decide(list, key, name, dir)
      if (decided !== null) return decided
    }
    return false
  }

  #folderList(folder: string): Promise<PatternList | null> {
    let list = this.#folders.get(folder)
    if (!list) {
      const base = folder === '' ? '' : `${folder}/`
      const path = Buffer.concat([this.#root, Buffer.from(`/${base}.gitignore`, 'latin1')])
      list = readIgnoreFile(path).then((text) => (text === null ? null : parseIgnoreFile(text, base, this.#ignoreCase)))
      this.#folders.set(folder, list)
    }
    return list
  }
}

/** The last pattern of `list` that matches decides: true (ignored), false (taken back), null (none matches). */
function decide(list: PatternList, key: string, name: string, dir: boolean): boolean | null {
  const relative = key.slice(list.base.length)
  for (let at = list.patterns.length - 1; at >= 0; at -= 1) {
    const pattern = list.patterns[at]!
    if (pattern.folderOnly && !dir) continue
    if (pattern.matcher.test(pattern.nameOnly ? name : relative)) return !pattern.negated
  }
  return null
}

/** An ignore file's lines (bytes as Latin-1) as patterns relative to `base`. Pure. */
export function parseIgnoreFile(text: string, base: string, ignoreCase: boolean): PatternList {
  const patterns: IgnorePattern[] = []
  // A UTF-8 byte-order mark, read as Latin-1.
  const body = text.startsWith('\u00ef\u00bb\u00bf') ? text.slice(3) : text
  for (const raw of body.split('\n')) {
    const line = trimTrailingSpaces(raw.endsWith('\r') ? raw.slice(0, -1) : raw)
    if (line === '' || line.startsWith('#')) continue
    let pattern = line
    const negated = pattern.startsWith('!')
    if (negated) pattern = pattern.slice(1)
    const folderOnly = pattern.endsWith('/')
    if (folderOnly) pattern = pattern.slice(0, -1)
    if (pattern === '') continue
    const nameOnly = !pattern.includes('/')
    if (pattern.startsWith('/')) pattern = pattern.slice(1)
    // A name alone is matched without WM_PATHNAME (it has no slash to stop at), as git's match_basename.
    patterns.push({ matcher: wildmatchRegExp(pattern, { pathname: !nameOnly, ignoreCase }), negated, folderOnly, nameOnly })
  }
  return { base, patterns }
}

/** Trailing spaces go, unless the last one is quoted with a backslash (git's trim_trailing_spaces). */
function trimTrailingSpaces(line: string): string {
  let end = line.length
  while (end > 0 && line[end - 1] === ' ') end -= 1
  if (end < line.length && end > 0 && line[end - 1] === '\\' && !escapedBackslash(line, end - 1)) end += 1
  return line.slice(0, end)
}

/** Whether the backslash at `at` is itself quoted by an odd run of backslashes before it. */
function escapedBackslash(line: string, at: number): boolean {
  let count = 0
  for (let index = at - 1; index >= 0 && line[index] === '\\'; index -= 1) count += 1
  return count % 2 === 1
}

/** An ignore file's bytes as Latin-1, or null when it is missing, a symbolic link, not a file or too large. */
async function readIgnoreFile(path: Buffer): Promise<string | null> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => null)
  if (!handle) return null
  try {
    const info = await handle.stat()
    if (!info.isFile() || info.size > MAX_IGNORE_FILE_BYTES) return null
    return (await handle.readFile()).toString('latin1')
  } catch {
    return null
  } finally {
    await handle.close().catch(() => undefined)
  }
}
