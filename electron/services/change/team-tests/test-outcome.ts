// What a test run or a setup step came to, honestly: passed, failed (with what failed), or could not run
// — the tool missing, the dependencies not installed, an import of something that is not the
// repository's code, no network, no tests found, timed out, stopped — each with its reason in one
// sentence. "Could not run" is only said when no test ran and the output names a cause in the
// environment; a test that ran and failed, or code of the repository that does not import or compile,
// is a failure. Pure over the run's facts and the repository's folders it is given.
import type { CouldNotRun, TestOutcome, TestSummary } from '../../../../shared/models/change.ts'
import { networkError, noNetwork } from './network-watch.ts'
import { programsOf } from './readiness/tools.ts'
import { summarizeTestOutput } from './summarize-test-output.ts'

export interface RunFacts {
  readonly command: string
  readonly ended: 'exited' | 'stopped' | 'timed_out'
  readonly exitCode: number | null
  readonly output: string
  readonly durationMs: number
  readonly timeoutMs: number
  /** Gemba stopped it itself, and why (the network watch). */
  readonly stoppedFor?: CouldNotRun | null | undefined
  /** The repository's root, and the top-level names of its own code (packages, folders), to tell its imports from others. */
  readonly root: string
  readonly ownNames: ReadonlySet<string>
}

export interface Verdict {
  readonly outcome: TestOutcome
  readonly couldNotRun: CouldNotRun | null
  readonly summary: TestSummary | null
}

/** Programs that are installed on the machine, not by the project: one of them missing is a missing tool. */
const SYSTEM_TOOLS =
  /^(node|npm|npx|pnpm|yarn|bun|corepack|python[\d.]*|pip3?|uv|poetry|pipenv|pdm|hatch|go|gofmt|cargo|rustc|java|javac|mvn|gradle|dotnet|ruby|gem|bundle|php|composer|make|just|mix|elixir|swift|cmake|ctest|sh|bash|git|docker)$/

const could = (reason: CouldNotRun['reason'], sentence: string): Verdict => ({
  outcome: 'could_not_run',
  couldNotRun: { reason, sentence },
  summary: null,
})

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export function judgeRun(facts: RunFacts): Verdict {
  if (facts.stoppedFor) return { outcome: 'could_not_run', couldNotRun: facts.stoppedFor, summary: null }
  if (facts.ended === 'stopped') return could('cancelled', `You stopped the run after ${seconds(facts.durationMs)}, before it finished.`)
  if (facts.ended === 'timed_out')
    return could(
      'timed_out',
      `The run went past its ${Math.round(facts.timeoutMs / 60_000) || 1}-minute limit and was stopped before it finished.`,
    )
  const output = facts.output
  const summary = summarizeTestOutput(output)
  const ran = testsRan(output, summary)
  if (facts.exitCode === 0) {
    if (!ran && noTests(output)) return could('no_tests', 'The command found no tests to run.')
    const idle = /^make(?:\[\d+\])?: (?:'([^']+)' is up to date|Nothing to be done for '([^']+)')/m.exec(output)
    if (!ran && idle)
      return could(
        'no_tests',
        `make ran nothing: it took \`${idle[1] ?? idle[2]}\` for a file that is up to date (a folder of that name; the target is not marked .PHONY).`,
      )
    return { outcome: 'passed', couldNotRun: null, summary: null }
  }
  if (!ran) {
    const cause = environmentCause(facts)
    if (cause) return { outcome: 'could_not_run', couldNotRun: cause, summary: null }
  }
  return { outcome: 'failed', couldNotRun: null, summary }
}

/** A setup step: it did its work, or it could not (and why), or it failed. */
export function judgeStep(facts: RunFacts): Verdict {
  if (facts.stoppedFor) return { outcome: 'could_not_run', couldNotRun: facts.stoppedFor, summary: null }
  if (facts.ended === 'stopped')
    return could('cancelled', `You stopped \`${facts.command}\` after ${seconds(facts.durationMs)}, before it finished.`)
  if (facts.ended === 'timed_out') return could('timed_out', `\`${facts.command}\` went past its time limit and was stopped.`)
  if (facts.exitCode === 0) return { outcome: 'passed', couldNotRun: null, summary: null }
  const cause = environmentCause(facts)
  return cause ? { outcome: 'could_not_run', couldNotRun: cause, summary: null } : { outcome: 'failed', couldNotRun: null, summary: null }
}

/** Whether any test ran: the runner reported a test that failed, or counted tests that passed or failed. */
function testsRan(output: string, summary: TestSummary): boolean {
  if (summary.failed.length > 0) return true
  return [
    // "3 passed", not "Attempt 1/1 failed" (a download's retries).
    /(?<![/\d])\b[1-9]\d* (?:passed|failed|passing|failing)\b/,
    /^(?:ok|---\s+(?:PASS|FAIL):?)\s/m,
    /^test result: /m,
    /Tests run: [1-9]/,
    /\b[1-9]\d* examples?, /,
    /^OK \([1-9]\d* tests?/m,
    /^Ran [1-9]\d* tests? in/m,
    /^[#ℹ] (?:pass|tests) [1-9]/m,
    /^\s*Tests?:?\s+.*\b[1-9]\d* (?:passed|failed)/m,
    /Passed!\s+- Failed:|Failed!\s+- Failed:/,
  ].some((pattern) => pattern.test(output))
}

function noTests(output: string): boolean {
  return (
    /^Ran 0 tests/m.test(output) ||
    /\b0 passing\b/.test(output) ||
    /no tests ran|No tests found|No test files found|No tests to run/i.test(output) ||
    (/\[no test files\]/.test(output) && !/^(ok|FAIL)\s/m.test(output))
  )
}

/** What in the environment kept the tests from running, read from the output; null when nothing did (then it failed). */
function environmentCause(facts: RunFacts): CouldNotRun | null {
  const output = facts.output
  const corepack = /(Error: .*(?:signature|Cannot find matching keyid|Usage Error).*)$/m.exec(output)?.[1]
  if (corepack && /corepack/.test(output))
    return {
      reason: 'tool_missing',
      sentence: `Corepack could not provide the package manager (${corepack.trim().slice(0, 160)}); a newer corepack can: \`npm install -g corepack@latest\`.`,
    }
  const notFound =
    /(?:^|[\s:])([\w.@+-]+): (?:command )?not found\s*$/m.exec(output)?.[1] ??
    /command not found: ([\w.+-]+)/.exec(output)?.[1] ??
    /make(?:\[\d+\])?: ([\w.+-]+): No such file or directory/.exec(output)?.[1] ??
    /(?:^|\s)(?:env|exec): '?([\w.+-]+)'?: No such file or directory/m.exec(output)?.[1] ??
    (facts.exitCode === 127 ? (programsOf(facts.command)[0] ?? null) : null)
  if (notFound) {
    const project = !SYSTEM_TOOLS.test(notFound)
    return project
      ? { reason: 'dependencies_missing', sentence: `${notFound} is not installed here: the project’s dependencies are not installed.` }
      : { reason: 'tool_missing', sentence: `${notFound} is not installed.` }
  }
  const noModule = /No module named '?([\w.]+)'?/.exec(output)
  if (noModule && /^(pytest|py\.test|coverage|tox|nox)$/.test(noModule[1]!))
    return {
      reason: 'dependencies_missing',
      sentence: `${noModule[1]} is not installed for this Python: the project’s test dependencies are missing.`,
    }

  const python = pythonImport(facts)
  if (python !== undefined) return python
  const node = /Cannot find (?:module|package) '([^']+)'/.exec(output)?.[1]
  if (node && !/^[./]/.test(node) && !facts.ownNames.has(node.split('/')[0]!))
    return {
      reason: 'dependencies_missing',
      sentence: `The tests could not import ${node}: it is not installed here (the dependencies are missing).`,
    }
  if (/Missing script: "?test"?|ERR_PNPM_NO_SCRIPT|Command "test" not found/.test(output))
    return { reason: 'no_tests', sentence: 'package.json has no `test` script.' }
  if (noTests(output)) return { reason: 'no_tests', sentence: 'The command found no tests to run.' }
  const network = networkError(output)
  if (network) return noNetwork(network.host, network.line, 'the tests could not download what they need')
  const missing = DEPENDENCY_SIGNS.find(([pattern]) => pattern.test(output))
  if (missing) return { reason: 'dependencies_missing', sentence: missing[1] }
  if (/No binary for \w+ browser|Executable doesn't exist at .*ms-playwright|Cannot start (?:Chrome|Firefox)|CHROME_BIN/.test(output))
    return { reason: 'tool_missing', sentence: 'A browser the tests need is not installed.' }
  return null
}

const DEPENDENCY_SIGNS: readonly [RegExp, string][] = [
  [
    /no required module provides package|missing go\.sum entry|cannot find module providing package/,
    'Go modules the tests need are not downloaded (`go mod download`).',
  ],
  [
    /no matching package named|failed to select a version for the requirement|failed to load source for dependency/,
    'Crates the tests need are not downloaded (`cargo fetch`).',
  ],
  [
    /Could not resolve dependencies|Could not transfer artifact|Non-resolvable parent POM|Plugin .* could not be resolved|Cannot access \S+ in offline mode/,
    'Maven could not get the project’s dependencies or plugins.',
  ],
  [/Could not resolve all (?:files|dependencies)|Could not GET|Could not download/, 'Gradle could not get the project’s dependencies.'],
  [
    /Could not find gem|Bundler::GemNotFound|Run `bundle install` to install missing gems/,
    'The gems are not installed (`bundle install`).',
  ],
  [/vendor\/autoload\.php|vendor\/bin\/\S+: not found/, 'The Composer packages are not installed (no vendor/; `composer install`).'],
  [/error NU1101|error NU1301/, 'The NuGet packages could not be restored (`dotnet restore`).'],
  [
    /Unchecked dependencies for environment|the dependency is not available, run "mix deps.get"/,
    'The Hex packages are not fetched (`mix deps.get`).',
  ],
]

/**
 * pytest's collection errors: an import of a module that is not installed, or that comes from outside
 * the repository, is "could not run"; an import error in the repository's own code is a failure.
 * undefined when the output shows no collection error.
 */
function pythonImport(facts: RunFacts): CouldNotRun | null | undefined {
  const output = facts.output
  if (!/ERROR collecting|errors? during collection|ImportError while importing test module/.test(output)) return undefined
  const cannot = /ImportError: cannot import name '([\w.]+)' from '([\w.]+)' \(([^)]+)\)/.exec(output)
  if (cannot) {
    const [, name, module, path] = cannot
    return inside(facts.root, path!)
      ? null
      : {
          reason: 'import_error',
          sentence: `The tests could not import ${name} from ${module}: ${module} was imported from ${path!.replace(/[/\\]__init__\.py$/, '')}, outside the repository, not from its code.`,
        }
  }
  const missing = /ModuleNotFoundError: No module named '([\w.]+)'/.exec(output)?.[1]
  if (missing && !facts.ownNames.has(missing.split('.')[0]!))
    return {
      reason: 'import_error',
      sentence: `The tests could not import ${missing}: it is not installed here (the project’s dependencies are missing).`,
    }
  return null
}

function inside(root: string, path: string): boolean {
  const normal = (text: string) => text.replace(/[/\\]+$/, '')
  return normal(path).startsWith(`${normal(root)}/`) || normal(path).startsWith(`${normal(root)}\\`)
}
