// Runs the team's test command in the repository, only when the leader asks: output streamed through a
// callback, a timeout, and a stop (the leader's, the timeout's, or Gemba quitting) that ends the whole
// process group: SIGTERM, then SIGKILL once a grace period has passed. Never runs anything on its own;
// keeps only the tail of the output.
import { spawn } from 'node:child_process'

export const MAX_OUTPUT_TAIL = 50_000
export const DEFAULT_TEST_TIMEOUT_SECONDS = 600
/** How long a stopped test run may take to exit on SIGTERM before its process group is killed. */
export const DEFAULT_KILL_GRACE_MS = 5_000

export interface RunCommandOptions {
  readonly command: string
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  readonly timeoutMs: number
  readonly signal: AbortSignal
  readonly onOutput: (stream: 'stdout' | 'stderr', text: string) => void
  readonly now?: () => number
  readonly killGraceMs?: number
}

/** What a finished process tells: how it ended, its exit code, how long it took and the tail of its output. */
export interface ProcessRun {
  readonly command: string
  readonly ended: 'exited' | 'timed_out' | 'stopped'
  /** null when it was stopped, timed out or could not start. */
  readonly exitCode: number | null
  readonly durationMs: number
  readonly outputTail: string
}

export function runCommand(options: RunCommandOptions): Promise<ProcessRun> {
  const now = options.now ?? Date.now
  const started = now()
  let tail = ''
  let stoppedBy: 'timed_out' | 'stopped' | null = null
  return new Promise((resolve) => {
    const child = spawn(options.command, {
      cwd: options.cwd,
      env: options.env,
      shell: true,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let closed = false
    let escalation: ReturnType<typeof setTimeout> | undefined
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, signal)
        else child.kill(signal)
      } catch {
        // Already gone.
      }
    }
    const kill = (why: 'timed_out' | 'stopped'): void => {
      if (stoppedBy) return
      stoppedBy = why
      signalGroup('SIGTERM')
      // A test that ignores SIGTERM (or a grandchild holding the output open) is killed for good.
      escalation = setTimeout(() => closed || signalGroup('SIGKILL'), options.killGraceMs ?? DEFAULT_KILL_GRACE_MS)
    }
    const timer = setTimeout(() => kill('timed_out'), options.timeoutMs)
    const onAbort = (): void => kill('stopped')
    if (options.signal.aborted) onAbort()
    options.signal.addEventListener('abort', onAbort, { once: true })
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      tail = (tail + text).slice(-MAX_OUTPUT_TAIL)
      options.onOutput(stream, text)
    }
    child.stdout.on('data', take('stdout'))
    child.stderr.on('data', take('stderr'))
    const finish = (code: number | null, failure?: Error): void => {
      closed = true
      clearTimeout(timer)
      clearTimeout(escalation)
      options.signal.removeEventListener('abort', onAbort)
      if (failure) tail += `\n${failure.message}`
      resolve({
        command: options.command,
        ended: stoppedBy ?? 'exited',
        exitCode: stoppedBy ? null : code,
        durationMs: Math.max(0, now() - started),
        outputTail: tail,
      })
    }
    child.once('error', (error) => finish(null, error))
    child.once('close', (code) => finish(code))
  })
}
