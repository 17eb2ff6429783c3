// "Rerun the failing tests": the team's command narrowed to the tests that failed, by the runner's own
// filter — pytest's --last-failed, a name pattern for vitest, jest and node --test, go test's -run,
// cargo test's exact names, RSpec's locations — appended where the command hands its arguments to the
// runner (a package.json script through `--` for npm). A command whose runner is hidden behind a task
// runner, or a runner Gemba has no filter for, reruns whole: `filtered` says which. Pure.
import type { TestSummary } from '../../../../shared/models/change.ts'
import { commandParts, unwrapRunner } from './plan/command-kinds.ts'

export interface Rerun {
  readonly command: string
  /** Only the failing tests run (the runner's filter); false: the whole command runs again. */
  readonly filtered: boolean
}

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** How to rerun the failing tests of a run of `command` that failed with `summary`; null when no test failed by name. */
export function rerunCommand(command: string, summary: TestSummary | null): Rerun | null {
  const failed = summary?.failed ?? []
  if (failed.length === 0) return null
  const whole: Rerun = { command, filtered: false }
  const parts = commandParts(command)
  const last = unwrapRunner(parts.at(-1) ?? '')
  const script = /^(npm|pnpm|yarn|bun)\s+(?:run(?:-script)?\s+)?test\S*(?:\s|$)/.exec(last)?.[1]
  const direct = script ? null : last
  const runner = summary?.runner ?? null
  const args = filterArgs(runner, failed, direct)
  if (!args) return whole
  // A script passes what follows to its command; npm needs `--` for that, the others take them as they are.
  const separator = script === 'npm' && !/\s--(\s|$)/.test(last) ? ' --' : ''
  if (!script && !runnerNamed(runner, last)) return whole
  // Node reads its own options only before the files it runs: the pattern goes right after --test.
  if (!script && runner === 'node --test')
    return { command: command.replace(/(^|\s)node\s+--test\b/, (found) => `${found} ${args}`), filtered: true }
  return { command: `${command}${separator} ${args}`, filtered: true }
}

/** The command line itself runs this runner (not `make test`, not a script of another name). */
function runnerNamed(runner: string | null, part: string): boolean {
  switch (runner) {
    case 'pytest':
      return /(^|\s|-m\s+)(pytest|py\.test)\b/.test(part)
    case 'vitest':
    case 'jest':
      return new RegExp(`(^|\\s|/)${runner}\\b`).test(part)
    case 'node --test':
      return /^node\s+--test\b/.test(part)
    case 'go test':
      return /^go\s+test\b/.test(part)
    case 'cargo test':
      return /^cargo\s+test\b/.test(part)
    case 'rspec':
      return /(^|\s)rspec\s*$/.test(part)
    default:
      return false
  }
}

function filterArgs(runner: string | null, failed: readonly string[], direct: string | null): string | null {
  const lastName = (name: string, separator: RegExp) => name.split(separator).at(-1)!.trim()
  switch (runner) {
    case 'pytest':
      return '--last-failed'
    case 'vitest':
      return `-t ${quote(`^(?:.* )?(?:${failed.map((name) => escapeRegex(lastName(name, / > /))).join('|')})$`)}`
    case 'jest':
      return `-t ${quote(`(?:${failed.map((name) => escapeRegex(lastName(name, / › /))).join('|')})$`)}`
    case 'node --test':
      return `--test-name-pattern=${quote(`^(?:${failed.map(escapeRegex).join('|')})$`)}`
    case 'go test':
      return `-run ${quote(`^(?:${[...new Set(failed.map((name) => escapeRegex(name.split('/')[0]!)))].join('|')})$`)}`
    case 'cargo test':
      return `${direct && /\s--(\s|$)/.test(direct) ? '' : '-- '}--exact ${failed.map(quote).join(' ')}`
    case 'rspec':
      return failed.map((location) => quote(location)).join(' ')
    default:
      return null
  }
}
