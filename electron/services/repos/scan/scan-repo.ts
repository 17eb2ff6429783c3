// One scan of one repository, phase by phase (files, parse, manifests, modules, history, rank), cached
// by HEAD commit + working-tree digest. A rescan takes over what did not change (files, parses, import
// edges, what was computed from them; scan-reuse.ts, scan-memory.ts). Cancellable through the
// AbortSignal at every step; whatever it cannot read is listed in `skipped` and the scan goes on. Each
// phase has a time budget (phase-budget.ts): past it, the phase stops and the scan goes on with what it
// has, saying so in `shortfalls`. CPU-heavy: the app runs it in a worker (worker/repo-worker.ts), never
// on the backend's event loop. Never writes inside the repository.
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { GembaError } from '../../../../shared/errors.ts'
import type { FileRecord, ScanResult, SkippedItem } from '../../../../shared/models/repos.ts'
import type { CodeParser } from '../parse/code-parser.ts'
import { importEdges, type FileEdge } from '../parse/resolve-imports.ts'
import {
  openRepository,
  readHead,
  readIndexEntries,
  readWorkingState,
  resolveHead,
  shallowCommits,
  type GitRepo,
} from '../../git/git-layer.ts'
import { isBot } from '../history/identities.ts'
import { readHistory, type CommitRecord, type HistoryRead } from '../history/read-history.ts'
import { summarizeHistory } from '../history/summarize-history.ts'
import { ImportAnalyzer } from './analyze-imports.ts'
import { keyFileEdges } from './key-file-edges.ts'
import { rankWithSignals } from './key-files.ts'
import { isManifest, resolutionLayout, scanManifests } from './manifests.ts'
import { buildModuleGraph, findModules, folderLinks, moduleEdges } from './modules.ts'
import { startParsing, type Source } from './parse-sources.ts'
import { pathRole } from './path-roles.ts'
import { PhaseTimer, type ProgressReporter } from './phase-timer.ts'
import { ParsePool } from './parse-pool.ts'
import { ScanBudget, withinBudget, type PhaseBudgets } from './phase-budget.ts'
import { readFiles, type ReadFilesResult } from './read-files.ts'
import { SCAN_CACHE_VERSION, ScanCache } from './scan-cache.ts'
import { loadSnapshot, saveSnapshot, type ScanMemory } from './scan-memory.ts'
import { linkSignature, planReuse, previousEdges, saveReuse, type ReusePlan } from './scan-reuse.ts'
import { settleHeaderLanguages } from './languages.ts'
import { summarizeFiles } from './summarize-files.ts'

export interface ScanOptions {
  readonly repoId: string
  readonly path: string
  readonly force?: boolean
  readonly signal?: AbortSignal
  readonly onProgress?: ProgressReporter
}

export interface ScanDeps {
  readonly cacheFolder: string
  readonly clock: () => Date
  /** The code parser, or null to scan without import edges (e.g. when its grammars are missing). */
  readonly parser: () => Promise<CodeParser | null>
  /** Commits of history to read (default 1,000). */
  readonly historyLimit?: number
  /** Worker threads that parse next to this one on big repositories (default 1; 0 parses here only). */
  readonly parseWorkers?: number
  /** Keeps the last scans in memory for fast rescans (the repository service holds one). */
  readonly memory?: ScanMemory
  /** Time budgets per phase (phase-budget.ts has the defaults). */
  readonly budgets?: Partial<PhaseBudgets>
}

/** Below this many sources to parse whole, a worker's start-up (its own runtime and grammars) costs more than it saves. */
const WORKER_THRESHOLD = 1500
/**
 * The .mailmap read: every author of the history read is matched against every entry, so a huge one
 * (tens of thousands of lines) costs seconds; past this, the rest of it is left out.
 */
const MAX_MAILMAP_BYTES = 128 * 1024
/** Where GitHub looks for the README it shows, in its order: `.github/`, the root, then `docs/`. */
const README = /^(\.github\/|docs\/)?readme(\.(md|markdown|rst|txt|adoc))?$/i
const readmePlace = (path: string) => (path.startsWith('.github/') ? 0 : path.includes('/') ? 2 : 1)

export async function scanRepo(options: ScanOptions, deps: ScanDeps): Promise<ScanResult> {
  // One handle for the whole scan: every read shares its object reader and caches.
  const repo = await openRepository(options.path)
  try {
    return await scanOpened(repo, options, deps)
  } finally {
    repo.close()
  }
}

async function scanOpened(repo: GitRepo, options: ScanOptions, deps: ScanDeps): Promise<ScanResult> {
  const signal = options.signal
  const timer = new PhaseTimer(options.onProgress ?? (() => undefined))
  const budget = new ScanBudget(deps.budgets)
  const started = performance.now()
  const { root, gitdir } = repo
  const store = new ScanCache(deps.cacheFolder, options.repoId)
  const head = await resolveHead(repo).catch(() => null)
  const branch = (await readHead(repo).catch(() => null))?.branch ?? null
  const index = await timer.run('files', () => readIndexEntries(repo, { emptyMeansHead: true }))
  const state = await readWorkingState({
    repo,
    entries: index.entries,
    headFiles: null,
    untracked: false,
    ...(signal ? { signal } : {}),
  })
  const key = createHash('sha1')
    .update(`${SCAN_CACHE_VERSION}:${head?.commit ?? 'none'}:${state.digest}:${deps.historyLimit ?? 1000}`)
    .digest('hex')
  const last = await loadSnapshot(store, deps.memory, options.repoId, options.force ?? false)
  const previous = last.scan
  if (previous && previous.cache.key === key) {
    timer.add('total', performance.now() - started)
    return { ...previous, repoId: options.repoId, timings: timer.timings, cache: { ...previous.cache, hit: true } }
  }
  signal?.throwIfAborted()
  const skipped: SkippedItem[] = index.problem ? [{ path: '.git/index', reason: index.problem }] : []
  const parser = await deps.parser().catch(() => null)
  const previousParses = last.parses
  const analyzer = new ImportAnalyzer(parser, previousParses)
  // A rescan takes over every unchanged file (same blob, clean working copy) from the last scan.
  const reuseState = previous ? last.reuse : null
  const dirty = state.truncated ? null : new Set(state.changed.map((file) => file.path))
  const plan = planReuse(index.entries, dirty, previous && reuseState ? { state: reuseState, records: previous.files } : null, (parseKey) =>
    previousParses.has(parseKey),
  )
  for (const [path, taken] of plan.reused) if (taken.key) analyzer.takeOver(path, taken.key)
  // On a big repository a worker reads the history while this thread reads the files, then helps parse.
  const { read, readNow, history } = await readAndParse({
    repo,
    head: head?.commit ?? null,
    plan,
    analyzer,
    timer,
    budget,
    deps,
    knownHistory: last.history ?? [],
    parsing: parser !== null,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(signal ? { signal } : {}),
  })
  skipped.push(...read.skipped, ...analyzer.skipped, ...history.skipped)
  const readByPath = new Map(read.files.map((file) => [file.path, file]))
  // A header is C, C++ or Objective-C by the sources around it, decided over the whole file list.
  const files = settleHeaderLanguages(
    index.entries.flatMap((entry) => {
      const file = plan.reused.get(entry.path)?.record ?? readByPath.get(entry.path)
      return file ? [file] : []
    }),
  )
  const paths = files.map((file) => file.path)
  // The other files' edges still hold when the same files are there and no changed file's declarations
  // or imports changed: then only the changed files are resolved again.
  const kept = plan.reused.size > 0 ? previousEdges(reuseState, paths) : null
  const keyAt = new Map((reuseState?.paths ?? []).map((path, at) => [path, reuseState?.keys[at] ?? '']))
  const stable =
    kept !== null &&
    [...readNow].every((path) => linkSignature(analyzer.previousParse(keyAt.get(path) ?? '')) === linkSignature(analyzer.parsed.get(path)))
  // The manifests' facts hold while the same files are there and none of them (nor the README) changed.
  const layout = createHash('sha1').update(paths.join('\n')).digest('hex')
  const manifests = await timer.run('manifests', async () => {
    const cached = plan.reused.size > 0 ? last.manifests : null
    const touched = plan.toRead.some((entry) => isManifest(entry.path) || README.test(entry.path) || entry.path === '.mailmap')
    if (cached && cached.layout === layout && !touched) return cached.scan
    const read = await withinBudget(
      budget.budgets.manifests,
      () => scanManifests(files, (path) => readText(root, path), basename(root)),
      // Past the budget: the facts the file list alone gives (the name of the folder, no manifests read).
      () => scanManifests([], () => Promise.resolve(null), basename(root)),
    )
    if (read.stopped) budget.stop('manifests')
    return read.value
  })
  const { modules, moduleOf, edges, imports, graph, links } = await timer.run('modules', async () => {
    const resolved = analyzer.resolve(paths, {
      ...resolutionLayout(manifests),
      ...(stable && kept ? { sources: readNow, keptEdges: kept } : {}),
    })
    // The same edges as last time are the same array, so what was computed from them is taken over.
    const same = last.edges !== undefined && sameEdges(last.edges, resolved.edges)
    const edges = same && last.edges ? last.edges : resolved.edges
    // The map draws imports only: a header's link to its implementation (or an interface's) is not one.
    const imports = importEdges(edges, analyzer.parsed)
    const links = same && last.links ? last.links : folderLinks(imports)
    const packages = manifests.sourcePackages.map((pkg) => pkg.dir).filter((dir) => dir !== '.')
    const map = findModules(buildModuleGraph(files, imports, links, packages), manifests.workspaceFolders)
    return { ...map, edges, imports, links }
  })
  const tracked = new Set(paths)
  const mailmap = tracked.has('.mailmap') ? mailmapHead(await readText(root, '.mailmap')) : null
  const summary = summarizeHistory(history.commits, moduleOf, {
    truncated: history.truncated,
    newlyRead: history.newlyRead,
    tracked,
    mailmap,
  })
  const readme = await findReadme(root, files)
  const ranked = await timer.run('rank', async () =>
    rankWithSignals({
      files,
      edges,
      churn: new Map(history.commits.length ? countChurn(history.commits) : []),
      commitsRead: history.commits.length,
      entries: manifests.entries,
      readme: readme?.text ?? null,
      readmePath: readme?.path ?? null,
      definitions: (path) => analyzer.parsed.get(path)?.definitions,
      uses: (path) => analyzer.parsed.get(path)?.uses,
      supertypes: (path) => analyzer.parsed.get(path)?.supertypes,
      generated: (path) => analyzer.parsed.get(path)?.generated === true,
      projectNames: [
        manifests.facts.name,
        ...manifests.sourcePackages.slice(0, manifests.mainPackages).map((pkg) => pkg.name),
        manifests.goModulePath ?? '',
      ],
      packageDirs: manifests.sourcePackages.map((pkg) => pkg.dir),
      mainPackages: manifests.mainPackages,
      ...(last.rank ? { memo: last.rank } : {}),
      changed: readNow,
    }),
  )
  const keyFiles = ranked.keyFiles
  const modulesKey = modules.map((module) => module.id).join(',')
  const modulesEdges =
    last.moduleEdges && last.edges === edges && last.moduleEdges.key === modulesKey
      ? last.moduleEdges.edges
      : moduleEdges(imports, moduleOf)
  const { languages, folders, totalLines, linesApart } = summarizeFiles(files)
  timer.add('total', performance.now() - started)
  const result: ScanResult = {
    repoId: options.repoId,
    root,
    headCommit: head?.commit ?? null,
    branch,
    dirtyPaths: [...new Set(state.changed.map((file) => file.path))].sort(),
    scannedAt: deps.clock().toISOString(),
    filesCount: files.length,
    totalLines,
    files,
    languages,
    linesApart,
    folders,
    project: manifests.facts,
    readme: readme ? { path: readme.path, excerpt: readme.text.slice(0, 4000) } : null,
    modules,
    moduleEdges: modulesEdges,
    moduleGraph: graph,
    fileEdges: keyFileEdges(imports, keyFiles),
    keyFiles,
    history: summary,
    skipped,
    ...(budget.shortfalls.length ? { shortfalls: budget.shortfalls } : {}),
    timings: timer.timings,
    cache: { hit: false, key, historyReused: history.reused, filesReused: plan.reused.size, edgesReused: stable },
  }
  // A repository deleted or moved mid-scan reads as files with nothing in them: say so instead of
  // showing (and caching) that.
  if (!fs.existsSync(gitdir)) {
    throw new GembaError({
      code: 'not_found',
      message: `The repository at ${root} disappeared while Gemba was scanning it.`,
      next: 'Check that the folder is still there (or add it again from where it moved), then scan again.',
    })
  }
  await timer.run('cache', () =>
    saveSnapshot(
      store,
      deps.memory,
      options.repoId,
      {
        scan: result,
        parses: analyzer.next,
        reuse: saveReuse(paths, new Map(index.entries.map((entry) => [entry.path, entry.oid])), analyzer.keys, edges, {
          state: last.reuse,
          edges: last.edges,
        }),
        history: history.newlyRead === 0 && last.history?.length === history.commits.length ? last.history : history.commits,
        manifests: last.manifests?.scan === manifests ? last.manifests : { layout, scan: manifests },
        edges,
        links,
        rank: ranked.memo,
        moduleEdges: { key: modulesKey, edges: modulesEdges },
      },
      last,
    ),
  )
  return result
}

function sameEdges(a: readonly FileEdge[], b: readonly FileEdge[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]!.from !== b[i]!.from || a[i]!.to !== b[i]!.to) return false
  return true
}

interface ReadAndParseInput {
  readonly repo: GitRepo
  readonly head: string | null
  readonly plan: ReusePlan
  readonly analyzer: ImportAnalyzer
  readonly timer: PhaseTimer
  readonly budget: ScanBudget
  readonly deps: ScanDeps
  readonly knownHistory: readonly CommitRecord[]
  /** Whether a code parser is there to parse whole files. */
  readonly parsing: boolean
  readonly onProgress?: ProgressReporter
  readonly signal?: AbortSignal
}

type HistoryRun = HistoryRead & { readonly reused: boolean }

/**
 * Vendored code is the team's dependencies, not its code: its files are counted, but what they import
 * is not read. It never ranks, and in a Go monorepo with a vendor/ folder it is most of the bytes
 * (over 80% of one measured, and half its scan's memory).
 */
const readsImports = (path: string) => pathRole(path) !== 'vendored'

/**
 * Reads the files to read, parses them (lightly as they come, whole afterwards) and reads the history.
 * On a big repository a worker reads the history meanwhile and then helps parse; the pool is closed here.
 */
async function readAndParse(input: ReadAndParseInput): Promise<{ read: ReadFilesResult; readNow: Set<string>; history: HistoryRun }> {
  const { analyzer, timer, budget, deps, signal } = input
  const big = input.plan.toRead.length >= WORKER_THRESHOLD && (deps.parseWorkers ?? 1) > 0
  const pool = big ? ParsePool.start(deps.parseWorkers ?? 1) : null
  try {
    const historyStarted = performance.now()
    const historyRun = readHistoryFor(input, pool)
    historyRun.catch(() => undefined)
    const sources: (Source | undefined)[] = []
    const readNow = new Set<string>()
    const light: Promise<void>[] = []
    const filesDeadline = budget.start('files')
    const read = await timer.run('files', (progress) =>
      readFiles({
        deadline: filesDeadline,
        repo: input.repo,
        entries: input.plan.toRead,
        onProgress: progress,
        wantsText: (path) => analyzer.wants(path) && readsImports(path),
        onText: (path, text) => {
          readNow.add(path)
          if (analyzer.needsParser(path)) sources.push({ path, text })
          // A worker takes its share of the light reading when it is free (a few jobs queued at most).
          else light.push(analyzer.add(path, text, signal, pool && pool.pending < 32 ? pool : null))
        },
        ...(signal ? { signal } : {}),
      }),
    )
    await Promise.all(light)
    if (read.unread > 0) {
      const total = input.plan.toRead.length + input.plan.reused.size
      budget.stop('files', total - read.unread, total)
    }
    // Small files first: a grammar's code is still being optimised during its first parses, and a big file
    // parsed then costs hundreds of MB more (measured on okhttp's Kotlin tests). Results do not depend on order.
    sources.sort((a, b) => (a?.text.length ?? 0) - (b?.text.length ?? 0))
    const parseStarted = performance.now()
    const parsing = startParsing(
      sources,
      analyzer,
      input.parsing ? pool : null,
      (done, total) => input.onProgress?.('parse', done, total),
      signal,
      budget.start('parse'),
    )
    const parsed = await timer.run('parse', () => parsing.finish())
    if (parsed.parsed < parsed.total) budget.stop('parse', parsed.parsed, parsed.total)
    timer.add('parse (whole files)', performance.now() - parseStarted)
    const history = await timer.run('history', () => historyRun)
    timer.add('history (from its start)', performance.now() - historyStarted)
    if (history.stopped) budget.stop('history', history.commits.length)
    return { read, readNow, history }
  } finally {
    await pool?.close()
  }
}

/** The newest commits, taking over those already read; in the pool's worker when there is one. */
async function readHistoryFor(input: ReadAndParseInput, pool: ParsePool | null): Promise<HistoryRun> {
  const head = input.head
  if (!head) return { commits: [], newlyRead: 0, truncated: false, skipped: [], reused: false }
  const shallow = await shallowCommits(input.repo)
  const limit = input.deps.historyLimit ?? 1000
  const known = input.knownHistory
  const budgetMs = input.budget.budgets.history
  const inWorker = pool
    ? await pool.history({ root: input.repo.root, head, limit, known: [...known], shallow, budgetMs }).catch(() => null)
    : null
  input.signal?.throwIfAborted()
  const result =
    inWorker ??
    (await readHistory({
      repo: input.repo,
      head,
      limit,
      known: new Map(known.map((record) => [record.oid, record])),
      shallow: new Set(shallow),
      budgetMs,
      onProgress: (done, total) => input.onProgress?.('history', done, total),
      ...(input.signal ? { signal: input.signal } : {}),
    }))
  return { ...result, reused: known.length > 0 && result.newlyRead < result.commits.length }
}

/** Commits per path, people's only: a bot bumping a lock file says nothing about where the work is. */
function countChurn(commits: readonly CommitRecord[]): Map<string, number> {
  const churn = new Map<string, number>()
  for (const commit of commits) {
    if (isBot({ name: commit.author, email: commit.email })) continue
    for (const path of commit.paths) churn.set(path, (churn.get(path) ?? 0) + 1)
  }
  return churn
}

/** The .mailmap's first MAX_MAILMAP_BYTES, cut at a line's end. */
function mailmapHead(text: string | null): string | null {
  if (text === null || text.length <= MAX_MAILMAP_BYTES) return text
  const head = text.slice(0, MAX_MAILMAP_BYTES)
  return head.slice(0, head.lastIndexOf('\n') + 1)
}

async function readText(root: string, path: string): Promise<string | null> {
  return readFile(join(root, path), 'utf8').catch(() => null)
}

async function findReadme(root: string, files: readonly FileRecord[]): Promise<{ path: string; text: string } | null> {
  const file = files
    .filter((candidate) => README.test(candidate.path))
    .sort((a, b) => readmePlace(a.path) - readmePlace(b.path) || Number(/\.md$/i.test(b.path)) - Number(/\.md$/i.test(a.path)))[0]
  if (!file) return null
  const text = await readText(root, file.path)
  return text === null ? null : { path: file.path, text: text.slice(0, 200_000) }
}
