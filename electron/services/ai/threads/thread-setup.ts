// Everything a coach thread (explore or diagram) starts from, worked out once and identically for the
// preview ("what will be sent") and the thread itself: the model's profile (Models API, else what Gemba
// knows), the context budget it implies, the packed repository context, the "what I already know" note
// (redacted, only as the leader chose), and the stable prefix they make. Sends nothing but, where it
// can, a token count and the model list.
import type { AiModelProfile, AiPurpose, CacheTtl, MemoryNoteView } from '../../../../shared/models/ai.ts'
import type { CoachMemory } from '../../../../shared/models/settings.ts'
import type { AiRuntimeSettings } from '../ai-settings.ts'
import type { AiClient } from '../client/ai-client.ts'
import { buildMemoryNote } from '../memory/memory-note.ts'
import type { PastVisitsSource } from '../memory/past-visits.ts'
import { redactVisits } from '../memory/redact-visits.ts'
import { contextBudgetFor, modelProfile, type ContextBudget } from '../models/model-profile.ts'
import type { Redactor } from '../../secrets/index.ts'
import { buildStablePrefix, type PrefixParts, type StablePrefix } from '../conversation/stable-prefix.ts'
import { COACH_SYSTEM_PROMPT, instructionsFor } from './coach-prompt.ts'
import { requestTokens } from '../tokens/request-tokens.ts'
import { REPO_TOOL_DEFINITIONS } from '../tools/repo-tools.ts'
import type { RepoContext, RepoContextPort } from '../context/repo-context.ts'

export interface ThreadSetupDeps {
  readonly context: RepoContextPort
  readonly profileFor?: (model: string, signal: AbortSignal) => Promise<AiModelProfile>
  readonly pastVisits?: PastVisitsSource
  readonly redactor: Redactor
  /** Overrides the prefix's cache lifetime (the hour-cost bench's 5-minute baseline). */
  readonly prefixCacheTtl?: (profile: AiModelProfile) => CacheTtl
}

export interface ThreadSetupRequest {
  readonly repoId: string
  readonly purpose: AiPurpose
  readonly scope: string | null
  readonly model: string
  readonly contextTokens: number | null
  readonly memory: CoachMemory
}

export interface ThreadSetup {
  readonly profile: AiModelProfile
  readonly budget: ContextBudget
  readonly context: RepoContext
  readonly memory: MemoryNoteView
  /** What Conversation needs besides the client, tools and budget. */
  readonly parts: Omit<PrefixParts, 'tools'>
  readonly prefix: StablePrefix
}

/** A thread's setup with the Settings it was made for and the scope it was checked to. */
export interface PreparedThread {
  readonly settings: AiRuntimeSettings
  /** The scope asked for, normalised and checked to be inside the repository, or null. */
  readonly scope: string | null
  readonly setup: ThreadSetup
}

/**
 * Thread setup with the service's ports bound, for the Settings of the moment and the scope asked for
 * (checked): the threads and the preview both start from it.
 */
export type SetUpThread = (
  request: { readonly repoId: string; readonly purpose: AiPurpose; readonly scope?: string | undefined },
  signal: AbortSignal,
) => Promise<PreparedThread>

export async function threadSetup(deps: ThreadSetupDeps, request: ThreadSetupRequest, signal: AbortSignal): Promise<ThreadSetup> {
  const profile = (await deps.profileFor?.(request.model, signal)) ?? modelProfile(request.model, undefined)
  const budget = contextBudgetFor(profile, request.contextTokens)
  const [context, visits] = await Promise.all([
    deps.context({ repoId: request.repoId, scope: request.scope, purpose: request.purpose, contextTokens: budget.tokens }, signal),
    request.memory === 'off'
      ? Promise.resolve(null)
      : (deps.pastVisits?.(request.repoId, signal).catch(() => null) ?? Promise.resolve(null)),
  ])
  const cleaned = visits ? await redactVisits(visits, deps.redactor) : null
  const note = cleaned ? buildMemoryNote(cleaned.visits, { includeReflections: request.memory === 'with_reflections' }) : null
  // A second pass over the whole note: nothing from the journal reaches a request unredacted.
  const redacted = note ? await deps.redactor.redact('(what I already know)', note) : null
  const memory: MemoryNoteView = {
    choice: request.memory,
    text: redacted?.text ?? null,
    sessions: visits?.sessions.length ?? 0,
    lastVisit: visits?.sessions[0]?.date ?? null,
    redactions: (cleaned?.redactions ?? 0) + (redacted?.redactions.length ?? 0),
  }
  const parts: Omit<PrefixParts, 'tools'> = {
    systemPrompt: COACH_SYSTEM_PROMPT,
    contextText: context.text,
    citations: profile.capabilities.citations,
    commit: context.snapshot.commit,
    memoryNote: memory.text,
    instructions: instructionsFor(request.purpose, { remembers: memory.text !== null }),
    cacheTtl: deps.prefixCacheTtl?.(profile) ?? profile.prefixCacheTtl,
  }
  return { profile, budget, context, memory, parts, prefix: buildStablePrefix({ ...parts, tools: REPO_TOOL_DEFINITIONS }) }
}

/** The prefix's size in tokens: counted by the API where it can be, else estimated (and said which). */
export function prefixTokens(client: AiClient | null, model: string, prefix: StablePrefix, signal: AbortSignal) {
  const count = client
    ? (countSignal: AbortSignal) =>
        client.countTokens(
          {
            model,
            system: prefix.system,
            tools: prefix.tools,
            messages: [{ role: 'user', content: [...prefix.lead, { type: 'text', text: '(your question)' }] }],
          },
          countSignal,
        )
    : null
  return requestTokens(count, prefix.chars + JSON.stringify(prefix.tools).length, signal)
}
