// Which repository paths a leader's context settings let through: an optional scope folder, include
// globs and exclude globs (`*`, `**`, `?`, `{a,b}`). Pure and deterministic; never touches the disk.

export interface PathFilterOptions {
  /** A folder relative to the root ('src/api'); null or '.' for the whole repository. */
  readonly scope?: string | null
  readonly include?: readonly string[]
  readonly exclude?: readonly string[]
}

export type PathFilter = (path: string) => boolean

/** A glob as a regular expression over a '/'-separated path. A glob without '/' matches a name anywhere. */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.trim().replaceAll('\\', '/').replace(/^\.\//, '')
  if (pattern.endsWith('/')) pattern += '**'
  if (!pattern.includes('/')) pattern = `**/${pattern}`
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (char === '*') out += '[^/]*'
    else if (char === '?') out += '[^/]'
    else if (char === '{') out += '(?:'
    else if (char === '}') out += ')'
    else if (char === ',') out += '|'
    else out += /[.+^$()|[\]]/.test(char) ? `\\${char}` : char
  }
  // A pattern naming a folder also covers everything inside it.
  return new RegExp(`^${out}(?:/.*)?$`)
}

export function normaliseScope(scope: string | null | undefined): string | null {
  const trimmed = (scope ?? '')
    .trim()
    .replaceAll('\\', '/')
    .replace(/^\.\/?/, '')
    .replace(/\/+$/, '')
  return trimmed === '' || trimmed === '.' ? null : trimmed
}

export function pathFilter(options: PathFilterOptions): PathFilter {
  const scope = normaliseScope(options.scope)
  const include = (options.include ?? []).filter((glob) => glob.trim()).map(globToRegExp)
  const exclude = (options.exclude ?? []).filter((glob) => glob.trim()).map(globToRegExp)
  return (path) => {
    if (scope !== null && path !== scope && !path.startsWith(`${scope}/`)) return false
    if (include.length > 0 && !include.some((regex) => regex.test(path))) return false
    return !exclude.some((regex) => regex.test(path))
  }
}
