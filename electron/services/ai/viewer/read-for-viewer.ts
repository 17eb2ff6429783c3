// A repository file (or folder listing) for the leader's read-only viewer: confined to the
// repository by the same path guard as Claude's tools, with secret files withheld and credential
// lines redacted. Never writes; never shows anything in .git or outside the root.
import { readdir, readFile, stat } from 'node:fs/promises'
import type { RepoFileView } from '../../../../shared/models/ai.ts'
import type { Redactor } from '../redact/secret-redactor.ts'
import { withheldRule } from '../redact/withheld-rule.ts'
import { resolveInsideRepo } from '../tools/resolve-inside-repo.ts'
import { looksBinary } from '../tools/tool-execution.ts'

export const MAX_VIEW_BYTES = 2 * 1024 * 1024

export async function readForViewer(root: string, path: string, redactor: Redactor, signal: AbortSignal): Promise<RepoFileView> {
  const resolved = await resolveInsideRepo(root, path)
  const info = await stat(resolved.absolute)
  if (info.isDirectory()) {
    const entries = (await readdir(resolved.absolute, { withFileTypes: true }))
      .filter((entry) => entry.name.toLowerCase() !== '.git')
      .map((entry) => ({ name: entry.name, kind: entry.isDirectory() ? ('folder' as const) : ('file' as const) }))
      .sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : 1) : a.kind === 'folder' ? -1 : 1))
    return { kind: 'folder', path: resolved.relative, absolutePath: resolved.absolute, entries }
  }
  const base = { kind: 'file' as const, path: resolved.relative, absolutePath: resolved.absolute, redactions: [], binary: false, truncated: false }
  const byName = withheldRule(redactor, resolved)
  if (byName) return { ...base, text: '', lines: 0, withheld: byName }
  const bytes = await readFile(resolved.absolute, { signal })
  const head = bytes.byteLength > MAX_VIEW_BYTES ? bytes.subarray(0, MAX_VIEW_BYTES) : bytes
  if (looksBinary(head)) return { ...base, text: '', lines: 0, withheld: null, binary: true }
  const raw = new TextDecoder().decode(head)
  const byContent = withheldRule(redactor, resolved, raw)
  if (byContent) return { ...base, text: '', lines: 0, withheld: byContent }
  const { text, redactions } = await redactor.redact(resolved.relative, raw)
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return { ...base, text, lines: lines.length, redactions, withheld: null, truncated: head !== bytes }
}
