// Runs the team's test command in the repository, only when the leader asks: output streamed through a
// callback, a timeout, and a stop that kills the whole process group. Never runs anything on its own;
// keeps only the tail of the output.
import { spawn } from 'node:child_process'
import type { TestRunResult } from '../../../shared/models/change.ts'

export const MAX_OUTPUT_TAIL = 50_000
export const DEFAULT_TEST_TIMEOUT_SECONDS = 600

export interface RunTestsOptions {
  readonly command: string
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  readonly timeoutMs: number
  readonly signal: AbortSignal
  readonly onOutput: (stream: 'stdout' | 'stderr', text: string) => void
  readonly now?: () => number
}

export function runTestCommand(options: RunTestsOptions): Promise<Omit<TestRunResult, 'branch'>> {
  const now = options.now ?? Date.now
  const started = now()
  let tail = ''
  let stoppedBy: 'timed_out' | 'stopped' | null = null
  return new Promise((resolve) => {
    const child = spawn(options.command, { cwd: options.cwd, env: options.env, shell: true, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] })
    const kill = (why: 'timed_out' | 'stopped'): void => {
      stoppedBy ??= why
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM')
        else child.kill('SIGTERM')
      } catch {
        // Already gone.
      }
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
      clearTimeout(timer)
      options.signal.removeEventListener('abort', onAbort)
      if (failure) tail += `\n${failure.message}`
      const outcome = stoppedBy ?? (code === 0 ? 'passed' : 'failed')
      resolve({ command: options.command, exitCode: stoppedBy ? null : code, durationMs: Math.max(0, now() - started), outcome, outputTail: tail })
    }
    child.once('error', (error) => finish(null, error))
    child.once('close', (code) => finish(code))
  })
}
