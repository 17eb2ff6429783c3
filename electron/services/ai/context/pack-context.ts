// Packs a repository's scan into the text every AI thread starts with, within a token budget: the
// project's facts, the file tree (summarised when large), README, manifests, the top-ranked key files
// (whole, or excerpted to their signatures) and recent history. Every file passes the exclusion rules
// and secret redaction first. Every file is read through the call's snapshot: at the scan's commit, or
// the working tree for a file the leader has edited (its block says `read="working tree"`, so the
// commit in the header never labels an uncommitted edit). Deterministic: the same scan packs to
// byte-identical text (the cached prompt prefix depends on it); the dirty paths are the scan's, and only
// the packed files that are dirty are marked, so an edit elsewhere changes nothing here. Never writes
// anything; never refuses a large repository.
import type { ExcludedFile, Redaction, SentFile } from '../../../../shared/models/ai.ts'
import type { FileRecord, ScanResult } from '../../../../shared/models/repos.ts'
import { readInSnapshot, withRepository, type GitRepo, type ReadSide, type RepoSnapshot } from '../../git/git-layer.ts'
import { declarationsByLines, type CodeParser } from '../../repos/index.ts'
import { type Redactor, withheldRule } from '../../secrets/index.ts'
import { hardLinkRule, resolveInsideRepo, type RepoPath } from '../../fs/resolve-inside-repo.ts'
import { looksBinary } from '../../fs/looks-binary.ts'
import { historySection, projectSection } from './context-sections.ts'
import { headExcerpt, indentOutline, outlineExcerpt, signatureExcerpt, wholeFile, type FileExcerpt, type FileForm } from './file-excerpt.ts'
import { renderTree } from './file-tree.ts'
import { normaliseScope, pathFilter } from './path-filter.ts'
import { charsForTokens, estimateTokens } from './token-estimate.ts'

export const DEFAULT_CONTEXT_TOKENS = 40_000

export interface PackOptions {
  readonly budgetTokens: number
  readonly scope?: string | null
  readonly include?: readonly string[]
  readonly exclude?: readonly string[]
  readonly redactor: Redactor
  /** Gives large files as their signatures; without it they are given as their head. */
  readonly parser?: CodeParser | null
}

export interface PackedFile extends SentFile {
  readonly form: FileForm
}

export interface PackedContext {
  readonly text: string
  readonly tokens: number
  readonly budgetTokens: number
  readonly scope: string | null
  readonly files: readonly PackedFile[]
  readonly redactions: readonly Redaction[]
  readonly excluded: readonly ExcludedFile[]
  readonly treeSummarised: boolean
  /** Ranked key files that did not fit the budget. */
  readonly omittedKeyFiles: number
}

interface Loaded {
  readonly path: string
  readonly text: string | null
  readonly redactions: readonly Redaction[]
  readonly excludedBy: string | null
  readonly side: ReadSide
}

const MAX_CANDIDATES = 120
/** The key files every context should carry, whole or as their declarations. */
const KEY_SLOTS = 20
const MAX_READ_BYTES = 1024 * 1024
const README = /^(readme|readme\.(md|markdown|rst|txt|adoc))$/i

function isReadme(path: string, scope: string | null): boolean {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null
  return README.test(path.split('/').at(-1) ?? '') && (folder === null || folder === scope)
}

/** The snapshot a pack of `scan` reads: its root, its commit, the paths it found dirty. */
export function scanSnapshot(scan: ScanResult): RepoSnapshot {
  return { root: scan.root, commit: scan.headCommit, dirty: new Set(scan.dirtyPaths) }
}

export async function packContext(
  scan: ScanResult,
  snapshot: RepoSnapshot,
  options: PackOptions,
  signal: AbortSignal,
): Promise<PackedContext> {
  return withRepository(snapshot.root, (repo) => pack(repo, scan, snapshot, options, signal))
}

async function pack(
  repo: GitRepo,
  scan: ScanResult,
  snapshot: RepoSnapshot,
  options: PackOptions,
  signal: AbortSignal,
): Promise<PackedContext> {
  const repoRoot = snapshot.root
  const scope = normaliseScope(options.scope)
  const filter = pathFilter({ scope, include: options.include ?? [], exclude: options.exclude ?? [] })
  const budget = charsForTokens(options.budgetTokens)
  const excluded: ExcludedFile[] = []
  const redactions: Redaction[] = []
  const files: PackedFile[] = []

  const inScope = scan.files.filter((file) => filter(file.path))
  const visible: FileRecord[] = []
  for (const file of inScope) {
    const rule = options.redactor.exclusion(file.path)
    if (rule) excluded.push({ path: file.path, rule })
    else visible.push(file)
  }
  const byPath = new Map(visible.map((file) => [file.path, file]))

  const load = async (path: string): Promise<Loaded> => {
    const none = { path, text: null, redactions: [], excludedBy: null, side: 'commit' as const }
    const record = byPath.get(path)
    if (!record || record.binary || record.size > MAX_READ_BYTES) return none
    let bytes: Uint8Array
    let resolved: RepoPath
    let side: ReadSide
    try {
      resolved = await resolveInsideRepo(repoRoot, path)
      // A link is withheld as what it points at, a hard link for what it may be, before anything is read.
      const linked = withheldRule(options.redactor, resolved) ?? hardLinkRule(resolved)
      if (linked) return { ...none, excludedBy: linked }
      const read = await readInSnapshot(repo, snapshot, resolved.realRelative, resolved.absolute)
      signal.throwIfAborted()
      if (read?.kind !== 'file' || read.content.byteLength > MAX_READ_BYTES) return none
      bytes = read.content
      side = read.side
    } catch {
      signal.throwIfAborted()
      return none
    }
    if (looksBinary(bytes)) return none
    const raw = new TextDecoder().decode(bytes)
    const rule = withheldRule(options.redactor, resolved, raw)
    if (rule) return { ...none, excludedBy: rule }
    const redacted = await options.redactor.redact(path, raw)
    return { path, text: redacted.text, redactions: redacted.redactions, excludedBy: null, side }
  }

  const project = projectSection(scan, filter, scope)
  const tree = renderTree(
    visible.map((file) => file.path),
    Math.max(2_000, Math.floor(budget * 0.2)),
  )
  const history = await redactedHistory(scan, (path) => byPath.has(path), Math.floor(budget * 0.06), options.redactor)
  redactions.push(...history.redactions)

  const readme = visible.find((file) => isReadme(file.path, scope)) ?? visible.find((file) => isReadme(file.path, null))
  // The root's manifests (or the scope's); the packages' own come with the ranked files when they rank.
  const manifests = scan.project.manifests
    .map((m) => m.path)
    .filter((path) => byPath.has(path) && (path.includes('/') ? scope !== null && path.slice(0, path.lastIndexOf('/')) === scope : true))
    .slice(0, 4)
  const keyPaths = scan.keyFiles.map((k) => k.path).filter((path) => byPath.has(path))
  const keyPlace = new Map(keyPaths.map((path, index) => [path, index]))
  // After the ranked files: the hot spots, then (in a scoped session) the scope's largest files.
  const hot = scan.history.churn.map((entry) => entry.path).filter((path) => byPath.has(path))
  const extra = scope
    ? visible
        .filter((f) => !f.binary && f.lines > 0)
        .sort((a, b) => b.lines - a.lines || (a.path < b.path ? -1 : 1))
        .map((f) => f.path)
    : []
  const ordered = [...new Set([...(readme ? [readme.path] : []), ...manifests, ...keyPaths, ...hot, ...extra])].slice(0, MAX_CANDIDATES)

  const fixed = [
    section('project', project),
    section('tree', tree.text, tree.summarised ? ' summarised="true"' : ''),
    section('history', history.text),
  ]
  // The opening tag, the note and the line breaks between blocks are reserved up front.
  let used = fixed.reduce((sum, text) => sum + text.length, 0) + 600
  const fileBlocks: string[] = []
  let omitted = 0
  const loads = new Map<string, Promise<Loaded>>()
  const prefetch = (from: number) => {
    for (const path of ordered.slice(from, from + 6)) if (!loads.has(path)) loads.set(path, load(path))
  }
  for (const [index, path] of ordered.entries()) {
    signal.throwIfAborted()
    prefetch(index)
    const remaining = budget - used
    if (remaining < 400) {
      omitted += ordered.length - index
      break
    }
    const loaded = await loads.get(path)!
    if (loaded.excludedBy) excluded.push({ path, rule: loaded.excludedBy })
    if (loaded.text === null) continue
    // The ten best-ranked files may take more room than the rest; a large file comes as its signatures
    // (or outline) rather than crowding out the files after it.
    const place = keyPlace.get(path) ?? Infinity
    const share = path === readme?.path ? 0.1 : manifests.includes(path) ? 0.12 : place < 10 ? 0.08 : 0.04
    // The first key files share what is left equally: one big file must not crowd out the ones after it.
    const own = path === readme?.path || manifests.includes(path)
    const fair = place < KEY_SLOTS && !own ? Math.floor(remaining / (KEY_SLOTS - place)) : Infinity
    const cap = Math.max(3_000, Math.min(Math.floor(budget * share), fair))
    const excerpt = await formFor(path, loaded.text, Math.min(cap, remaining - 120), options.parser ?? null, signal)
    if (excerpt === null) {
      omitted++
      continue
    }
    const form = excerpt.form === 'whole' ? '' : ` excerpt="${excerpt.form}"`
    // Only a commit labels the rest: a file read from the working tree says so itself.
    const read = loaded.side === 'working tree' && snapshot.commit !== null ? ' read="working tree"' : ''
    const block = `<file path="${path}" lines="${excerpt.lines}"${form}${read}>\n${excerpt.body}\n</file>`
    fileBlocks.push(block)
    used += block.length + 1
    files.push({ path, bytes: Buffer.byteLength(excerpt.body), form: excerpt.form })
    const lastShown = excerpt.form === 'whole' ? Infinity : lastLineNumber(excerpt.body)
    redactions.push(...loaded.redactions.filter((r) => excerpt.form !== 'head' || r.line <= lastShown))
  }
  for (const pending of loads.values()) void pending.catch(() => undefined)

  const header = `<repository name="${scan.project.name}"${snapshot.commit ? ` commit="${snapshot.commit}"` : ''}${scan.branch ? ` branch="${scan.branch}"` : ''}${scope ? ` scope="${scope}"` : ''}>`
  const note = snapshot.commit
    ? 'This is the repository context Gemba packed from the leader’s checkout (secrets redacted), read at the commit above; a file marked read="working tree" is read with the leader’s uncommitted edits. Files are numbered by line; cite them as path:line.'
    : 'This is the repository context Gemba packed from the leader’s checkout (secrets redacted). Files are numbered by line; cite them as path:line.'
  const text = [header, note, fixed[0], fixed[1], ...fileBlocks, fixed[2], '</repository>'].join('\n')
  return {
    text,
    tokens: estimateTokens(text),
    budgetTokens: options.budgetTokens,
    scope,
    files,
    redactions,
    excluded: excluded.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    treeSummarised: tree.summarised,
    omittedKeyFiles: omitted,
  }
}

function section(name: string, body: string, attributes = ''): string {
  return `<${name}${attributes}>\n${body}\n</${name}>`
}

function lastLineNumber(body: string): number {
  const lines = body.split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    const n = Number.parseInt(lines[i] ?? '', 10)
    if (Number.isFinite(n)) return n
  }
  return 0
}

async function redactedHistory(scan: ScanResult, filter: (path: string) => boolean, maxChars: number, redactor: Redactor) {
  // Commit messages can quote a token by mistake; they go through the same redaction as files.
  return redactor.redact('(git history)', historySection(scan, filter, Math.max(1_000, maxChars)))
}

const PROSE = /\.(md|markdown|mdx|rst|adoc|txt)$/i

async function formFor(
  path: string,
  text: string,
  maxChars: number,
  parser: CodeParser | null,
  signal: AbortSignal,
): Promise<FileExcerpt | null> {
  if (maxChars < 300) return null
  const whole = wholeFile(text)
  if (whole.body.length <= maxChars) return whole
  if (PROSE.test(path)) {
    const outline = outlineExcerpt(text)
    if (outline.body.length <= maxChars) return outline
  }
  const language = parser?.languageFor(path) ?? null
  let declares = false
  if (parser && language) {
    try {
      const parsed = await parser.parse(language, text, { signal })
      declares = parsed.definitions.length > 0
      const excerpt = signatureExcerpt(text, parsed.definitions, 12, maxChars)
      if (excerpt.body.length <= maxChars && declares) return excerpt
    } catch {
      signal.throwIfAborted()
    }
  }
  // Languages no grammar reads (Swift, Scala, Elixir): their declarations read line by line.
  const declared = declarationsByLines(path, text)
  if (declared.length > 0) {
    const excerpt = signatureExcerpt(text, declared, 12, maxChars)
    if (excerpt.body.length <= maxChars) return excerpt
  }
  // A build definition, configuration or code that declares nothing (a crate root, a routes file): its structure.
  if (!declares && declared.length === 0 && !PROSE.test(path)) {
    const outline = indentOutline(text, maxChars)
    if (outline !== null) return outline
  }
  return headExcerpt(text, maxChars)
}
