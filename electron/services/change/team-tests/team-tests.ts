// The team's tests, run only when the leader presses Run: the command (remembered per repository,
// else detected from the manifests), whether it can run here (test-readiness.ts) and the install it
// needs (run only when pressed), its output streamed as events, a short summary of a failure, whether
// the run was on the change as committed, and the result kept with the session (redacted like
// everything Gemba keeps). Every run is registered with the service's disposables: one still going
// when they are disposed (Gemba quitting) is stopped, SIGTERM to its process group, then SIGKILL after
// the grace period, and disposal waits until the group has gone.
import { delimiter, join } from 'node:path'
import { GembaError } from '../../../../shared/errors.ts'
import type { InstallResult, TestCommandView, TestReadiness, TestRunResult } from '../../../../shared/models/change.ts'
import type { RepoView, ScanResult } from '../../../../shared/models/repos.ts'
import type { DisposableStore } from '../../disposables.ts'
import type { Progress } from '../../events-port.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { ChangePrefs } from '../change-prefs.ts'
import type { SessionRecorder } from '../change-ports.ts'
import { testReadiness } from './test-readiness.ts'
import { DEFAULT_TEST_TIMEOUT_SECONDS, runCommand, type RunCommandOptions } from './run-command.ts'
import { summarizeTestOutput } from './summarize-test-output.ts'

export interface TeamTestsDeps {
  readonly info: (repoId: string, signal: AbortSignal) => Promise<RepoView>
  readonly scan: (repoId: string, signal: AbortSignal) => Promise<ScanResult>
  readonly prefs: ChangePrefs
  readonly session: SessionRecorder
  readonly redactor: Redactor
  /** The environment the team's tests run in. */
  readonly env: NodeJS.ProcessEnv
  readonly killGraceMs?: number | undefined
  /** Where each run is registered while it goes (the change service's). */
  readonly disposables: DisposableStore
}

export interface RunInput {
  readonly repoId: string
  readonly command: string
  readonly timeoutSeconds?: number | undefined
  readonly sessionId?: string | undefined
}

const INSTALL_TIMEOUT_SECONDS = 1_800

export class TeamTests {
  readonly #deps: TeamTestsDeps

  constructor(deps: TeamTestsDeps) {
    this.#deps = deps
  }

  async command(repoId: string, signal: AbortSignal): Promise<TestCommandView> {
    const remembered = this.#remembered()[repoId]
    if (remembered) return { command: remembered, source: 'remembered' }
    const scan = await this.#deps.scan(repoId, signal)
    return scan.project.testCommand ? { command: scan.project.testCommand, source: 'detected' } : { command: null, source: null }
  }

  async readiness(repoId: string, command: string, signal: AbortSignal): Promise<TestReadiness> {
    const repo = await this.#deps.info(repoId, signal)
    return testReadiness(repo.path, command, this.#deps.env)
  }

  /** Runs the install the readiness check names; never another command. */
  async install(repoId: string, command: string, signal: AbortSignal, progress: Progress): Promise<InstallResult> {
    const repo = await this.#deps.info(repoId, signal)
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
      signal,
      progress,
    )
    return { ...result, readiness: await testReadiness(repo.path, command, this.#deps.env) }
  }

  /**
   * Runs the tests. `change` is the commit of the change the leader is looking at, if any: the run is
   * "on the change" only when HEAD is that commit and no tracked file was edited.
   */
  async run(input: RunInput, change: { readonly commit: string } | null, signal: AbortSignal, progress: Progress): Promise<TestRunResult> {
    this.#deps.disposables.signal.throwIfAborted()
    const repo = await this.#deps.info(input.repoId, signal)
    this.#deps.prefs.set('change.testCommands', { ...this.#remembered(), [input.repoId]: input.command })
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
      signal,
      progress,
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

  /** Runs a command, stopped by `signal` or when the service's disposables are disposed (which then wait for it). */
  #spawn(
    options: Pick<RunCommandOptions, 'command' | 'cwd' | 'env' | 'timeoutMs'>,
    repoId: string,
    signal: AbortSignal,
    progress: Progress,
  ) {
    return this.#deps.disposables.run(
      (stop) =>
        runCommand({
          ...options,
          signal: stop,
          onOutput: (stream, text) => progress.report('change.testOutput', { repoId, stream, text }),
          ...(this.#deps.killGraceMs === undefined ? {} : { killGraceMs: this.#deps.killGraceMs }),
        }),
      signal,
    )
  }

  #remembered(): Readonly<Record<string, string>> {
    return this.#deps.prefs.get('change.testCommands') ?? {}
  }
}

/** The tests' environment with the repository's Python virtualenv activated (its bin/ first on the PATH). */
function withVenv(env: NodeJS.ProcessEnv, root: string, venv: string | null): NodeJS.ProcessEnv {
  if (!venv) return env
  const bin = join(root, venv, process.platform === 'win32' ? 'Scripts' : 'bin')
  return { ...env, VIRTUAL_ENV: join(root, venv), PATH: [bin, env.PATH].filter(Boolean).join(delimiter) }
}
