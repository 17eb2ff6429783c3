// The list_folder tool: the tracked files and sub-folders directly inside one repository folder, each
// file with its number of lines (the same in its redacted text, unlike a byte count, which would
// tell how long a redacted secret is), counted in the call's snapshot (at its commit, or the working
// tree for a file the leader has edited, which it says). Shows withheld secret files by name only;
// never lists .git or anything outside the root.
import { lstat, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../../shared/errors.ts'
import { readInSnapshot, withRepository, type GitRepo, type RepoSnapshot } from '../../git/git-layer.ts'
import { withheldRule } from '../../secrets/index.ts'
import { hardLinkRule, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import { looksBinary } from '../../fs/looks-binary.ts'
import { plural } from '../../../../shared/plural.ts'
import { byteLength, toolError, type RepoToolDeps, type ToolExecution } from './tool-execution.ts'

export const MAX_LIST_ENTRIES = 400
/** Files larger than this are said to be large, not counted. */
const MAX_COUNTED_BYTES = 2 * 1024 * 1024

/** "12 lines", "binary", "large": what a file is, told without anything that depends on a secret's length. */
async function describeFile(repo: GitRepo, snapshot: RepoSnapshot, path: string, absolute: string): Promise<string | null> {
  const info = await stat(absolute).catch(() => null)
  if (!info) return null
  if (!info.isFile()) return 'not a regular file'
  if (info.size > MAX_COUNTED_BYTES) return `over ${MAX_COUNTED_BYTES / 1024 / 1024} MB`
  const read = await readInSnapshot(repo, snapshot, path, absolute).catch(() => null)
  if (read?.kind !== 'file') return null
  const bytes = Buffer.from(read.content.buffer, read.content.byteOffset, read.content.byteLength)
  const edited = read.side === 'working tree' && snapshot.commit !== null ? ', edited in the working tree' : ''
  if (looksBinary(bytes)) return `binary${edited}`
  let lines = 0
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) lines++
  return `${plural(lines, 'line')}${edited}`
}

/** Where a symlink leads (repository-relative), 'outside' when it leaves the repository, null when it is no link. */
async function linkTarget(root: string, path: string): Promise<string | 'outside' | null> {
  const link = await lstat(join(root, path)).then(
    (info) => info.isSymbolicLink(),
    () => false,
  )
  if (!link) return null
  return resolveInsideRepo(root, path).then(
    (resolved) => resolved.realRelative,
    () => 'outside' as const,
  )
}

export async function listFolder(
  deps: RepoToolDeps,
  input: { readonly path?: string | undefined },
  signal: AbortSignal,
): Promise<ToolExecution> {
  let folder: string
  try {
    folder = (await resolveInsideRepo(deps.snapshot.root, input.path ?? '')).relative
  } catch (error) {
    if (error instanceof GembaError) return toolError(error.message)
    throw error
  }
  const prefix = folder === '' ? '' : `${folder}/`
  const folders = new Set<string>()
  const files: string[] = []
  for (const path of await deps.listFiles()) {
    if (!path.startsWith(prefix)) continue
    const rest = path.slice(prefix.length)
    const slash = rest.indexOf('/')
    if (slash === -1) files.push(rest)
    else folders.add(rest.slice(0, slash))
  }
  if (folders.size === 0 && files.length === 0) return toolError(`No tracked files in "${folder || '.'}".`)
  const lines: string[] = [...folders].sort().map((name) => `${name}/`)
  await withRepository(deps.snapshot.root, (repo) => describeFiles(deps, repo, prefix, files.sort(), lines, signal))
  const total = folders.size + files.length
  if (total > lines.length) lines.push(`… ${total - lines.length} more entries not shown`)
  const content = `${folder || '.'}/\n${lines.join('\n')}`
  return {
    content,
    isError: false,
    summary: `listed ${folder || 'the repository root'} (${total} entries)`,
    files: [{ path: folder || '.', bytes: byteLength(content) }],
    redactions: [],
  }
}

/** Each file's line: what it is (its lines counted in the snapshot), or why it is withheld; at most MAX_LIST_ENTRIES lines in all. */
async function describeFiles(
  deps: RepoToolDeps,
  repo: GitRepo,
  prefix: string,
  names: readonly string[],
  lines: string[],
  signal: AbortSignal,
): Promise<void> {
  for (const name of names) {
    if (lines.length >= MAX_LIST_ENTRIES) break
    signal.throwIfAborted()
    const target = await linkTarget(deps.snapshot.root, prefix + name)
    if (target === 'outside') {
      lines.push(`${name} (a link that leads outside the repository)`)
      continue
    }
    const absolute = join(deps.snapshot.root, prefix + name)
    const links = await stat(absolute).then(
      (info) => (info.isFile() ? info.nlink : 1),
      () => 1,
    )
    const withheld =
      withheldRule(deps.redactor, { relative: prefix + name, realRelative: target ?? prefix + name }) ?? hardLinkRule({ links })
    if (withheld) {
      lines.push(`${name} (withheld: ${withheld})`)
      continue
    }
    const what = await describeFile(repo, deps.snapshot, target ?? prefix + name, absolute)
    lines.push(what === null ? `${name} (deleted in the working tree)` : `${name} (${what})`)
  }
}
