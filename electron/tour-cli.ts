// Command line for the repository scan and offline tour: `npm run tour -- <path> [--json] [--force]`.
// Prints the Markdown tour (or the whole scan as JSON, or with --context the AI coach's packed context) and
// exits non-zero with one clear line on bad input. Uses the same RepoService as the app, scanning in its
// worker thread, so Ctrl-C ends it at once in any phase (exit code 130); never imports 'electron'.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { GembaError } from '../shared/errors.ts'
import { DEFAULT_CONTEXT_TOKENS, packContext, scanSnapshot } from './services/ai/index.ts'
import { SecretRedactor } from './services/secrets/index.ts'
import type { Progress, ProgressPayload } from './services/events-port.ts'
import {
  createCodeParser,
  createMemoryRepoStore,
  moduleDiagram,
  RepoService,
  tourMarkdown,
  WorkerRepoWork,
} from './services/repos/index.ts'

const USAGE = 'Usage: npm run tour -- <path-to-repository> [--json] [--force] [--no-cache] [--progress] [--context [--budget <tokens>]]'

async function main(argv: readonly string[]): Promise<number> {
  const budgetAt = argv.indexOf('--budget')
  const budget = budgetAt >= 0 ? Number(argv[budgetAt + 1]) : DEFAULT_CONTEXT_TOKENS
  const rest = budgetAt >= 0 ? argv.filter((_, index) => index !== budgetAt && index !== budgetAt + 1) : argv
  const flags = new Set(rest.filter((arg) => arg.startsWith('--')))
  const paths = rest.filter((arg) => !arg.startsWith('--'))
  const unknown = [...flags].filter((flag) => !['--json', '--force', '--help', '--no-cache', '--context', '--progress'].includes(flag))
  if (!Number.isInteger(budget) || budget < 1000) {
    process.stderr.write(`--budget takes a number of tokens (at least 1000). ${USAGE}\n`)
    return 2
  }
  if (flags.has('--help')) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (paths.length !== 1 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `Unknown option ${unknown[0]}. ` : ''}${USAGE}\n`)
    return 2
  }
  const cacheFolder = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'gemba', 'scans')
  const service = new RepoService({ store: createMemoryRepoStore(), cacheFolder, work: new WorkerRepoWork({ cacheFolder }) })
  const controller = new AbortController()
  process.once('SIGINT', () => {
    controller.abort()
    // A second Ctrl-C while the first is being honoured ends the process there and then.
    process.once('SIGINT', () => process.exit(130))
  })
  try {
    return await tour(service, paths[0] ?? '.', flags, budget, controller.signal)
  } catch (error) {
    if (!controller.signal.aborted) throw error
    process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}gemba tour: cancelled.\n`)
    return 130
  } finally {
    // Cancelled: the cache writes under way are dropped (the next run writes them again).
    await service.dispose(controller.signal.aborted ? 0 : undefined)
  }
}

async function tour(service: RepoService, path: string, flags: ReadonlySet<string>, budget: number, signal: AbortSignal): Promise<number> {
  let lastPhase = ''
  const progress: Progress = {
    report: (event, payload) => {
      if (event !== 'repos.scanProgress') return
      const { phase, done, total } = payload as unknown as ProgressPayload<'repos.scanProgress'>
      if (process.stderr.isTTY) process.stderr.write(`\r${phase} ${done}/${total}        `)
      // --progress: each phase on its own line as it starts (for scripts, and where stderr is not a terminal).
      else if (flags.has('--progress') && phase !== lastPhase) process.stderr.write(`${phase}\n`)
      lastPhase = phase
    },
  }
  const scan = await service.scanPath(path, signal, progress, flags.has('--force') || flags.has('--no-cache'))
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
  if (flags.has('--context')) {
    const packed = await packContext(
      scan,
      scanSnapshot(scan),
      { budgetTokens: budget, redactor: new SecretRedactor(), parser: await createCodeParser().catch(() => null) },
      signal,
    )
    process.stdout.write(`${packed.text}\n`)
    process.stderr.write(
      `${packed.tokens} of ${budget} tokens (estimated), ${packed.files.length} files, ${packed.redactions.length} redactions, ${packed.excluded.length} files excluded\n`,
    )
  } else if (flags.has('--json')) {
    const { files, ...rest } = scan
    process.stdout.write(
      `${JSON.stringify({ ...rest, files: files.length > 2000 ? `${files.length} files (omitted)` : files }, null, 2)}\n`,
    )
  } else {
    process.stdout.write(`${tourMarkdown(scan)}\n## Diagram\n\n\`\`\`mermaid\n${moduleDiagram(scan)}\`\`\`\n`)
  }
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const message =
      error instanceof GembaError ? `${error.message}${error.next ? ` ${error.next}` : ''}` : `Scan failed: ${(error as Error).message}`
    process.stderr.write(`gemba tour: ${message}\n`)
    process.exitCode = 1
  },
)
