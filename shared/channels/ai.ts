// AI coach channels: the model list, threads (explore or diagram, scoped to a repository), questions
// streamed as events, and the record of what was sent. The API key never crosses this boundary.
import { z } from 'zod'
import { channel } from '../contract.ts'
import type {
  ApiKeyTest,
  AiAnswer,
  AiContextPreview,
  AiModelChoice,
  AiModelInfo,
  AiNextCallEstimate,
  AiRequestRecord,
  AiThreadView,
  CitationCheck,
  RepoContextSettings,
  RepoFileView,
} from '../models/ai.ts'

const repoId = z.string().min(1).max(100)
const repoPath = z.string().max(1024)
const globs = z.array(z.string().trim().min(1).max(300)).max(50)
const threadId = z.string().regex(/^[a-z0-9-]{8,80}$/, 'That is not a thread id.')
const callId = z.string()

const usage = z.object({
  inputTokens: z.number(),
  cacheWriteTokens: z.number(),
  cacheReadTokens: z.number(),
  outputTokens: z.number(),
  cacheWrite1hTokens: z.number().optional(),
})
const sentFile = z.object({ path: z.string(), bytes: z.number() })
const redaction = z.object({ path: z.string(), line: z.number(), rule: z.string() })

/** Events of the ai domain, with their payload schemas (spread into `events` in shared/api.ts). */
export const aiEvents = {
  'ai.delta': z.object({ callId, threadId: z.string(), text: z.string() }),
  'ai.toolCall': z.object({ callId, threadId: z.string(), id: z.string(), name: z.string(), input: z.record(z.string(), z.unknown()) }),
  'ai.toolResult': z.object({
    callId,
    threadId: z.string(),
    id: z.string(),
    name: z.string(),
    ok: z.boolean(),
    summary: z.string(),
    files: z.array(sentFile),
    redactions: z.array(redaction),
  }),
  'ai.usage': z.object({
    callId,
    threadId: z.string(),
    model: z.string(),
    usage,
    cost: z.object({ usd: z.number(), priced: z.boolean(), priceRow: z.string() }),
    sessionUsage: usage,
    sessionCostUsd: z.number(),
    sessionBudgetUsd: z.number(),
  }),
  'ai.retry': z.object({
    callId,
    threadId: z.string(),
    attempt: z.number(),
    waitSeconds: z.number(),
    reason: z.enum(['rate_limited', 'overloaded', 'unavailable']),
  }),
} as const

const askEvents = ['ai.delta', 'ai.toolCall', 'ai.toolResult', 'ai.usage', 'ai.retry']

export const aiChannels = {
  models: channel<readonly AiModelInfo[]>()({
    description: 'The models the configured key and endpoint offer (Anthropic Models API).',
    input: z.object({}).strict(),
  }),
  testKey: channel<ApiKeyTest>()({
    description:
      'Tests an API key with one Models API call (nothing generated, nothing spent): the key typed in Settings before it is saved, or the saved one. Answers valid, invalid, no network or another problem in a sentence; never returns the key.',
    input: z.object({ key: z.string().trim().min(1).max(400).optional() }).strict(),
  }),
  modelChoice: channel<AiModelChoice>()({
    description:
      'How Gemba uses a model (default: the one in Settings): its context window, output limit and capabilities from the Models API (cached; offline, what Gemba knows of its family), and the repository context budget that follows.',
    input: z
      .object({
        model: z.string().trim().min(1).max(200).optional(),
        /** The budget to judge (default: the one in Settings); null is automatic. */
        contextTokens: z.number().int().min(4_000).max(400_000).nullable().optional(),
      })
      .strict(),
  }),
  startThread: channel<AiThreadView>()({
    description:
      'Opens an AI thread on a repository for a step (explore or diagram): packs the repository context once (secrets excluded or redacted); nothing is sent yet.',
    input: z
      .object({
        repoId: z.string().min(1).max(100),
        purpose: z.enum(['explore', 'diagram']),
        /** Limits the context to one folder or module. */
        scope: z.string().trim().min(1).max(1024).optional(),
        /** The Gemba session whose budget this thread spends; defaults to the thread alone. */
        sessionId: z.string().min(1).max(100).optional(),
      })
      .strict(),
  }),
  ask: channel<AiAnswer>()({
    description: 'Asks a question in a thread; the answer streams as ai.delta events, tool calls as ai.toolCall/ai.toolResult.',
    input: z.object({ threadId, question: z.string().trim().min(1, 'Ask a question.').max(20_000) }).strict(),
    events: askEvents,
  }),
  sent: channel<readonly AiRequestRecord[]>()({
    description:
      'What each request of a thread carried: files and sizes, redactions, excluded files, usage and cost; read from the kept thread file once the thread is closed or the app restarted.',
    input: z.object({ threadId }).strict(),
  }),
  preview: channel<AiContextPreview>()({
    description:
      "Exactly what a new thread would send first (system prompt, packed repository context and the 'what I already know' note, secrets redacted), with its size and estimated cost. Nothing is sent unless `count` asks Anthropic's token counter for the exact size (it generates nothing).",
    input: z
      .object({
        repoId,
        purpose: z.enum(['explore', 'diagram']),
        scope: z.string().trim().min(1).max(1024).optional(),
        count: z.boolean().optional(),
      })
      .strict(),
  }),
  estimate: channel<AiNextCallEstimate>()({
    description:
      'The size and estimated cost of the next question in an open thread (the cached prefix and conversation, plus the question); nothing is sent.',
    input: z.object({ threadId, question: z.string().max(20_000).optional() }).strict(),
  }),
  contextSettings: channel<RepoContextSettings>()({
    description: "A repository's context settings for the coach: the scope folder and include/exclude globs.",
    input: z.object({ repoId }).strict(),
  }),
  setContextSettings: channel<RepoContextSettings>()({
    description: "Saves a repository's context settings (scope folder, include/exclude globs); later threads use them.",
    input: z.object({ repoId, scope: z.string().trim().min(1).max(1024).nullable(), include: globs, exclude: globs }).strict(),
  }),
  readFile: channel<RepoFileView>()({
    description:
      'A repository file (or folder listing) for the read-only viewer, confined to the repository, secrets withheld or redacted, read as the open coach thread named read it (else as the repository is now) and saying which revision it shows.',
    input: z
      .object({
        repoId,
        path: repoPath,
        threadId: threadId.optional(),
        /** The Gemba session the leader opened it in: the file's path is kept with the session. */
        sessionId: z.string().min(1).max(100).optional(),
      })
      .strict(),
  }),
  verifyCitations: channel<readonly CitationCheck[]>()({
    description:
      'Checks path:line citations against the repository as the open coach thread named read it, else at a commit (default: HEAD), files that differ from it in the working tree: the file exists and the line is within it.',
    input: z
      .object({
        repoId,
        threadId: threadId.optional(),
        commit: z
          .string()
          .regex(/^[0-9a-f]{7,64}$/)
          .nullable()
          .optional(),
        citations: z
          .array(z.object({ path: repoPath.min(1), line: z.number().int().min(0).max(10_000_000).nullable().optional() }).strict())
          .max(300),
      })
      .strict(),
  }),
  openInEditor: channel<{ readonly url: string; readonly opened: boolean }>()({
    description:
      "Opens a repository file at a line in the leader's editor (VS Code or JetBrains URL scheme) where the app can; answers the URL.",
    input: z
      .object({
        repoId,
        path: repoPath.min(1),
        line: z.number().int().min(1).nullable().optional(),
        editor: z.enum(['vscode', 'jetbrains']),
      })
      .strict(),
  }),
  closeThread: channel<{ readonly closed: boolean }>()({
    description: 'Forgets a thread (its records should have been saved with the session).',
    input: z.object({ threadId }).strict(),
  }),
} as const
