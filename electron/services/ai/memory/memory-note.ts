// The coach's short "what I already know" note for a repository the leader visited before, built from
// their journal: per past session (newest first, at most three) what they looked at, the files they
// changed, the questions they had answered, their friction tags and, if they allow it, their
// reflection; then what changed since the last one. Pure and deterministic (the cached prefix depends
// on it); the caller redacts it and shows it to the leader before it is sent. Never longer than a page.
import { testOutcomeOf } from '../../../../shared/models/change.ts'
import type { JournalSessionRecord } from '../../../../shared/models/journal.ts'
import type { PastVisits, SinceLastVisit } from './past-visits.ts'
import { diffPaths } from '../../../../shared/diff/unified-diff.ts'

export const MEMORY_TAG = 'what_i_already_know'
const MAX_SESSIONS = 3
const MAX_REFLECTION_CHARS = 400
const MAX_ANSWER_CHARS = 200
const MAX_PATHS = 6

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max
    ? flat
    : `${flat.slice(0, flat.lastIndexOf(' ', max - 1) > max / 2 ? flat.lastIndexOf(' ', max - 1) : max - 1)}…`
}
const quoted = (text: string, max: number) => `“${clip(text, max)}”`
const list = (paths: readonly string[]) =>
  paths.length > MAX_PATHS ? `${paths.slice(0, MAX_PATHS).join(', ')} and ${paths.length - MAX_PATHS} more` : paths.join(', ')

/** The files a session's change touched, from its diff. */
export function changedFiles(record: JournalSessionRecord): string[] {
  return diffPaths(record.change?.diff ?? '')
}

/** The files a session's walkthrough cited, in order (a citation the repository did not confirm names no file looked at). */
export function lookedAt(record: JournalSessionRecord): string[] {
  const confirmed = (record.walkthrough?.citations ?? []).filter((citation) => !citation.mark)
  return [...new Set(confirmed.map((citation) => citation.path.replace(/^\.\//, '')))]
}

function sessionLines(record: JournalSessionRecord, includeReflections: boolean): string[] {
  const out = [`- ${record.date}, week ${record.week}, “${record.theme.title}”, at commit ${record.repository.commit.slice(0, 12)}:`]
  const looked = lookedAt(record)
  if (looked.length) out.push(`  - Looked at: ${list(looked)}`)
  const changed = changedFiles(record)
  if (record.change && changed.length) {
    const tests = record.change.testRun ? testsClause(record.change.testRun) : ''
    out.push(
      `  - Changed: ${list(changed)} (${quoted(record.change.request, 120)}${record.change.branch ? ` on ${record.change.branch}` : ''}${tests})`,
    )
  }
  for (const question of record.questions.filter((q) => q.status === 'answered' && q.answer).slice(0, 3)) {
    out.push(`  - Answered: ${quoted(question.text, 160)} — ${quoted(question.answer!, MAX_ANSWER_CHARS)}`)
  }
  const open = record.questions.filter((q) => q.status === 'open')
  if (open.length)
    out.push(
      `  - Still open: ${open
        .slice(0, 2)
        .map((q) => quoted(q.text, 120))
        .join('; ')}`,
    )
  if (record.frictionTags.length) out.push(`  - Friction they noted: ${record.frictionTags.join(', ')}`)
  if (includeReflections && record.reflection.trim()) out.push(`  - Their reflection: ${quoted(record.reflection, MAX_REFLECTION_CHARS)}`)
  return out
}

/** What the tests said, as the journal says it: a run that could not run is no failure of the change. */
function testsClause(run: NonNullable<NonNullable<JournalSessionRecord['change']>['testRun']>): string {
  const { outcome, couldNotRun } = testOutcomeOf(run)
  if (outcome === 'passed') return '; the tests passed'
  if (outcome === 'failed') return '; the tests failed'
  return `; the tests could not run there (${clip(couldNotRun?.sentence ?? 'they did not finish', 120).replace(/\.$/, '')}), so nothing is known of them`
}

function sinceLines(since: SinceLastVisit): string[] {
  const range = `${since.fromCommit.slice(0, 12)} → ${since.toCommit.slice(0, 12)}`
  if (since.commits.length === 0) return [`Since the last session (${range}): no new commits.`]
  const count = `${since.commits.length}${since.truncated ? '+' : ''} commit${since.commits.length === 1 ? '' : 's'}`
  const recent = since.commits
    .slice(0, 3)
    .map((commit) => `${quoted(commit.subject, 90)} (${commit.date})`)
    .join('; ')
  const files = since.changedPaths.length
    ? ` Of the files above, these changed: ${list(since.changedPaths)}.`
    : ' None of the files above changed.'
  return [`Since the last session (${range}): ${count}, the latest ${recent}.${files}`]
}

/** The note, or null when there is no past session to draw on. */
export function buildMemoryNote(visits: PastVisits, options: { readonly includeReflections: boolean }): string | null {
  const sessions = visits.sessions.slice(0, MAX_SESSIONS)
  if (sessions.length === 0) return null
  return [
    `<${MEMORY_TAG}>`,
    `The leader has been in this repository before. From their journal, newest first${options.includeReflections ? '' : ' (their reflections left out, as they chose)'}:`,
    ...sessions.flatMap((record) => sessionLines(record, options.includeReflections)),
    ...(visits.since ? sinceLines(visits.since) : []),
    `</${MEMORY_TAG}>`,
  ].join('\n')
}
