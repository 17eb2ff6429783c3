// Runs the leader's own git binary, for the one thing Gemba does with it: talking to a remote with
// the leader's credentials (their credential helper, SSH agent and config), as they would type it.
// No shell; never prompts on a terminal (GIT_TERMINAL_PROMPT=0, and no terminal to prompt on); a time
// bound and a cancel that end the whole process group (git's helpers too): SIGTERM, then SIGKILL.
// Keeps only the tail of the output. Other domains reach it only through the git layer's operations.
import { runProcessGroup } from '../process-group.ts'

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

export async function runGit(args: readonly string[], options: GitRunOptions): Promise<GitRun> {
  let stdout = ''
  let stderr = ''
  const end = await runProcessGroup({
    command: 'git',
    args,
    shell: false,
    cwd: options.cwd,
    env: gitEnvironment(options.env),
    timeoutMs: options.timeoutMs,
    killGraceMs: options.killGraceMs ?? DEFAULT_GIT_KILL_GRACE_MS,
    signal: options.signal,
    onOutput: (stream, text) => {
      if (stream === 'stdout') stdout = (stdout + text).slice(-MAX_GIT_OUTPUT)
      else stderr = (stderr + text).slice(-MAX_GIT_OUTPUT)
    },
  })
  const ended = end.error?.code === 'ENOENT' ? 'missing' : end.ended === 'stopped' ? 'cancelled' : end.ended
  return { exitCode: end.exitCode, stdout, stderr, ended }
}
