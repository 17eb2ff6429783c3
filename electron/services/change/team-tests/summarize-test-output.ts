// A failed test run in short, read from the output the common runners print: which tests failed and
// the first error, for the top of the test panel (the raw output stays below it). Knows vitest and
// jest, node --test (spec and TAP), pytest, go test, cargo test, RSpec, Maven/Surefire (JUnit) and
// Gradle, and the errors that stop a run before any test (TypeScript, a missing command or module).
// Pure; never guesses a test's name from a line it does not recognise.
import type { TestSummary } from '../../../../shared/models/change.ts'

const MAX_FAILED = 10
const MAX_ERROR = 300
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g

interface Runner {
  readonly name: string
  /** Lines naming a failed test: the name is the first group. */
  readonly failed: readonly RegExp[]
  /** The runner's own count line. */
  readonly counts: RegExp
  /** Lines that start the first error's message. */
  readonly error?: RegExp
}

const RUNNERS: readonly Runner[] = [
  {
    name: 'pytest',
    failed: [/^FAILED (\S+::\S+?)(?: - .*)?$/, /^ERROR (\S+::\S+?)(?: - .*)?$/],
    counts: /^=+ (.*\b(failed|error|errors|passed)\b.*?) =+$/,
    error: /^E\s+(.+)$/,
  },
  { name: 'go test', failed: [/^\s*--- FAIL: (\S+)/], counts: /^(FAIL|ok)\s+\S+\s+[\d.]+s$/, error: /^\s+\S+_test\.go:\d+: (.+)$/ },
  {
    name: 'cargo test',
    failed: [/^test (\S+) \.\.\. FAILED$/],
    counts: /^test result: (FAILED\..*)$/,
    error: /^thread '.*'(?: \(\d+\))? panicked at (.+)$/,
  },
  {
    name: 'rspec',
    failed: [/^rspec (\.\/\S+:\d+) # (.+)$/],
    counts: /^(\d+ examples?, \d+ failures?.*)$/,
    error: /^\s+Failure\/Error: (.+)$/,
  },
  {
    name: 'maven',
    failed: [/^\[ERROR\]\s{2,}(\w[\w.$]*\.\w+(?::\d+)?)\b.*$/, /^\[ERROR\] (\w+\(\S+\))\s+Time elapsed.*FAILURE!?$/],
    counts: /^\[\w+\] (Tests run: \d+, Failures: \d+, Errors: \d+.*)$/,
  },
  { name: 'gradle', failed: [/^(\S+ > .+) FAILED$/], counts: /^(\d+ tests? completed, \d+ failed.*)$/ },
  {
    name: 'vitest',
    failed: [/^\s*FAIL\s+(\S.*?\s>\s.+?)\s*$/, /^\s*[×✗]\s+(.+?)(?:\s+\d+\s*ms)?$/],
    counts: /^\s*Tests\s+(\d+ failed.*)$/,
    error: /^(\w*(?:Error|Exception): .+)$/,
  },
  { name: 'jest', failed: [/^\s*● (.+ › .+)$/], counts: /^Tests:\s+(.*\bfailed\b.*)$/, error: /^\s+(expect\(.+|\w*Error: .+)$/ },
  {
    name: 'node --test',
    failed: [/^not ok \d+ - (.+)$/, /^\s*✖ (.+?)(?: \([\d.]+m?s\))?$/],
    counts: /^(?:#|ℹ) (fail \d+)$/,
    error: /^\s+(?:error: |message: )['"]?(.+?)['"]?$/,
  },
]

/** Errors that stop a run before any test does. */
const STOPPERS: readonly RegExp[] = [
  /\berror (TS\d+: .+)$/,
  /^(.*: (?:command )?not found)$/,
  /^(Error: Cannot find (?:module|package) .+)$/,
  /^(ModuleNotFoundError: .+)$/,
  /^(ImportError: .+)$/,
  /^(SyntaxError: .+)$/,
  /^(error(?:\[E\d+\])?: (?!test failed).+)$/,
  /^(could not compile .+)$/,
]

const GENERIC_ERROR = /\b(\w*(?:Error|Exception)\b:? .+|panicked at .+|assert(?:ion)? .+ failed.*)$/i

function clip(text: string): string {
  const line = text.trim()
  return line.length > MAX_ERROR ? `${line.slice(0, MAX_ERROR - 1)}…` : line
}

export function summarizeTestOutput(output: string): TestSummary {
  const lines = output.replace(ANSI, '').split(/\r?\n/)
  let best: { runner: Runner; failed: string[] } | null = null
  for (const runner of RUNNERS) {
    // The runner's first pattern that names any test wins (vitest's "FAIL file > suite > test" over its "× test").
    for (const pattern of runner.failed) {
      const failed: string[] = []
      for (const line of lines) {
        const match = pattern.exec(line)
        const name = (match?.[2] ? `${match[1]} ${match[2]}` : (match?.[1] ?? '')).trim()
        if (name && !failed.includes(name) && !/^(failing tests|tests? failed)/i.test(name)) failed.push(name)
      }
      if (failed.length > (best?.failed.length ?? 0)) best = { runner, failed }
      if (failed.length > 0) break
    }
  }
  const runner = best?.runner ?? RUNNERS.find((candidate) => lines.some((line) => candidate.counts.test(line))) ?? null
  const counts = runner ? (lines.map((line) => runner.counts.exec(line)?.[1]).find(Boolean) ?? null) : null
  const failed = (best?.failed ?? []).slice(0, MAX_FAILED)
  return {
    failed,
    firstError: firstError(lines, runner, failed.length > 0),
    counts: counts ? clip(counts) : null,
    runner: runner?.name ?? null,
  }
}

/** The first error: the runner's own when tests failed; else what stopped the run before any test did. */
function firstError(lines: readonly string[], runner: Runner | null, testsFailed: boolean): string | null {
  const find = (pattern: RegExp, trim = true): string | null => {
    for (const [index, line] of lines.entries()) {
      const hit = pattern.exec(trim ? line.trim() : line)?.[1]
      if (!hit) continue
      // A YAML block (`error: |-`) or a sentence that goes on ("panicked at x.rs:4:25:") continues on the next line.
      if (/^[|>]-?$/.test(hit.trim()) || hit.trim().endsWith(':')) {
        const next =
          lines
            .slice(index + 1)
            .find((candidate) => candidate.trim() !== '')
            ?.trim() ?? ''
        return clip(/^[|>]-?$/.test(hit.trim()) ? next : `${hit.trim()} ${next}`)
      }
      return clip(hit)
    }
    return null
  }
  const own = runner?.error ? find(runner.error, false) : null
  if (testsFailed && own) return own
  for (const pattern of STOPPERS) {
    const hit = find(pattern)
    if (hit) return hit
  }
  return own ?? find(GENERIC_ERROR)
}
