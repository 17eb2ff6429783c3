// The small change's conversations with Claude, on the shared conversation engine (cached prefix,
// bounded cancellable tool loop, budget, redaction): proposing tasks, the editing agent, the commit
// message and the explanation. Never writes to disk: the agent's edits land in the staged copy.
import { z } from 'zod'
import { GembaError } from '../../../../shared/errors.ts'
import { taskSize, type AgentActivity, type RefusedEdit, type TaskProposal } from '../../../../shared/models/change.ts'
import type { AiCallUsage, AiModelProfile, AiStopReason } from '../../../../shared/models/ai.ts'
import { Conversation, createRepoTools, planningEffort, type AiClient, type ConversationOptions, type ToolSet } from '../../ai/index.ts'
import { workingTreeSnapshot } from '../../git/git-layer.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { Spending } from '../../sessions/index.ts'
import { COMMIT_PROMPT, EXPLAIN_PROMPT, PROPOSE_PROMPT, agentPrompt } from './change-prompts.ts'
import { createChangeTools } from '../drafts/editor-tools.ts'
import type { StagedCopy } from '../drafts/staged-copy.ts'

export interface AiRuntime {
  readonly client: AiClient
  readonly model: string
  /** The session's one spending record. */
  readonly spending: Spending
  readonly redactor: Redactor
  /** Requests per agent turn, tool rounds included. */
  readonly maxTurns?: number
  /** Tokens one agent turn may use across its tool rounds. */
  readonly maxTokensPerTurn?: number
  /** What the model can do (Models API): the agent thinks adaptively where it can, and its prefix is cached for the hour. */
  readonly profile?: AiModelProfile
}

/** Room for the agent's adaptive thinking on top of its plan and edits. */
const THINKING_OUTPUT_TOKENS = 16_000

export interface ChangeHandlers {
  onText?(text: string): void
  onActivity?(activity: AgentActivity): void
  /** After each model call, so the session can count the change's tokens and cost. */
  onUsage?(usage: AiCallUsage): void
}

const proposalsSchema = z.object({
  tasks: z
    .array(
      z.object({
        title: z.string().min(1).max(200),
        description: z.string().max(2_000).default(''),
        kind: z.enum(['todo', 'text_or_validation', 'missing_test', 'docs', 'refactor', 'other']).catch('other'),
        files: z.array(z.string().max(1_000)).max(20).default([]),
        effortMinutes: z.number().min(1).max(600).catch(20),
      }),
    )
    .min(1),
})

export function parseProposals(text: string): TaskProposal[] {
  const block = /```(?:json)?\s*\n([\s\S]*?)```/.exec(text)?.[1] ?? text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)
  let parsed: unknown
  try {
    parsed = JSON.parse(block)
  } catch {
    throw new GembaError({ code: 'internal', message: 'Claude’s task list could not be read.', next: 'Try again, or write your own task.' })
  }
  const result = proposalsSchema.safeParse(parsed)
  if (!result.success)
    throw new GembaError({
      code: 'internal',
      message: 'Claude’s task list was not in the expected shape.',
      next: 'Try again, or write your own task.',
    })
  return result.data.tasks.slice(0, 3).map((task, index) => ({
    id: `ai-${index + 1}`,
    ...task,
    effortMinutes: Math.round(task.effortMinutes),
    size: taskSize(Math.round(task.effortMinutes)),
  }))
}

function conversation(
  runtime: AiRuntime,
  systemPrompt: string,
  contextText: string,
  tools?: ReturnType<typeof createRepoTools>,
): Conversation {
  return new Conversation(options(runtime, systemPrompt, contextText, tools))
}

function options(runtime: AiRuntime, systemPrompt: string, contextText: string, tools?: ToolSet): ConversationOptions {
  return {
    client: runtime.client,
    model: runtime.model,
    systemPrompt,
    contextText,
    redactor: runtime.redactor,
    spending: runtime.spending,
    maxTurns: runtime.maxTurns ?? 16,
    maxTokensPerQuestion: runtime.maxTokensPerTurn ?? 300_000,
    ...(tools ? { tools } : {}),
  }
}

function toolHandlers(handlers: ChangeHandlers) {
  return {
    onText: (text: string) => handlers.onText?.(text),
    onToolResult: (result: { ok: boolean; summary: string }) =>
      handlers.onActivity?.({ kind: result.ok ? 'tool' : 'refused', text: result.summary }),
    onUsage: (report: AiCallUsage) => handlers.onUsage?.({ model: report.model, usage: report.usage, cost: report.cost }),
  }
}

export async function proposeWithAi(
  runtime: AiRuntime,
  root: string,
  contextText: string,
  listFiles: () => Promise<readonly string[]>,
  handlers: ChangeHandlers,
  signal: AbortSignal,
): Promise<TaskProposal[]> {
  const thread = conversation(
    runtime,
    PROPOSE_PROMPT,
    contextText,
    createRepoTools({ snapshot: workingTreeSnapshot(root), redactor: runtime.redactor, listFiles }),
  )
  const answer = await thread.ask('Propose three small tasks for my hour in this repository.', toolHandlers(handlers), signal)
  return parseProposals(answer.text)
}

export interface AgentTurn {
  readonly text: string
  /** What the agent wrote after its last tool call: its own account of what it did. */
  readonly summary: string
  readonly stopReason: AiStopReason
  readonly costUsd: number
}

/** The editing agent of one change: a conversation whose edits go to the staged copy. */
export class ChangeAgent {
  readonly #thread: Conversation

  constructor(
    runtime: AiRuntime,
    staged: StagedCopy,
    contextText: string,
    handsOnKeyboard: boolean,
    listFiles: () => Promise<readonly string[]>,
    onRefused: (refusal: RefusedEdit) => void,
  ) {
    const tools = createChangeTools({ staged, redactor: runtime.redactor, listFiles, onRefused })
    const profile = runtime.profile
    // The agent plans before it edits: models with adaptive thinking think (at a planning effort) for
    // the whole conversation (thinking cannot be switched off inside a tool loop). Its prefix is kept
    // for the hour, so a revision after the leader's review reads it from the cache.
    const thinking = profile?.capabilities.adaptiveThinking ? { effort: planningEffort(profile) } : null
    this.#thread = new Conversation({
      ...options(runtime, agentPrompt(handsOnKeyboard), contextText, tools),
      ...(profile ? { cacheTtl: profile.prefixCacheTtl } : {}),
      ...(thinking
        ? { thinking, maxOutputTokens: Math.min(THINKING_OUTPUT_TOKENS, profile?.maxOutputTokens ?? THINKING_OUTPUT_TOKENS) }
        : {}),
    })
  }

  async turn(message: string, handlers: ChangeHandlers, signal: AbortSignal): Promise<AgentTurn> {
    let sinceLastTool = ''
    const tracking = toolHandlers(handlers)
    const answer = await this.#thread.ask(
      message,
      {
        ...tracking,
        onText: (text: string) => {
          sinceLastTool += text
          tracking.onText(text)
        },
        onToolResult: (result: { ok: boolean; summary: string }) => {
          sinceLastTool = ''
          tracking.onToolResult(result)
        },
      },
      signal,
    )
    return { text: answer.text, summary: sinceLastTool.trim(), stopReason: answer.stopReason, costUsd: answer.costUsd }
  }
}

export async function draftCommitMessageWithAi(
  runtime: AiRuntime,
  contextText: string,
  request: string,
  diff: string,
  handlers: Pick<ChangeHandlers, 'onUsage'>,
  signal: AbortSignal,
): Promise<string> {
  const answer = await conversation(runtime, COMMIT_PROMPT, contextText).ask(
    `The leader's request: ${request}\n\nThe change:\n\`\`\`diff\n${diff}\n\`\`\``,
    { onUsage: (report) => handlers.onUsage?.({ model: report.model, usage: report.usage, cost: report.cost }) },
    signal,
  )
  return answer.text.replace(/^```\w*\n?|```$/g, '').trim()
}

export async function explainWithAi(
  runtime: AiRuntime,
  contextText: string,
  request: string,
  diff: string,
  tests: string,
  handlers: ChangeHandlers,
  signal: AbortSignal,
): Promise<string> {
  const answer = await conversation(runtime, EXPLAIN_PROMPT, contextText).ask(
    `The leader's request: ${request}\n\nThe team's tests, as Gemba measured them (say it as it is; never say the tests pass unless this says they passed on this change): ${tests}\n\nThe change:\n\`\`\`diff\n${diff}\n\`\`\``,
    {
      onText: (text) => handlers.onText?.(text),
      onUsage: (report) => handlers.onUsage?.({ model: report.model, usage: report.usage, cost: report.cost }),
    },
    signal,
  )
  return answer.text.trim()
}
