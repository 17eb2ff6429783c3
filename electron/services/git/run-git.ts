// Runs the leader's own git binary, for the one thing Gemba does with it: talking to a remote with
// the leader's credentials (their credential helper, SSH agent and config), as they would type it.
// No shell; never prompts on a terminal (GIT_TERMINAL_PROMPT=0, and no terminal to prompt on); a time
// bound and a cancel that end the whole process group (git's helpers too): SIGTERM, then SIGKILL.
// Keeps only the tail of the output. Other domains reach it only through the git layer's operations.
import { spawn } from 'node:child_process'

export const MAX_GIT_OUTPUT = 64_000
export const DEFAULT_GIT_KILL_GRACE_MS = 2_000

export interface GitRunOptions {
  readonly cwd: string
  /** The leader's environment (their PATH, HOME, SSH agent, credential helper settings). */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly timeoutMs: number
  readonly signal: AbortSignal
  readonly killGraceMs?: number
}

export interface GitRun {
  /** null when git did not run to its end. */
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  /** 'missing': there is no git to run; 'timed_out' and 'cancelled': Gemba ended it. */
  readonly ended: 'exited' | 'missing' | 'timed_out' | 'cancelled'
}

/** Variables that would point git at another repository than the one asked for. */
const REPOSITORY_VARIABLES =
  /^(GIT_DIR|GIT_WORK_TREE|GIT_INDEX_FILE|GIT_OBJECT_DIRECTORY|GIT_ALTERNATE_OBJECT_DIRECTORIES|GIT_COMMON_DIR|GIT_NAMESPACE|GIT_PREFIX)$/

/** The environment git runs in: the leader's, minus Gemba's own secrets and anything that moves the repository; English, no prompts. */
export function gitEnvironment(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !/^ANTHROPIC_|^GEMBA_/i.test(entry[0]) && !REPOSITORY_VARIABLES.test(entry[0]),
  )
  return { ...Object.fromEntries(kept), GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANG: 'C' }
}

export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitRun> {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let endedBy: 'timed_out' | 'cancelled' | null = null
    let closed = false
    let escalation: ReturnType<typeof setTimeout> | undefined
    const child = spawn('git', [...args], {
      cwd: options.cwd,
      env: gitEnvironment(options.env),
      shell: false,
      // Its own process group (and session: no terminal for ssh to ask on), so a stop ends its helpers too.
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
    const end = (why: 'timed_out' | 'cancelled'): void => {
      if (endedBy || closed) return
      endedBy = why
      signalGroup('SIGTERM')
      escalation = setTimeout(() => closed || signalGroup('SIGKILL'), options.killGraceMs ?? DEFAULT_GIT_KILL_GRACE_MS)
    }
    const timer = setTimeout(() => end('timed_out'), options.timeoutMs)
    const onAbort = (): void => end('cancelled')
    if (options.signal.aborted) onAbort()
    options.signal.addEventListener('abort', onAbort, { once: true })
    child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString('utf8')).slice(-MAX_GIT_OUTPUT)))
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-MAX_GIT_OUTPUT)))
    const finish = (run: Omit<GitRun, 'stdout' | 'stderr'>): void => {
      if (closed) return
      closed = true
      clearTimeout(timer)
      clearTimeout(escalation)
      options.signal.removeEventListener('abort', onAbort)
      resolve({ ...run, stdout, stderr })
    }
    child.once('error', (error: NodeJS.ErrnoException) => {
      finish({ exitCode: null, ended: error.code === 'ENOENT' ? 'missing' : (endedBy ?? 'exited') })
    })
    child.once('close', (code) => finish(endedBy ? { exitCode: null, ended: endedBy } : { exitCode: code, ended: 'exited' }))
  })
}
