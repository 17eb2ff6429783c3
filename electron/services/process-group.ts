// Runs a program in its own process group with a time bound and a cancel that end the whole group
// (what it started too): SIGTERM, then SIGKILL once a grace period has passed. Output is handed on as
// it comes. The one way Gemba runs a process it did not write: the team's tests and the leader's git.
import { spawn } from 'node:child_process'

export interface ProcessGroupOptions {
  /** A program, or with `shell` a command line for the shell. */
  readonly command: string
  readonly args?: readonly string[]
  readonly shell: boolean
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  readonly timeoutMs: number
  /** How long the group may take to exit on SIGTERM before it is killed. */
  readonly killGraceMs: number
  readonly signal: AbortSignal
  readonly onOutput: (stream: 'stdout' | 'stderr', text: string) => void
}

export interface ProcessGroupEnd {
  /** 'timed_out' and 'stopped': Gemba ended it. */
  readonly ended: 'exited' | 'timed_out' | 'stopped'
  /** null when it did not run to its end (ended by Gemba, or could not start). */
  readonly exitCode: number | null
  /** Why it could not start or run (ENOENT: no such program). */
  readonly error: NodeJS.ErrnoException | null
}

export function runProcessGroup(options: ProcessGroupOptions): Promise<ProcessGroupEnd> {
  return new Promise((resolve) => {
    let endedBy: 'timed_out' | 'stopped' | null = null
    let closed = false
    let escalation: ReturnType<typeof setTimeout> | undefined
    const child = spawn(options.command, [...(options.args ?? [])], {
      cwd: options.cwd,
      env: options.env,
      shell: options.shell,
      // Its own process group (and session: no terminal for a helper to ask on), so a stop ends it all.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    })
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, signal)
        else child.kill(signal)
      } catch {
        // Already gone.
      }
    }
    const end = (why: 'timed_out' | 'stopped'): void => {
      if (endedBy || closed) return
      endedBy = why
      signalGroup('SIGTERM')
      // A process that ignores SIGTERM (or a grandchild holding the output open) is killed for good.
      escalation = setTimeout(() => closed || signalGroup('SIGKILL'), options.killGraceMs)
    }
    const timer = setTimeout(() => end('timed_out'), options.timeoutMs)
    const onAbort = (): void => end('stopped')
    if (options.signal.aborted) onAbort()
    options.signal.addEventListener('abort', onAbort, { once: true })
    child.stdout.on('data', (chunk: Buffer) => options.onOutput('stdout', chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => options.onOutput('stderr', chunk.toString('utf8')))
    const finish = (code: number | null, error: NodeJS.ErrnoException | null): void => {
      if (closed) return
      closed = true
      clearTimeout(timer)
      clearTimeout(escalation)
      options.signal.removeEventListener('abort', onAbort)
      resolve({ ended: endedBy ?? 'exited', exitCode: endedBy ? null : code, error })
    }
    child.once('error', (error: NodeJS.ErrnoException) => finish(null, error))
    child.once('close', (code) => finish(code, null))
  })
}
