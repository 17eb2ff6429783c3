// Builds a fresh session for a programme week: every step empty, the clock running on explore.
// Never touches the disk; the service saves what this returns.
import type { CurriculumWeek } from '../../../shared/models/curriculum.ts'
import { SESSION_SCHEMA_VERSION, type Session } from '../../../shared/models/sessions.ts'
import type { StepMinutes } from '../../../shared/models/settings.ts'
import type { RepoKindReading } from '../../../shared/models/repos.ts'

export interface NewSessionInput {
  readonly id: string
  readonly programmeWeek: number
  readonly week: CurriculumWeek
  readonly repo: { readonly id: string; readonly name: string; readonly path: string; readonly commit: string | null }
  /** The kind of codebase `week`'s text was chosen for; null when it could not be read. */
  readonly repoKind?: RepoKindReading | null
  readonly timeboxes: StepMinutes
  readonly offline: boolean
  readonly now: Date
}

export function newSession(input: NewSessionInput): Session {
  const at = input.now.toISOString()
  const step = <P>(minutes: number, payload: P) => ({
    status: 'not_started' as const,
    timeboxMinutes: minutes,
    intervals: [] as { start: string; end: string | null }[],
    payload,
  })
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: input.id,
    programmeWeek: input.programmeWeek,
    weekNumber: input.week.number,
    themeId: input.week.id,
    theme: input.week.theme,
    repo: { ...input.repo },
    repoKind: input.repoKind ? { ...input.repoKind } : null,
    createdAt: at,
    updatedAt: at,
    finishedAt: null,
    status: 'active',
    currentStep: 'explore',
    paused: null,
    steps: {
      explore: {
        ...step(input.timeboxes.explore, {
          walkthrough: '',
          citations: [],
          notes: '',
          questionsAsked: [],
          transcriptRef: null,
          source: null,
        }),
        status: 'in_progress',
        intervals: [{ start: at, end: null }],
      },
      diagram: step(input.timeboxes.diagram, { mermaid: '', caption: '', notes: '', source: null }),
      change: step(input.timeboxes.change, {
        request: '',
        estimateMinutes: null,
        actualMinutes: null,
        branch: null,
        commit: null,
        diff: '',
        testRun: null,
        explanation: '',
        manual: input.offline,
      }),
      reflect: step(input.timeboxes.reflect, {
        markdown: '',
        prefilledAt: null,
        answers: { surprised: '', understood: '', friction: '', aiHelp: '', askTechLead: '' },
        frictionTags: [],
        questionsForTechLead: [],
      }),
    },
    offline: input.offline,
    usage: { inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0, costUsd: 0 },
    journalPath: null,
  }
}
