// Load benchmark (a script, not a test): `npm run bench -- load [--scale N] [--calls N] [--slow N] [--no-before]`.
// A real backend behind the browser-mode HTTP bridge, with a generated repository of 100,000 files
// (scale 5) added and scanned once. Then, from another process, 500 concurrent calls (the repository's
// state, the list, and calls that do not read it) and 200 slow connections (each sends its request a
// few bytes at a time), while a forced rescan runs with its disk cache cleared (a whole scan again).
// Each scenario runs in a fresh process: the load on an idle backend (the baseline), during a scan as
// the app runs it (in a worker), and during a scan on the backend's own thread, as before scans moved
// (--no-before leaves that one out). Prints how many calls were answered within 10 s, their latencies,
// the event loop's longest delay, and memory at rest before, at its peak and at rest after (within 20%
// of before is the target).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createBackend } from '../../electron/core/backend.ts'
import type { DispatchResult } from '../../electron/core/dispatcher.ts'
import { nodeBackendPorts } from '../../electron/platform/node-ports.ts'
import { createCodeParser, RepoJobs } from '../../electron/services/repos/index.ts'
import { startWebServer } from '../../electron/web.ts'
import { syntheticRepo } from './synthetic-repo.ts'

const MB = 1024 * 1024
const ANSWER_WITHIN_MS = 10_000
const self = fileURLToPath(import.meta.url)
const args = process.argv.slice(2)
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)

type Scenario = 'idle' | 'worker' | 'thread'
const SCENARIOS: Readonly<Record<Scenario, string>> = {
  idle: 'idle backend (baseline: no scan)',
  worker: 'during a forced scan, in the worker (now)',
  thread: 'during a forced scan on the event loop (before)',
}

interface ClientReport {
  readonly calls: { readonly answered: number; readonly late: number; readonly failed: number; readonly ms: number[] }
  readonly slow: { readonly answered: number; readonly late: number; readonly failed: number; readonly ms: number[] }
}

interface ScenarioReport extends ClientReport {
  readonly scenario: Scenario
  readonly scanMs: number | null
  readonly loopMaxMs: number
  readonly rss: { readonly start: number; readonly peak: number; readonly end: number }
}

// ---- the load, from its own process ------------------------------------------------------------

/** One call over HTTP; its latency, or null when it failed. */
async function call(url: string, token: string, channel: string, input: unknown): Promise<number | null> {
  const started = performance.now()
  const response = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(60_000),
  }).catch(() => null)
  if (!response) return null
  await response.arrayBuffer()
  return response.ok ? performance.now() - started : null
}

/** A connection that sends its request five bytes every 50 ms, then reads the whole answer: timed from its last byte. */
function slowCall(url: string, token: string, channel: string, input: unknown): Promise<number | null> {
  const { hostname, port } = new URL(url)
  const body = JSON.stringify(input)
  const request = Buffer.from(
    `POST /api/${channel} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
  return new Promise((resolve) => {
    let sentAll = 0
    const socket = connect(Number(port), hostname)
    let sent = 0
    let answer = ''
    const timer = setInterval(() => {
      if (sent >= request.length) return clearInterval(timer)
      socket.write(request.subarray(sent, sent + 5))
      sent += 5
      if (sent >= request.length) sentAll = performance.now()
    }, 50)
    socket.setTimeout(60_000, () => socket.destroy())
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.on('close', () => {
      clearInterval(timer)
      resolve(/^HTTP\/1\.1 200/.test(answer) && sentAll ? performance.now() - sentAll : null)
    })
    socket.on('error', () => undefined)
  })
}

async function client(url: string, token: string, repoId: string, calls: number, slow: number): Promise<void> {
  const mix: readonly [string, unknown][] = [
    ['repos.info', { id: repoId }],
    ['repos.info', { id: repoId }],
    ['repos.list', {}],
    ['system.info', {}],
    ['settings.get', {}],
    ['sessions.today', {}],
    ['journal.list', {}],
  ]
  const pick = (i: number) => mix[i % mix.length]!
  const tally = (latencies: (number | null)[]) => {
    const ms = latencies.filter((value): value is number => value !== null)
    return {
      answered: ms.filter((value) => value <= ANSWER_WITHIN_MS).length,
      late: ms.filter((value) => value > ANSWER_WITHIN_MS).length,
      failed: latencies.length - ms.length,
      ms,
    }
  }
  const [fast, slowOnes] = await Promise.all([
    Promise.all(Array.from({ length: calls }, (_, i) => call(url, token, ...pick(i)))),
    // The slow ones take two to three seconds to send their request; the answer is timed from its last byte.
    Promise.all(Array.from({ length: slow }, (_, i) => slowCall(url, token, ...pick(i)))),
  ])
  process.stdout.write(JSON.stringify({ calls: tally(fast), slow: tally(slowOnes) } satisfies ClientReport))
}

// ---- one scenario, in its own process ----------------------------------------------------------

const valueOrThrow = <T>(result: DispatchResult): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

async function scenario(which: Scenario, repo: string, calls: number, slow: number): Promise<void> {
  const dataFolder = await mkdtemp(join(tmpdir(), 'gemba-bench-load-'))
  const backend = createBackend({
    ...nodeBackendPorts({ dataFolder, env: { PATH: process.env.PATH }, home: join(dataFolder, 'home'), appVersion: '0.0.0-bench' }),
    ...(which === 'thread'
      ? { repoWork: (cacheFolder: string) => new RepoJobs({ cacheFolder, createParser: () => createCodeParser() }) }
      : {}),
  })
  const server = await startWebServer({ dispatcher: backend.dispatcher, hub: backend.hub, staticFolder: null })
  try {
    const { dispatcher } = backend
    const { id } = valueOrThrow<{ id: string }>(await dispatcher.dispatch('repos.add', { path: repo }))
    // The app as a leader has it: the repository scanned once, its tour and state read.
    valueOrThrow(await dispatcher.dispatch('repos.tour', { id }))
    valueOrThrow(await dispatcher.dispatch('repos.info', { id }))
    const rss = () => process.memoryUsage().rss
    // Memory at rest: the workers' collectors shrink their heaps some seconds after work stops (V8's
    // memory reducer); this thread's is collected at once. Sampled until it holds still (at most 40 s).
    const atRest = async () => {
      globalThis.gc?.()
      const samples: number[] = []
      for (let second = 0; second < 40; second++) {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        samples.push(rss())
        const last = samples.slice(-4)
        if (second >= 10 && last.length === 4 && Math.max(...last) - Math.min(...last) < 0.02 * Math.max(...last)) break
      }
      return samples.at(-1) ?? rss()
    }
    const start = await atRest()
    // The measured scan reads, parses and walks the history again, as after an update that changes the
    // scan cache: what the app keeps in memory is let go (forced) and what it keeps on disk removed.
    await rm(join(dataFolder, 'cache', 'repos'), { recursive: true, force: true })
    let peak = start
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50)
    const loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
    const scanStarted = performance.now()
    const scan =
      which === 'idle'
        ? null
        : dispatcher.dispatch('repos.scan', { id, force: true }).then((result) => (valueOrThrow(result), performance.now() - scanStarted))
    const child = spawn(process.execPath, [self, '--client', server.url, server.token, id, String(calls), String(slow)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    await new Promise((resolve) => child.on('exit', resolve))
    const scanMs = scan ? await scan : null
    loop.disable()
    clearInterval(sampler)
    // Memory after: the load is over and the scan done.
    const end = await atRest()
    const report: ScenarioReport = {
      ...(JSON.parse(output) as ClientReport),
      scenario: which,
      scanMs,
      loopMaxMs: loop.max / 1e6,
      rss: { start, peak, end },
    }
    process.stdout.write(JSON.stringify(report))
  } finally {
    await server.close()
    await backend.dispose()
    await rm(dataFolder, { recursive: true, force: true })
  }
}

// ---- the table ---------------------------------------------------------------------------------

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0
}

function table(reports: readonly ScenarioReport[], files: number, calls: number, slow: number): void {
  const pad = (text: string, width: number) => text.padEnd(width)
  const num = (value: number, unit = 'ms') => `${Math.round(value).toLocaleString('en')} ${unit}`.padStart(9)
  console.log(
    `\n${files.toLocaleString('en')}-file repository; ${calls} concurrent calls and ${slow} slow connections to the HTTP bridge per scenario.\n`,
  )
  console.log(
    `| ${pad('scenario', 48)} | answered ≤ 10 s | calls p50 | calls p99 | calls max | slow max  | loop max  | scan      | RSS before | RSS peak  | RSS after |`,
  )
  console.log(`|${'-'.repeat(50)}|-----------------|${'-----------|'.repeat(9)}`)
  for (const report of reports) {
    const answered = report.calls.answered + report.slow.answered
    const all = report.calls.ms
    console.log(
      `| ${pad(SCENARIOS[report.scenario], 48)} | ${`${answered} of ${calls + slow}`.padStart(15)} | ${num(percentile(all, 0.5))} | ${num(percentile(all, 0.99))} | ${num(Math.max(0, ...all))} | ${num(Math.max(0, ...report.slow.ms))} | ${num(report.loopMaxMs)} | ${report.scanMs === null ? '        –' : num(report.scanMs)} | ${num(report.rss.start / MB, 'MB')}  | ${num(report.rss.peak / MB, 'MB')} | ${num(report.rss.end / MB, 'MB')} |`,
    )
  }
  const now = reports.find((report) => report.scenario === 'worker')
  if (now) {
    const all = now.calls.answered + now.slow.answered === calls + slow
    const back = now.rss.end <= now.rss.start * 1.2
    console.log(
      `\nTargets (during a scan, in the worker): every call answered within 10 s: ${all ? 'met' : 'MISSED'}; memory back within 20% of where it started: ${back ? 'met' : 'MISSED'} (${Math.round(((now.rss.end - now.rss.start) / now.rss.start) * 100)}%)`,
    )
  }
}

if (args[0] === '--client') {
  await client(args[1] ?? '', args[2] ?? '', args[3] ?? '', Number(args[4]), Number(args[5]))
  process.exit(0)
}
if (args[0] === '--scenario') {
  await scenario(args[1] as Scenario, args[2] ?? '', Number(args[3]), Number(args[4]))
  process.exit(0)
}

const scale = Math.max(1, Number(valueOf('--scale')) || 5)
const calls = Math.max(1, Number(valueOf('--calls')) || 500)
const slow = valueOf('--slow') === undefined ? 200 : Math.max(0, Number(valueOf('--slow')) || 0)
const repo = await syntheticRepo({ scale, commits: 2000 })
const wanted: Scenario[] = args.includes('--no-before') ? ['idle', 'worker'] : ['idle', 'worker', 'thread']
const reports: ScenarioReport[] = []
for (const which of wanted) {
  process.stdout.write(`${SCENARIOS[which]}…\n`)
  const child = spawnSync(process.execPath, ['--expose-gc', self, '--scenario', which, repo, String(calls), String(slow)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (child.status !== 0) throw new Error(`the ${which} scenario failed`)
  reports.push(JSON.parse(child.stdout) as ScenarioReport)
}
table(reports, 20_000 * scale, calls, slow)
