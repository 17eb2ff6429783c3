// The part of every request that never changes within a session: tool definitions, the system prompt
// and the repository context, marked for prompt caching. Built once and frozen, so it stays
// byte-identical across a session's calls; never includes anything the session adds later.
import { createHash } from 'node:crypto'
import type { TextBlockParam, Tool } from '@anthropic-ai/sdk/resources/messages'

export interface StablePrefix {
  readonly system: readonly TextBlockParam[]
  readonly tools: readonly Tool[]
  /** sha256 of the serialised tools + system, for the "what was sent" record. */
  readonly sha256: string
  readonly chars: number
}

export function buildStablePrefix(systemPrompt: string, contextText: string, tools: readonly Tool[]): StablePrefix {
  // One cache breakpoint at the end of the context caches tools + system prompt + context together.
  const marker = { cache_control: { type: 'ephemeral' as const } }
  const system: TextBlockParam[] = contextText
    ? [{ type: 'text', text: systemPrompt }, { type: 'text', text: contextText, ...marker }]
    : [{ type: 'text', text: systemPrompt, ...marker }]
  const serialised = JSON.stringify({ tools, system })
  return deepFreeze({
    system,
    tools: structuredClone([...tools]),
    sha256: createHash('sha256').update(serialised).digest('hex'),
    chars: systemPrompt.length + contextText.length,
  })
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
