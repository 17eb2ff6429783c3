// A repository file (or folder listing) for the leader's read-only viewer: confined to the
// repository by the same path guard as Claude's tools, with secret files withheld and credential
// lines redacted. A file is read through the call's snapshot (at its commit, or the working tree for
// a file the leader has edited), and the view says which. Never writes; never shows anything in .git
// or outside the root.
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { GembaError } from '../../../../shared/errors.ts'
import type { RepoFileView } from '../../../../shared/models/ai.ts'
import { readFileAtCommit, sideOf, withRepository, type RepoSnapshot } from '../../git/git-layer.ts'
import { type Redactor, withheldRule } from '../../secrets/index.ts'
import { hardLinkRule, resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import { looksBinary } from '../../fs/looks-binary.ts'

export const MAX_VIEW_BYTES = 2 * 1024 * 1024

export async function readForViewer(snapshot: RepoSnapshot, path: string, redactor: Redactor, signal: AbortSignal): Promise<RepoFileView> {
  const resolved = await resolveInsideRepo(snapshot.root, path)
  const info = await stat(resolved.absolute)
  if (info.isDirectory()) {
    const entries = (await readdir(resolved.absolute, { withFileTypes: true }))
      .filter((entry) => entry.name.toLowerCase() !== '.git')
      .map((entry) => ({ name: entry.name, kind: entry.isDirectory() ? ('folder' as const) : ('file' as const) }))
      .sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : 1) : a.kind === 'folder' ? -1 : 1))
    return { kind: 'folder', path: resolved.relative, absolutePath: resolved.absolute, entries }
  }
  const base = {
    kind: 'file' as const,
    path: resolved.relative,
    absolutePath: resolved.absolute,
    redactions: [],
    binary: false,
    truncated: false,
  }
  const byName = withheldRule(redactor, resolved) ?? hardLinkRule(resolved)
  if (byName) return { ...base, text: '', lines: 0, withheld: byName }
  if (info.size > MAX_VIEW_BYTES) {
    // Refused before a byte is read: a 3 GB log must not grow the app's memory, or fail.
    throw new GembaError({
      code: 'refused',
      message: `${resolved.relative} is ${formatSize(info.size)}, larger than the ${formatSize(MAX_VIEW_BYTES)} Gemba's viewer shows.`,
      next: 'Open it in your editor instead.',
      details: { path: resolved.relative, bytes: info.size, limit: MAX_VIEW_BYTES },
    })
  }
  // At the snapshot's commit when it holds the file clean (and the commit has it), else the working tree's,
  // streamed (it may have grown past the size checked).
  const commit = snapshot.commit
  const committed =
    commit !== null && sideOf(snapshot, resolved.realRelative) === 'commit'
      ? await withRepository(snapshot.root, (repo) => readFileAtCommit(repo, commit, resolved.realRelative))
      : null
  const revision = { commit, workingTree: committed === null }
  const { bytes: head, more } =
    committed !== null
      ? { bytes: Buffer.from(committed).subarray(0, MAX_VIEW_BYTES), more: committed.byteLength > MAX_VIEW_BYTES }
      : await readHead(resolved.absolute, MAX_VIEW_BYTES, signal)
  if (looksBinary(head)) return { ...base, text: '', lines: 0, withheld: null, binary: true, revision }
  const raw = new TextDecoder().decode(head)
  const byContent = withheldRule(redactor, resolved, raw)
  if (byContent) return { ...base, text: '', lines: 0, withheld: byContent }
  const { text, redactions } = await redactor.redact(resolved.relative, raw)
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return { ...base, text, lines: lines.length, redactions, withheld: null, truncated: more, revision }
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${Math.ceil(bytes / 1024)} kB`
}

/** At most `limit` bytes from the start of a file, streamed; `more` when the file went on (it grew since stat). */
async function readHead(path: string, limit: number, signal: AbortSignal): Promise<{ bytes: Buffer; more: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of createReadStream(path, { start: 0, end: limit, signal, highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    chunks.push(chunk)
    size += chunk.length
  }
  const bytes = Buffer.concat(chunks, size)
  return size > limit ? { bytes: bytes.subarray(0, limit), more: true } : { bytes, more: false }
}
