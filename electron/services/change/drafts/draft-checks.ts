// Gemba's own checks of what the agent did, shown next to its words before the leader commits:
// edits it refused that the change still lacks, files the agent's summary says it changed that the
// diff does not touch, imports of files nobody wrote, a change without a test where the team has
// tests, the hands-on piece missing (or doubled), and tests that cannot run here yet. Pure: the
// caller gives the repository's files and the readiness of its tests.
import type { DraftCheck, FileChange, RefusedEdit, TestReadiness } from '../../../../shared/models/change.ts'
import { LEADER_MARKER } from './staged-copy.ts'
import { missingImports } from './missing-imports.ts'
import { isTestPath } from '../tasks/test-paths.ts'

export interface DraftFacts {
  readonly files: readonly FileChange[]
  /** The staged text of each changed file (null: deleted). */
  readonly texts: ReadonlyMap<string, string | null>
  readonly refused: readonly RefusedEdit[]
  /** What the agent said after its last edit, each time it finished a turn. */
  readonly summaries: readonly string[]
  readonly tracked: readonly string[]
  readonly handsOnKeyboard: boolean
  readonly readiness: TestReadiness | null
}

const CLAIM =
  /\b(add(?:s|ed)?|creat(?:e|es|ed)|wr(?:ote|ite|ites)|chang(?:e|es|ed)|updat(?:e|es|ed)|fix(?:es|ed)?|modif(?:y|ies|ied)|remov(?:e|es|ed)|delet(?:e|es|ed)|renam(?:e|es|ed)|new)\b/i
const NEGATED = /\b(not|never|could ?n[o']t|couldn['’]t|didn['’]t|refused|failed|unable|without)\b/i
const PATH_LIKE =
  /`([^`\s]+)`|(?<![\w/.-])((?:[\w.-]+\/)+[\w.-]+\.[a-z0-9]{1,6}|[\w-]+\.(?:js|ts|tsx|jsx|py|go|rs|rb|java|kt|cs|php|md))(?::\d+)?(?![\w/])/g

/** Paths a summary says were changed, but that the change does not touch. */
export function claimedNotInDiff(summary: string, changed: ReadonlySet<string>, tracked: ReadonlySet<string>): string[] {
  const claimed = new Set<string>()
  for (const sentence of summary.split(/(?<=[.!?])\s+|\n+/)) {
    if (!CLAIM.test(sentence) || NEGATED.test(sentence)) continue
    for (const match of sentence.matchAll(PATH_LIKE)) {
      const path = (match[1] ?? match[2] ?? '').replace(/:\d+(-\d+)?$/, '').replace(/^\.\//, '')
      if (!/[./]/.test(path) || changed.has(path)) continue
      const known = tracked.has(path) || [...tracked].some((file) => file.endsWith(`/${path}`))
      const inChange = [...changed].some((file) => file.endsWith(`/${path}`))
      if (!inChange && (known || /\//.test(path))) claimed.add(path)
    }
  }
  return [...claimed]
}

export function draftChecks(facts: DraftFacts): DraftCheck[] {
  const checks: DraftCheck[] = []
  const changed = new Set(facts.files.map((file) => file.path))
  const tracked = new Set(facts.tracked)
  const standing = facts.refused.filter((refusal) => !changed.has(refusal.path))
  for (const refusal of standing) {
    checks.push({
      kind: 'refused',
      message: `Gemba refused the agent’s ${refusal.command} of ${refusal.path}: ${refusal.reason.replace(/\.\s*$/, '')}. The change stands without it.`,
      paths: [refusal.path],
    })
  }
  const claims = [...new Set(facts.summaries.flatMap((summary) => claimedNotInDiff(summary, changed, tracked)))]
  if (claims.length > 0) {
    checks.push({
      kind: 'claimed_not_in_diff',
      message: `The agent says it changed ${claims.join(', ')}, but the change does not touch ${claims.length === 1 ? 'it' : 'them'}.`,
      paths: claims,
    })
  }
  const written = new Set([...facts.texts].filter(([, text]) => text !== null).map(([path]) => path))
  const deleted = new Set([...facts.texts].filter(([, text]) => text === null).map(([path]) => path))
  const exists = (path: string) => written.has(path) || (tracked.has(path) && !deleted.has(path))
  const texts = [...facts.texts].flatMap(([path, text]) => (text === null ? [] : [{ path, text }]))
  for (const missing of missingImports(texts, exists, [...tracked, ...written])) {
    const what = isTestPath(missing.path) ? 'The test' : 'The file'
    checks.push({
      kind: 'missing_import',
      message: `${what} ${missing.path} imports ${missing.specifier}, which exists neither in the repository nor in the change: it fails before it runs.`,
      paths: [missing.path],
    })
  }
  const teamHasTests = facts.tracked.some(isTestPath)
  if (teamHasTests && facts.files.length > 0 && !facts.files.some((file) => isTestPath(file.path))) {
    checks.push({
      kind: 'no_test',
      message: 'The change adds or updates no test, though the team has tests: nothing here proves it works.',
    })
  }
  if (facts.handsOnKeyboard) {
    const pieces = texts.reduce((count, file) => count + file.text.split(LEADER_MARKER).length - 1, 0)
    if (pieces !== 1)
      checks.push({
        kind: 'no_leader_piece',
        message:
          pieces === 0
            ? 'The agent left no TODO(human) piece for you to write.'
            : `The agent left ${pieces} TODO(human) pieces; it was asked for one.`,
      })
  }
  if (facts.readiness && !facts.readiness.ready) {
    const { blocked, problems, missing, steps } = facts.readiness
    const pending = steps.filter((step) => step.done !== true).map((step) => `\`${step.command}\``)
    const why = blocked?.sentence ?? problems[0] ?? (missing[0] ? `${missing[0].tool} is not installed.` : 'something is missing.')
    const next =
      pending.length > 0
        ? ` The setup (${pending.join(', then ')}) gets there.`
        : missing[0]
          ? ` ${missing[0].tool}: ${missing[0].how}.`
          : ''
    checks.push({ kind: 'tests_not_ready', message: `The team’s tests cannot run here yet: ${why}${next}` })
  }
  return checks
}
