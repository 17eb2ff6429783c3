// The team's tests, run only when the leader presses Run: the command (remembered per repository,
// else detected from the manifests), its output streamed as events, the result kept with the session
// (redacted like everything Gemba keeps). Every run still going when the service is disposed (Gemba
// quitting) is stopped: SIGTERM to its process group, then SIGKILL after the grace period.
import type { EventMap } from '../../../shared/api.ts'
import type { CallContext } from '../../../shared/contract.ts'
import type { TestCommandView, TestRunResult } from '../../../shared/models/change.ts'
import type { RepoView, ScanResult } from '../../../shared/models/repos.ts'
import type { Redactor } from '../secrets/index.ts'
import type { ChangePrefs, SessionRecorder } from './change-ports.ts'
import { DEFAULT_TEST_TIMEOUT_SECONDS, runTestCommand } from './test-runner.ts'

type Ctx = CallContext<EventMap>

export interface TestRunsDeps {
  readonly info: (repoId: string, ctx: Ctx) => Promise<RepoView>
  readonly scan: (repoId: string, ctx: Ctx) => Promise<ScanResult>
  readonly prefs: ChangePrefs
  readonly session: SessionRecorder
  readonly redactor: Redactor
  /** The environment the team's tests run in. */
  readonly env: NodeJS.ProcessEnv
  readonly killGraceMs?: number | undefined
}

const TEST_COMMANDS_KEY = 'change.testCommands'

export class TestRuns {
  readonly #deps: TestRunsDeps
  readonly #disposed = new AbortController()
  readonly #running = new Set<Promise<unknown>>()

  constructor(deps: TestRunsDeps) {
    this.#deps = deps
  }

  async command(repoId: string, ctx: Ctx): Promise<TestCommandView> {
    const remembered = this.#remembered()[repoId]
    if (remembered) return { command: remembered, source: 'remembered' }
    const scan = await this.#deps.scan(repoId, ctx)
    return scan.project.testCommand ? { command: scan.project.testCommand, source: 'detected' } : { command: null, source: null }
  }

  async run(input: { repoId: string; command: string; timeoutSeconds?: number | undefined; sessionId?: string | undefined }, ctx: Ctx): Promise<TestRunResult> {
    this.#disposed.signal.throwIfAborted()
    const repo = await this.#deps.info(input.repoId, ctx)
    this.#deps.prefs.set(TEST_COMMANDS_KEY, { ...this.#remembered(), [input.repoId]: input.command })
    const running = runTestCommand({
      command: input.command,
      cwd: repo.path,
      env: this.#deps.env,
      timeoutMs: (input.timeoutSeconds ?? DEFAULT_TEST_TIMEOUT_SECONDS) * 1000,
      signal: AbortSignal.any([ctx.signal, this.#disposed.signal]),
      onOutput: (stream, text) => ctx.emit('change.testOutput', { callId: ctx.callId, repoId: repo.id, stream, text }),
      ...(this.#deps.killGraceMs === undefined ? {} : { killGraceMs: this.#deps.killGraceMs }),
    })
    this.#running.add(running)
    const result = await running.finally(() => this.#running.delete(running))
    const run: TestRunResult = { ...result, branch: repo.branch }
    if (input.sessionId) {
      // What is kept (session, journal, exports) is redacted like what goes to Claude; the live stream
      // and the answer stay whole: they only ever reach the leader's own screen.
      const outputTail = (await this.#deps.redactor.redact('(test output)', run.outputTail)).text
      await this.#deps.session.record(input.sessionId, { testRun: { command: run.command, exitCode: run.exitCode, durationMs: run.durationMs, outputTail } })
    }
    return run
  }

  /** Stops every run still going and waits until each process group has gone. */
  async dispose(): Promise<void> {
    this.#disposed.abort()
    await Promise.allSettled([...this.#running])
  }

  #remembered(): Record<string, string> {
    const value = this.#deps.prefs.get(TEST_COMMANDS_KEY)
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {}
  }
}
