// Journal channels: the list and full-text search, one session in full, the reflection edit, the
// look-back, insights, the quarterly roll-up, exports, problems and the pending-entry flush.
import { z } from 'zod'
import { channel } from '../contract.ts'
import type {
  TechLeadNote,
  JournalDriftView,
  JournalEntrySummary,
  JournalExportResult,
  JournalFlushResult,
  JournalInsights,
  JournalListResult,
  JournalProblemsView,
  JournalRollup,
  JournalSearchResult,
  JournalSessionView,
  JournalShareSummary,
} from '../models/journal.ts'

const sessionId = z.string().min(1).max(200)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-24.')

export const journalFilterSchema = z
  .object({
    repositoryId: z.string().min(1).max(200).optional(),
    themeId: z.string().min(1).max(200).optional(),
    tag: z.string().min(1).max(60).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict()

export const journalChannels = {
  list: channel<JournalListResult>()({
    description: 'Past sessions, newest first, filtered by repository, theme, friction tag and date range.',
    input: z
      .object({
        filter: journalFilterSchema.optional(),
        limit: z.number().int().min(1).max(5000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
  }),
  search: channel<JournalSearchResult>()({
    description: 'Full-text search over every session, with highlighted snippets of the matches.',
    input: z
      .object({
        query: z.string().trim().min(1, 'Type something to search for.').max(500),
        filter: journalFilterSchema.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  }),
  get: channel<JournalSessionView>()({
    description: 'One session with everything it holds: walkthrough, diagram, change, test run, reflection, transcript.',
    input: z.object({ id: sessionId }).strict(),
  }),
  updateReflection: channel<JournalSessionView>()({
    description: 'Replaces the reflection of one session; the rest of its file stays byte for byte as it was.',
    input: z.object({ id: sessionId, reflection: z.string().max(200_000) }).strict(),
    events: ['journal.changed'],
  }),
  drift: channel<JournalDriftView>()({
    description:
      'How the code a session cited has changed since its commit: each citation re-anchored to the repository as it is now (by content, following renames): unchanged, moved, changed or vanished, with where it is now.',
    input: z.object({ id: sessionId }).strict(),
  }),
  lookBack: channel<JournalEntrySummary | null>()({
    description: 'The session from the same repository about a quarter before this one, if there is one.',
    input: z.object({ id: sessionId }).strict(),
  }),
  insights: channel<JournalInsights>()({
    description: 'Trends from the journal files: weeks practised in a year, effort calibration, friction, questions, time per step.',
    input: z
      .object({
        year: z.number().int().min(2000).max(2100).optional(),
        marks: z
          .array(z.object({ isoWeek: z.string().regex(/^\d{4}-W\d{2}$/), status: z.enum(['skipped', 'paused']) }).strict())
          .max(1000)
          .optional(),
      })
      .strict(),
  }),
  rollup: channel<JournalRollup>()({
    description: 'A quarter at a glance: themes, repositories, friction, effort calibration and open questions.',
    input: z
      .object({
        quarter: z
          .string()
          .regex(/^\d{4}-Q[1-4]$/, 'Use a quarter such as 2026-Q4.')
          .optional(),
      })
      .strict(),
  }),
  exportMarkdown: channel<JournalExportResult>()({
    description: 'Copies sessions (by id or date range) as Markdown files, with their diagram SVGs, into a folder.',
    input: z
      .object({
        folder: z.string().trim().min(1).max(4096),
        ids: z.array(sessionId).max(5000).optional(),
        from: day.optional(),
        to: day.optional(),
      })
      .strict(),
  }),
  summary: channel<JournalShareSummary>()({
    description: 'A one-page summary of the last weeks to share with tech leads; private reflections are left out unless included.',
    input: z
      .object({
        weeks: z.number().int().min(1).max(104),
        includeReflections: z.boolean().optional(),
      })
      .strict(),
  }),
  exportSummary: channel<JournalExportResult>()({
    description: 'Writes the one-page summary of the last weeks as a Markdown file into a folder (reflections only when included).',
    input: z
      .object({
        folder: z.string().trim().min(1).max(4096),
        weeks: z.number().int().min(1).max(104),
        includeReflections: z.boolean().optional(),
      })
      .strict(),
  }),
  techLeadNote: channel<TechLeadNote>()({
    description:
      "A note for a repository's tech lead in Markdown: the facts of the leader's last hours there, their friction notes and open questions, written plainly and without blame.",
    input: z.object({ repositoryId: z.string().min(1).max(200) }).strict(),
  }),
  problems: channel<JournalProblemsView>()({
    description: 'Journal files that could not be read (skipped, never touched) and entries waiting to be written.',
    input: z.object({}).strict(),
  }),
  flushPending: channel<JournalFlushResult>()({
    description: 'Writes the entries that waited in the data folder to the journal folder, where it can be used again.',
    input: z.object({}).strict(),
    events: ['journal.changed'],
  }),
} as const
