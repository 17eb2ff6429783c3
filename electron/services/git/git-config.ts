// A repository's git configuration as git reads it for the working tree: the global files
// ($XDG_CONFIG_HOME/git/config, then ~/.gitconfig), the repository's config in the common git folder,
// then the worktree's config.worktree when extensions.worktreeConfig is on; later values win. Follows
// `[include] path` and `[includeIf "gitdir:…"]` (relative to the including file, `~/` from the home
// folder; ten levels at most). Values are parsed as git does: quotes, escapes, comments, continued
// lines, `[section "subsection"]` and the older `[section.subsection]`. Read-only; the home folder
// comes in as an argument, never from the process.
import { readFile, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import type { GitDirs } from './git-dir.ts'
import { wildmatchRegExp } from './wildmatch.ts'

/** Where the leader's global git files are: their home folder, and XDG_CONFIG_HOME when set. */
export interface GitConfigHome {
  readonly home: string
  readonly xdgConfigHome?: string | undefined
}

export interface GitConfig {
  /** The last value of `section.key` or `section.subsection.key` (section and key in any case). */
  get(key: string): string | undefined
  /** A boolean as git reads one (`true`, `yes`, `on`, `1`; a key with no `=` is true). */
  bool(key: string): boolean | undefined
}

export interface ConfigEntry {
  readonly key: string
  readonly value: string
}

const MAX_INCLUDE_DEPTH = 10
const MAX_CONFIG_BYTES = 1024 * 1024
/** A key written with no `=` (git reads it as true). */
const NO_VALUE = '\0'

export async function readGitConfig(dirs: GitDirs, home: GitConfigHome | null): Promise<GitConfig> {
  const entries: ConfigEntry[] = []
  const context = { gitdirs: await gitdirForms(dirs.gitdir), home }
  if (home) {
    for (const file of globalConfigFiles(home)) entries.push(...(await readConfigFile(file, context, 0)))
  }
  const common = await readConfigFile(join(dirs.commondir, 'config'), context, 0)
  entries.push(...common)
  if (configBool(lastValue(common, 'extensions.worktreeconfig')) === true)
    entries.push(...(await readConfigFile(join(dirs.gitdir, 'config.worktree'), context, 0)))
  return configOf(entries)
}

/** The global config files, in the order git reads them. */
export function globalConfigFiles(home: GitConfigHome): string[] {
  return [join(xdgConfigFolder(home), 'git', 'config'), join(home.home, '.gitconfig')]
}

/** $XDG_CONFIG_HOME, or ~/.config when it is unset or empty (as git has it). */
export function xdgConfigFolder(home: GitConfigHome): string {
  return home.xdgConfigHome ? home.xdgConfigHome : join(home.home, '.config')
}

/** A path from a config value: `~/` is the home folder; a relative one is taken from `base`. */
export function configPath(value: string, home: GitConfigHome | null, base: string): string | null {
  if (value === '~' || value.startsWith('~/')) return home ? join(home.home, value.slice(1)) : null
  if (value.startsWith('~')) return null
  return isAbsolute(value) ? value : resolve(base, value)
}

/** A config file's entries as `section[.subsection].key` → value, in order. Pure. */
export function parseGitConfig(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = []
  let section: string | null = null
  let at = 0
  const length = text.length
  const skipBlank = () => {
    while (at < length && (text[at] === ' ' || text[at] === '\t')) at += 1
  }
  const skipLine = () => {
    while (at < length && text[at] !== '\n') at += 1
    at += 1
  }
  if (text.startsWith('\ufeff')) at = 1
  while (at < length) {
    skipBlank()
    const char = text[at]
    if (char === undefined) break
    if (char === '\n' || char === '\r' || char === '#' || char === ';') {
      skipLine()
      continue
    }
    if (char === '[') {
      const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]/.exec(text.slice(at, at + 2_000))
      if (!header) {
        section = null
        skipLine()
        continue
      }
      const name = header[1]!.toLowerCase()
      if (header[2] !== undefined) section = `${name}.${header[2].replace(/\\(.)/g, '$1')}`
      else {
        // The older [section.subsection] form: the subsection is lower-cased.
        section = name
      }
      at += header[0].length
      continue
    }
    const name = /^[A-Za-z][A-Za-z0-9-]*/.exec(text.slice(at, at + 200))
    if (!name || section === null) {
      skipLine()
      continue
    }
    at += name[0].length
    skipBlank()
    const key = `${section}.${name[0].toLowerCase()}`
    if (text[at] !== '=') {
      entries.push({ key, value: NO_VALUE })
      skipLine()
      continue
    }
    at += 1
    const parsed = parseValue(text, at)
    entries.push({ key, value: parsed.value })
    at = parsed.end
  }
  return entries
}

/** A value from `start` to its line's end: quotes kept out, escapes read, comments and outer spaces dropped. */
function parseValue(text: string, start: number): { value: string; end: number } {
  let value = ''
  let pendingSpace = ''
  let quoted = false
  let at = start
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at += 1
  for (; at < text.length; at += 1) {
    const char = text[at]!
    if (char === '\n') {
      at += 1
      break
    }
    if (char === '\r' && text[at + 1] === '\n') continue
    if (!quoted && (char === '#' || char === ';')) {
      while (at < text.length && text[at] !== '\n') at += 1
      at += 1
      break
    }
    if (!quoted && (char === ' ' || char === '\t')) {
      pendingSpace += char
      continue
    }
    if (char === '"') {
      value += pendingSpace
      pendingSpace = ''
      quoted = !quoted
      continue
    }
    value += pendingSpace
    pendingSpace = ''
    if (char !== '\\') {
      value += char
      continue
    }
    const next = text[at + 1]
    at += 1
    if (next === '\n') continue
    if (next === '\r' && text[at + 1] === '\n') {
      at += 1
      continue
    }
    value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '\b' : (next ?? '')
  }
  return { value, end: at }
}

async function readConfigFile(
  file: string,
  context: { gitdirs: string[]; home: GitConfigHome | null },
  depth: number,
): Promise<ConfigEntry[]> {
  const text = await readFile(file, 'utf8').catch(() => null)
  if (text === null || text.length > MAX_CONFIG_BYTES) return []
  const out: ConfigEntry[] = []
  for (const entry of parseGitConfig(text)) {
    out.push(entry)
    const include = includedFile(entry, file, context)
    if (include && depth < MAX_INCLUDE_DEPTH) out.push(...(await readConfigFile(include, context, depth + 1)))
  }
  return out
}

/** The file an `include.path` or a matching `includeIf "gitdir:…".path` entry names, else null. */
function includedFile(entry: ConfigEntry, file: string, context: { gitdirs: string[]; home: GitConfigHome | null }): string | null {
  if (!entry.key.endsWith('.path') || entry.value === NO_VALUE) return null
  const section = entry.key.slice(0, -'.path'.length)
  if (section !== 'include') {
    const condition = /^includeif\.(gitdir(?:\/i)?):(.*)$/s.exec(section)
    if (!condition || !gitdirMatches(condition[2]!, condition[1] === 'gitdir/i', file, context)) return null
  }
  return configPath(entry.value, context.home, dirname(file))
}

/** git's `gitdir:` condition: a pattern that is not rooted matches at any depth; one ending in `/` matches all below. */
function gitdirMatches(raw: string, ignoreCase: boolean, file: string, context: { gitdirs: string[]; home: GitConfigHome | null }) {
  let pattern = raw
  if (pattern.startsWith('./')) pattern = join(dirname(file), pattern.slice(2))
  else if (pattern === '~' || pattern.startsWith('~/')) {
    if (!context.home) return false
    pattern = join(context.home.home, pattern.slice(1)) + (pattern.endsWith('/') ? '/' : '')
  } else if (!isAbsolute(pattern)) pattern = `**/${pattern}`
  if (pattern.endsWith('/')) pattern += '**'
  const matcher = wildmatchRegExp(pattern, { pathname: true, ignoreCase })
  return context.gitdirs.some((gitdir) => matcher.test(gitdir))
}

/** The git folder as written and as its real path (git tries both). */
async function gitdirForms(gitdir: string): Promise<string[]> {
  const real = await realpath(gitdir).catch(() => gitdir)
  return [...new Set([resolve(gitdir), real])]
}

function lastValue(entries: readonly ConfigEntry[], key: string): string | undefined {
  for (let at = entries.length - 1; at >= 0; at -= 1) if (entries[at]!.key === key) return entries[at]!.value
  return undefined
}

/** A config value as a boolean, as git reads one (a key written with no `=` is true); undefined when it is none. */
export function configBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined
  if (value === NO_VALUE) return true
  const lower = value.trim().toLowerCase()
  if (['true', 'yes', 'on', '1'].includes(lower)) return true
  if (['false', 'no', 'off', '0', ''].includes(lower)) return false
  return undefined
}

function configOf(entries: readonly ConfigEntry[]): GitConfig {
  const normal = (key: string) => {
    const first = key.indexOf('.')
    const last = key.lastIndexOf('.')
    // Section and key are case-insensitive; a subsection keeps its case.
    return first === last
      ? key.toLowerCase()
      : `${key.slice(0, first).toLowerCase()}${key.slice(first, last)}${key.slice(last).toLowerCase()}`
  }
  return {
    get(key) {
      const value = lastValue(entries, normal(key))
      return value === NO_VALUE ? '' : value
    },
    bool(key) {
      return configBool(lastValue(entries, normal(key)))
    },
  }
}
