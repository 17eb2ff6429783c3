// The list_folder tool: the tracked files and sub-folders directly inside one repository folder.
// Shows withheld secret files by name only; never lists .git or anything outside the root.
import { lstat, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../../shared/errors.ts'
import { withheldRule } from '../../secrets/index.ts'
import { resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import { byteLength, toolError, type RepoToolDeps, type ToolExecution } from './tool-execution.ts'

export const MAX_LIST_ENTRIES = 400

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
    folder = (await resolveInsideRepo(deps.root, input.path ?? '')).relative
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
  for (const name of files.sort()) {
    if (lines.length >= MAX_LIST_ENTRIES) break
    signal.throwIfAborted()
    const target = await linkTarget(deps.root, prefix + name)
    if (target === 'outside') {
      lines.push(`${name} (a link that leads outside the repository)`)
      continue
    }
    const withheld = withheldRule(deps.redactor, { relative: prefix + name, realRelative: target ?? prefix + name })
    if (withheld) {
      lines.push(`${name} (withheld: ${withheld})`)
      continue
    }
    const size = await stat(join(deps.root, prefix + name)).then(
      (s) => s.size,
      () => null,
    )
    lines.push(size === null ? `${name} (deleted in the working tree)` : `${name} (${size} bytes)`)
  }
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
