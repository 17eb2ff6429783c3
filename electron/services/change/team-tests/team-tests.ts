// The team's tests, run only when the leader presses Run: the command (remembered per repository,
// else detected from the manifests), whether it can run here (test-readiness.ts) and the install it
// needs (run only when pressed), its output streamed as events, a short summary of a failure, whether
// the run was on the change as committed, and the result kept with the session (redacted like
// everything Gemba keeps). Every run still going when the service is disposed (Gemba quitting) is
// stopped: SIGTERM to its process group, then SIGKILL after the grace period.
import { delimiter, join } from 'node:path'
import type { EventMap } from '../../../../shared/api.ts'
import type { CallContext } from '../../../../shared/contract.ts'
import { GembaError } from '../../../../shared/errors.ts'
import type { InstallResult, TestCommandView, TestReadiness, TestRunResult } from '../../../../shared/models/change.ts'
import type { RepoView, ScanResult } from '../../../../shared/models/repos.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { ChangePrefs, SessionRecorder } from '../change-ports.ts'
import { testReadiness } from './test-readiness.ts'
import { DEFAULT_TEST_TIMEOUT_SECONDS, runCommand, type RunCommandOptions } from './run-command.ts'
import { summarizeTestOutput } from './summarize-test-output.ts'

type Ctx = CallContext<EventMap>

export interface TeamTestsDeps {
  readonly info: (repoId: string, ctx: Ctx) => Promise<RepoView>
  readonly scan: (repoId: string, ctx: Ctx) => Promise<ScanResult>
  readonly prefs: ChangePrefs
  readonly session: SessionRecorder
  readonly redactor: Redactor
  /** The environment the team's tests run in. */
  readonly env: NodeJS.ProcessEnv
  readonly killGraceMs?: number | undefined
}

export interface RunInput {
  readonly repoId: string
  readonly command: string
  readonly timeoutSeconds?: number | undefined
  readonly sessionId?: string | undefined
}

const TEST_COMMANDS_KEY = 'change.testCommands'
const INSTALL_TIMEOUT_SECONDS = 1_800

export class TeamTests {
  readonly #deps: TeamTestsDeps
  readonly #disposed = new AbortController()
  readonly #running = new Set<Promise<unknown>>()

  constructor(deps: TeamTestsDeps) {
    this.#deps = deps
  }

  async command(repoId: string, ctx: Ctx): Promise<TestCommandView> {
    const remembered = this.#remembered()[repoId]
    if (remembered) return { command: remembered, source: 'remembered' }
    const scan = await this.#deps.scan(repoId, ctx)
    return scan.project.testCommand ? { command: scan.project.testCommand, source: 'detected' } : { command: null, source: null }
  }

  async readiness(repoId: string, command: string, ctx: Ctx): Promise<TestReadiness> {
    const repo = await this.#deps.info(repoId, ctx)
    return testReadiness(repo.path, command, this.#deps.env)
  }

  /** Runs the install the readiness check names; never another command. */
  async install(repoId: string, command: string, ctx: Ctx): Promise<InstallResult> {
    const repo = await this.#deps.info(repoId, ctx)
    const before = await testReadiness(repo.path, command, this.#deps.env)
    if (!before.install)
      throw new GembaError({
        code: 'refused',
        message: 'Gemba knows no install command for these tests here.',
        next: before.problems[0] ?? 'Install what the tests need in your terminal.',
      })
    const result = await this.#spawn(
      { command: before.install.command, cwd: repo.path, env: this.#deps.env, timeoutMs: INSTALL_TIMEOUT_SECONDS * 1000 },
      repo.id,
      ctx,
    )
    return { ...result, readiness: await testReadiness(repo.path, command, this.#deps.env) }
  }

  /**
   * Runs the tests. `change` is the commit of the change the leader is looking at, if any: the run is
   * "on the change" only when HEAD is that commit and no tracked file was edited.
   */
  async run(input: RunInput, change: { readonly commit: string } | null, ctx: Ctx): Promise<TestRunResult> {
    this.#disposed.signal.throwIfAborted()
    const repo = await this.#deps.info(input.repoId, ctx)
    this.#deps.prefs.set(TEST_COMMANDS_KEY, { ...this.#remembered(), [input.repoId]: input.command })
    const readiness = await testReadiness(repo.path, input.command, this.#deps.env)
    const onChange = change !== null && repo.headCommit === change.commit && !repo.changedFiles.some((file) => file.change !== 'untracked')
    const result = await this.#spawn(
      {
        command: input.command,
        cwd: repo.path,
        env: withVenv(this.#deps.env, repo.path, readiness.venv),
        timeoutMs: (input.timeoutSeconds ?? DEFAULT_TEST_TIMEOUT_SECONDS) * 1000,
      },
      repo.id,
      ctx,
    )
    const summary = result.outcome === 'failed' ? summarizeTestOutput(result.outputTail) : null
    const run: TestRunResult = { ...result, branch: repo.branch, commit: repo.headCommit, onChange, summary }
    if (input.sessionId) {
      // What is kept (session, journal, exports) is redacted like what goes to Claude; the live stream
      // and the answer stay whole: they only ever reach the leader's own screen.
      const redact = async (text: string) => (await this.#deps.redactor.redact('(test output)', text)).text
      await this.#deps.session.record(input.sessionId, {
        testRun: {
          command: run.command,
          exitCode: run.exitCode,
          durationMs: run.durationMs,
          outputTail: await redact(run.outputTail),
          commit: run.commit,
          onChange,
          failed: await Promise.all((summary?.failed ?? []).map(redact)),
          firstError: summary?.firstError ? await redact(summary.firstError) : null,
        },
      })
    }
    return run
  }

  /** Stops every run still going and waits until each process group has gone. */
  async dispose(): Promise<void> {
    this.#disposed.abort()
    await Promise.allSettled([...this.#running])
  }

  async #spawn(options: Pick<RunCommandOptions, 'command' | 'cwd' | 'env' | 'timeoutMs'>, repoId: string, ctx: Ctx) {
    const running = runCommand({
      ...options,
      signal: AbortSignal.any([ctx.signal, this.#disposed.signal]),
      onOutput: (stream, text) => ctx.emit('change.testOutput', { callId: ctx.callId, repoId, stream, text }),
      ...(this.#deps.killGraceMs === undefined ? {} : { killGraceMs: this.#deps.killGraceMs }),
    })
    this.#running.add(running)
    return running.finally(() => this.#running.delete(running))
  }

  #remembered(): Record<string, string> {
    const value = this.#deps.prefs.get(TEST_COMMANDS_KEY)
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {}
  }
}

/** The tests' environment with the repository's Python virtualenv activated (its bin/ first on the PATH). */
function withVenv(env: NodeJS.ProcessEnv, root: string, venv: string | null): NodeJS.ProcessEnv {
  if (!venv) return env
  const bin = join(root, venv, process.platform === 'win32' ? 'Scripts' : 'bin')
  return { ...env, VIRTUAL_ENV: join(root, venv), PATH: [bin, env.PATH].filter(Boolean).join(delimiter) }
}
