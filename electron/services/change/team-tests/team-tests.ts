// The team's tests, run only when the leader presses Run: the command (remembered per repository, else
// the team's own way, read from its CI, task runner or manifests: team-way.ts), whether it can run here
// (test-readiness.ts), the setup it needs in the team's order (run only when pressed, each step's
// registry asked first so no network is said at once: network-watch.ts), the output streamed as
// events, and an honest outcome (test-outcome.ts): passed, failed with what failed, or could not run
// with its reason. A run that cannot run the tests (a missing tool, code imported from outside the
// repository) is not started. The result is kept with the session, redacted like everything Gemba
// keeps. Every process is registered with the service's disposables: one still going when they are
// disposed (Gemba quitting) is stopped, SIGTERM to its process group, then SIGKILL after the grace
// period, and disposal waits until the group has gone.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { delimiter, join } from 'node:path'
import { GembaError } from '../../../../shared/errors.ts'
import type {
  CouldNotRun,
  InstallResult,
  SetupStepRun,
  TestCommandView,
  TestReadiness,
  TestRunResult,
  TestSummary,
} from '../../../../shared/models/change.ts'
import type { RepoView } from '../../../../shared/models/repos.ts'
import type { DisposableStore } from '../../disposables.ts'
import type { Progress } from '../../events-port.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { ChangePrefs } from '../change-prefs.ts'
import type { SessionRecorder } from '../change-ports.ts'
import type { ChangeRecord } from '../../sessions/index.ts'
import { noNetwork, probeRegistry, registryOf, watchForNoNetwork, type RegistryProbe } from './network-watch.ts'
import { pythonRunEnv } from './readiness/python-readiness.ts'
import { DEFAULT_TEST_TIMEOUT_SECONDS, runCommand, type ProcessRun, type RunCommandOptions } from './run-command.ts'
import { teamWay } from './team-way.ts'
import { rerunCommand } from './rerun-filter.ts'
import { judgeRun, judgeStep, type RunFacts } from './test-outcome.ts'
import { testReadiness } from './test-readiness.ts'

export interface TeamTestsDeps {
  readonly info: (repoId: string, signal: AbortSignal) => Promise<RepoView>
  readonly prefs: ChangePrefs
  readonly session: SessionRecorder
  readonly redactor: Redactor
  /** The environment the team's tests run in. */
  readonly env: NodeJS.ProcessEnv
  /** Gemba's own folder for the tools it provides (corepack's shims), first on every step's PATH. */
  readonly toolsFolder: string
  readonly killGraceMs?: number | undefined
  /** Asks a package registry whether it can be reached (a real request by default). */
  readonly probe?: RegistryProbe | undefined
  /** How long a setup step may stay silent after a network error before it is stopped. */
  readonly networkSilenceMs?: number | undefined
  /** Where each run is registered while it goes (the change service's). */
  readonly disposables: DisposableStore
  readonly now?: (() => Date) | undefined
}

export interface RunInput {
  readonly repoId: string
  readonly command: string
  readonly timeoutSeconds?: number | undefined
  readonly sessionId?: string | undefined
  /** Rerun only the tests that failed in the last run of this command in this repository. */
  readonly rerunFailing?: boolean | undefined
}

/** The last run of each repository: what a rerun of its failing tests reruns, and the code it ran on. */
interface LastRun {
  readonly command: string
  readonly summary: TestSummary | null
  readonly outcome: TestRunResult['outcome']
  /** HEAD and the tracked edits, hashed (null: git could not say). */
  readonly code: string | null
}

const STEP_TIMEOUT_SECONDS = 1_800

export class TeamTests {
  readonly #deps: TeamTestsDeps
  readonly #last = new Map<string, LastRun>()

  constructor(deps: TeamTestsDeps) {
    this.#deps = deps
  }

  async command(repoId: string, signal: AbortSignal): Promise<TestCommandView> {
    const remembered = this.#remembered()[repoId]
    if (remembered) return { command: remembered, source: 'remembered', from: null }
    const repo = await this.#deps.info(repoId, signal)
    const way = await teamWay(repo.path, this.#env())
    return way ? { command: way.command, source: 'detected', from: way.from } : { command: null, source: null, from: null }
  }

  async readiness(repoId: string, command: string, signal: AbortSignal): Promise<TestReadiness> {
    return this.#readiness((await this.#deps.info(repoId, signal)).path, command)
  }

  /** Runs the setup steps the readiness check names, in order, up to the first that does not pass; never another command. */
  async install(repoId: string, command: string, signal: AbortSignal, progress: Progress, sessionId?: string): Promise<InstallResult> {
    const repo = await this.#deps.info(repoId, signal)
    const before = await this.#readiness(repo.path, command)
    const pending = before.steps.filter((step) => step.done !== true)
    if (pending.length === 0)
      throw new GembaError({
        code: 'refused',
        message: 'Gemba knows no setup step these tests still need here.',
        next: before.missing[0]
          ? `${before.missing[0].tool}: ${before.missing[0].how}.`
          : (before.problems[0] ?? 'Set up the tests in your terminal.'),
      })
    const runs: SetupStepRun[] = []
    let tail = ''
    // A step may put tools in Gemba's folder (corepack's shims), which must exist first.
    await mkdir(this.#deps.toolsFolder, { recursive: true })
    for (const step of pending) {
      const report = (text: string) => {
        tail = (tail + text).slice(-50_000)
        progress.report('change.testOutput', { repoId: repo.id, stream: 'stdout', text })
      }
      report(`$ ${step.command}\n`)
      const at = this.#now()
      const run = await this.#step(repo, step.command, signal, progress, report)
      runs.push(run.step)
      if (sessionId) await this.#deps.session.record(sessionId, { testLog: { setup: [{ ...run.step, at }], runs: [], flaky: [] } })
      tail = (tail + run.output).slice(-50_000)
      if (run.step.outcome !== 'passed') break
    }
    const last = runs.at(-1)!
    return {
      steps: runs,
      outcome: last.outcome,
      couldNotRun: last.couldNotRun,
      outputTail: tail,
      readiness: await this.#readiness(repo.path, command),
    }
  }

  /**
   * Runs the tests. `change` is the commit of the change the leader is looking at, if any: the run is
   * "on the change" only when HEAD is that commit and no tracked file was edited.
   */
  async run(input: RunInput, change: { readonly commit: string } | null, signal: AbortSignal, progress: Progress): Promise<TestRunResult> {
    this.#deps.disposables.signal.throwIfAborted()
    const repo = await this.#deps.info(input.repoId, signal)
    this.#deps.prefs.set('change.testCommands', { ...this.#remembered(), [input.repoId]: input.command })
    const readiness = await this.#readiness(repo.path, input.command)
    const onChange = change !== null && repo.headCommit === change.commit && !repo.changedFiles.some((file) => file.change !== 'untracked')
    const timeoutMs = (input.timeoutSeconds ?? DEFAULT_TEST_TIMEOUT_SECONDS) * 1000
    const where = { branch: repo.branch, commit: repo.headCommit, onChange }
    const before = input.rerunFailing ? this.#rerunnable(repo.id, input.command) : null
    const rerun = before ? rerunCommand(before.command, before.summary) : null
    const command = rerun?.command ?? input.command
    const at = this.#now()
    const code = await codeState(repo.path)
    const plain = {
      rerunOf: before && rerun ? { failed: before.summary?.failed ?? [], filtered: rerun.filtered } : null,
      flaky: [],
      rerun: null,
    }
    let run: TestRunResult
    if (readiness.blocked) {
      // Running would not run the tests: say why instead.
      run = {
        command,
        exitCode: null,
        durationMs: 0,
        outcome: 'could_not_run',
        couldNotRun: readiness.blocked,
        outputTail: '',
        summary: null,
        ...where,
        ...plain,
      }
    } else {
      const env = pythonRunEnv(repo.path, this.#env(), readiness.venv, readiness.pythonPath)
      const result = await this.#spawn({ command, cwd: repo.path, env, timeoutMs }, repo.id, signal, progress)
      const verdict = judgeRun(await this.#facts(result, repo.path, timeoutMs, null))
      const summary = verdict.outcome === 'failed' ? verdict.summary : null
      run = {
        command,
        exitCode: result.exitCode,
        durationMs: result.durationMs,
        outcome: verdict.outcome,
        couldNotRun: verdict.couldNotRun,
        outputTail: result.outputTail,
        summary,
        ...where,
        ...plain,
        flaky: before ? flakyOf(before, verdict.outcome, summary, code) : [],
        rerun: verdict.outcome === 'failed' && code !== null ? rerunCommand(input.command, summary) : null,
      }
    }
    this.#last.set(repo.id, { command: input.command, summary: run.summary, outcome: run.outcome, code })
    if (input.sessionId) await this.#record(input.sessionId, run, at)
    return run
  }

  /** The last run here, when its failing tests can be rerun with this command. */
  #rerunnable(repoId: string, command: string): LastRun {
    const last = this.#last.get(repoId)
    if (!last || last.outcome !== 'failed' || !last.summary?.failed.length || last.command !== command)
      throw new GembaError({
        code: 'refused',
        message: 'There are no failing tests of this command to rerun here.',
        next: 'Run the tests first; when some fail, they can be rerun alone.',
      })
    return last
  }

  async #record(sessionId: string, run: TestRunResult, at: string): Promise<void> {
    // What is kept (session, journal, exports) is redacted like what goes to Claude; the live stream
    // and the answer stay whole: they only ever reach the leader's own screen.
    const redact = async (text: string) => (await this.#deps.redactor.redact('(test output)', text)).text
    // The change's test run is the last run of the whole command: a rerun of the failing tests alone
    // goes to the test record only, so the journal never says the suite passed when only they did.
    const whole = run.rerunOf === null || !run.rerunOf.filtered
    await this.#deps.session.record(sessionId, {
      ...(whole ? { testRun: await this.#kept(run, redact) } : {}),
      testLog: {
        setup: [],
        runs: [
          {
            command: await redact(run.command),
            outcome: run.outcome,
            couldNotRun: run.couldNotRun ? { reason: run.couldNotRun.reason, sentence: await redact(run.couldNotRun.sentence) } : null,
            exitCode: run.exitCode,
            durationMs: run.durationMs,
            at,
            failed: await Promise.all((run.summary?.failed ?? []).map(redact)),
            rerun: run.rerunOf !== null,
            flaky: await Promise.all(run.flaky.map(redact)),
            onChange: run.onChange,
          },
        ],
        flaky: await Promise.all(run.flaky.map(redact)),
      },
    })
  }

  async #kept(run: TestRunResult, redact: (text: string) => Promise<string>): Promise<NonNullable<ChangeRecord['testRun']>> {
    return {
      command: run.command,
      exitCode: run.exitCode,
      durationMs: run.durationMs,
      outputTail: await redact(run.outputTail),
      commit: run.commit,
      onChange: run.onChange,
      outcome: run.outcome,
      couldNotRun: run.couldNotRun ? { reason: run.couldNotRun.reason, sentence: await redact(run.couldNotRun.sentence) } : null,
      failed: await Promise.all((run.summary?.failed ?? []).map(redact)),
      firstError: run.summary?.firstError ? await redact(run.summary.firstError) : null,
    }
  }

  /** One setup step: its registry asked first, then run with the network watched. */
  async #step(
    repo: RepoView,
    command: string,
    signal: AbortSignal,
    progress: Progress,
    report: (text: string) => void,
  ): Promise<{ step: SetupStepRun; output: string }> {
    const env = this.#env()
    const registry = await registryOf(command, repo.path, env)
    const answer = registry ? await (this.#deps.probe ?? probeRegistry)(registry.url, signal) : ({ reachable: true } as const)
    if (registry && !answer.reachable && !registry.localSources) {
      const couldNotRun = noNetwork(new URL(registry.url).host, answer.why, `\`${command}\` cannot download what it needs`)
      report(`${couldNotRun.sentence}\n`)
      return { step: { command, exitCode: null, durationMs: 0, outcome: 'could_not_run', couldNotRun }, output: '' }
    }
    const failFast = registry && !answer.reachable ? registry.failFast : {}
    let stoppedFor: CouldNotRun | null = null
    const watchStop = new AbortController()
    const watch = watchForNoNetwork(
      `\`${command}\` cannot download what it needs`,
      (why) => {
        stoppedFor = why
        watchStop.abort(why)
      },
      this.#deps.networkSilenceMs,
    )
    const timeoutMs = STEP_TIMEOUT_SECONDS * 1000
    try {
      const result = await this.#spawn(
        { command, cwd: repo.path, env: { ...env, ...failFast }, timeoutMs },
        repo.id,
        AbortSignal.any([signal, watchStop.signal]),
        progress,
        (text) => watch.take(text),
      )
      const verdict = judgeStep(await this.#facts(result, repo.path, timeoutMs, stoppedFor))
      return {
        step: {
          command,
          exitCode: result.exitCode,
          durationMs: result.durationMs,
          outcome: verdict.outcome,
          couldNotRun: verdict.couldNotRun,
        },
        output: result.outputTail,
      }
    } finally {
      watch.dispose()
    }
  }

  async #facts(run: ProcessRun, root: string, timeoutMs: number, stoppedFor: CouldNotRun | null): Promise<RunFacts> {
    return { ...run, output: run.outputTail, timeoutMs, stoppedFor, root, ownNames: await ownNames(root) }
  }

  #readiness(root: string, command: string): Promise<TestReadiness> {
    const env = this.#env()
    return teamWay(root, env).then((plan) => testReadiness({ root, command, plan, env, toolsFolder: this.#deps.toolsFolder }))
  }

  /** The tests' environment, with Gemba's tools folder first on the PATH. */
  #env(): NodeJS.ProcessEnv {
    const env = this.#deps.env
    return { ...env, PATH: [this.#deps.toolsFolder, env.PATH].filter(Boolean).join(delimiter) }
  }

  /** Runs a command, stopped by `signal` or when the service's disposables are disposed (which then wait for it). */
  #spawn(
    options: Pick<RunCommandOptions, 'command' | 'cwd' | 'env' | 'timeoutMs'>,
    repoId: string,
    signal: AbortSignal,
    progress: Progress,
    watch?: (text: string) => void,
  ): Promise<ProcessRun> {
    return this.#deps.disposables.run(
      (stop) =>
        runCommand({
          ...options,
          signal: stop,
          onOutput: (stream, text) => {
            watch?.(text)
            progress.report('change.testOutput', { repoId, stream, text })
          },
          ...(this.#deps.killGraceMs === undefined ? {} : { killGraceMs: this.#deps.killGraceMs }),
        }),
      signal,
    )
  }

  #now(): string {
    return (this.#deps.now?.() ?? new Date()).toISOString()
  }

  #remembered(): Readonly<Record<string, string>> {
    return this.#deps.prefs.get('change.testCommands') ?? {}
  }
}

/** The repository's own top-level names (its folders and modules, src/'s, the package's name): an import of one is its own code. */
async function ownNames(root: string): Promise<Set<string>> {
  const names = new Set<string>()
  for (const folder of [root, join(root, 'src'), join(root, 'lib')])
    for (const entry of await readdir(folder).catch(() => [] as string[])) names.add(entry.replace(/\.[^.]+$/, ''))
  const manifest = await readFile(join(root, 'package.json'), 'utf8').catch(() => '')
  const name = /"name"\s*:\s*"([^"]+)"/.exec(manifest)?.[1]
  if (name) names.add(name)
  return names
}

/**
 * The tests that failed before and passed on this rerun, the code unchanged: all of them when the
 * rerun passed; else those no longer named as failing (only when the rerun's list is complete).
 */
function flakyOf(before: LastRun, outcome: TestRunResult['outcome'], summary: TestSummary | null, code: string | null): string[] {
  if (code === null || before.code !== code || outcome === 'could_not_run') return []
  const previously = before.summary?.failed ?? []
  if (outcome === 'passed') return [...previously]
  const still = summary?.failed ?? []
  if (still.length >= 10) return []
  return previously.filter((name) => !still.some((now) => now === name || now.endsWith(name) || name.endsWith(now)))
}

/** HEAD and the tracked edits (`git diff HEAD`), hashed: the same value means the same code. Null when git cannot say. */
function codeState(root: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd: root, timeout: 10_000 }, (headError, head) => {
      if (headError) return resolve(null)
      execFile(
        'git',
        ['diff', 'HEAD', '--no-ext-diff', '--binary'],
        { cwd: root, timeout: 20_000, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' },
        (diffError, diff) => resolve(diffError ? null : createHash('sha256').update(head).update(diff).digest('hex')),
      )
    })
  })
}
