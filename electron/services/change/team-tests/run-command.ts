// Runs the team's test command in the repository, only when the leader asks: output streamed through a
// callback, a timeout, and a stop (the leader's, the timeout's, or Gemba quitting) that ends the whole
// process group: SIGTERM, then SIGKILL once a grace period has passed. Never runs anything on its own;
// keeps only the tail of the output.
import { runProcessGroup } from '../../process-group.ts'

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

export async function runCommand(options: RunCommandOptions): Promise<ProcessRun> {
  const now = options.now ?? Date.now
  const started = now()
  let tail = ''
  const end = await runProcessGroup({
    command: options.command,
    shell: true,
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
    signal: options.signal,
    onOutput: (stream, text) => {
      tail = (tail + text).slice(-MAX_OUTPUT_TAIL)
      options.onOutput(stream, text)
    },
  })
  if (end.error) tail += `\n${end.error.message}`
  return {
    command: options.command,
    ended: end.ended,
    exitCode: end.exitCode,
    durationMs: Math.max(0, now() - started),
    outputTail: tail,
  }
}
