// What the index keeps per session file: the list line, the figures insights need, and the plain
// text that full-text search and its snippets read. Everything here is derived from the file.
import type {
  DeveloperLoop,
  JournalEntrySummary,
  JournalQuestion,
  JournalSessionRecord,
  JournalSnippet,
  JournalStep,
} from '../../../shared/models/journal.ts'
import { testOutcomeOf, type TestOutcome } from '../../../shared/models/change.ts'
import { isoWeekOf } from './iso-week.ts'
import type { JournalFileStat } from './journal-folder.ts'

export type SearchField = JournalSnippet['field']

export const SEARCH_FIELDS: readonly SearchField[] = [
  'theme',
  'repository',
  'tags',
  'walkthrough',
  'diagram',
  'change',
  'tests',
  'explanation',
  'reflection',
  'questions',
  'notes',
  'transcript',
]

/** Enough of a long transcript to find it by; the rest stays in the sidecar. */
const MAX_TRANSCRIPT_CHARS = 200_000

export interface IndexFacts {
  readonly stepMinutes: Readonly<Record<JournalStep, number>>
  readonly timeboxMinutes: Readonly<Record<JournalStep, number>>
  readonly questions: readonly Pick<JournalQuestion, 'id' | 'text' | 'status' | 'answeredAt'>[]
  readonly offline: boolean
  readonly hasReflection: boolean
  /** Lines the leader and the agent added in the session's committed change (null: not recorded). */
  readonly authorship?: { readonly leaderLines: number; readonly agentLines: number } | null
  /** What the change's test run came to (null: no run), with why it could not run. */
  readonly tests?: { readonly outcome: TestOutcome; readonly couldNotRun: string | null } | null
  /** The hour's developer loop as measured (null: nothing measured, or an older entry). */
  readonly loop?: DeveloperLoop | null
}

export interface IndexedEntry {
  readonly summary: JournalEntrySummary
  readonly mtimeMs: number
  readonly size: number
  readonly facts: IndexFacts
  readonly text: Readonly<Record<SearchField, string>>
}

export function indexEntryOf(record: JournalSessionRecord, file: JournalFileStat): IndexedEntry {
  const totalMinutes = Object.values(record.stepMinutes).reduce((sum, value) => sum + value, 0)
  const summary: JournalEntrySummary = {
    id: record.id,
    fileName: file.fileName,
    date: record.date,
    startedAt: record.startedAt,
    week: record.week,
    isoWeek: isoWeekOf(record.date),
    theme: { id: record.theme.id, title: record.theme.title },
    repository: { id: record.repository.id, name: record.repository.name, commit: record.repository.commit },
    frictionTags: [...record.frictionTags],
    effort: { ...record.effort },
    totalMinutes: Math.round(totalMinutes * 10) / 10,
    costUsd: record.usage.costUsd,
    openQuestions: record.questions.filter((question) => question.status === 'open').length,
    hasDiagram: record.diagram !== null,
    hasChange: record.change !== null,
    excerpt: excerptOf(record.reflection || record.walkthrough?.markdown || ''),
  }
  return {
    summary,
    mtimeMs: file.mtimeMs,
    size: file.size,
    facts: {
      stepMinutes: { ...record.stepMinutes },
      timeboxMinutes: { ...record.timeboxMinutes },
      questions: record.questions.map(({ id, text, status, answeredAt }) => ({
        id,
        text,
        status,
        ...(answeredAt === undefined ? {} : { answeredAt }),
      })),
      offline: record.offline,
      hasReflection: record.reflection.trim().length > 0,
      authorship: record.change?.authorship ?? null,
      tests: record.change?.testRun ? testsFact(record.change.testRun) : null,
      loop: record.loop ?? null,
    },
    text: {
      theme: record.theme.title,
      repository: record.repository.name,
      tags: record.frictionTags.join(' '),
      walkthrough: record.walkthrough?.markdown ?? '',
      diagram: [record.diagram?.caption ?? '', record.diagram?.mermaid ?? ''].join('\n').trim(),
      change: record.change ? `${record.change.request}\n${record.change.diff}` : '',
      tests: testRunText(record.change?.testRun ?? null),
      explanation: record.change?.explanation ?? '',
      reflection: record.reflection,
      questions: record.questions.map((question) => question.text).join('\n'),
      notes: [record.notes?.explore ?? '', record.notes?.diagram ?? '', ...(record.questionsAsked ?? [])].join('\n').trim(),
      // The coach's conversations (the sidecar): an answer not kept as the record is still found.
      transcript: record.transcript
        .filter((entry) => entry.role === 'leader' || entry.role === 'coach')
        .map((entry) => entry.text)
        .join('\n')
        .slice(0, MAX_TRANSCRIPT_CHARS),
    },
  }
}

/** The test run as the entry shows it: the command, the failing tests, the first error and the output's tail. */
function testRunText(run: NonNullable<JournalSessionRecord['change']>['testRun']): string {
  if (!run) return ''
  return [run.command, ...(run.failed ?? []), run.firstError ?? '', run.outputTail].filter(Boolean).join('\n')
}

function testsFact(run: NonNullable<NonNullable<JournalSessionRecord['change']>['testRun']>): IndexFacts['tests'] {
  const { outcome, couldNotRun } = testOutcomeOf(run)
  return { outcome, couldNotRun: couldNotRun?.sentence ?? null }
}

/** Plain text from Markdown: good enough for a one-line preview, not a renderer. */
export function excerptOf(markdown: string, length = 160): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[#>*_`~[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length <= length ? plain : `${plain.slice(0, length - 1).trimEnd()}…`
}
