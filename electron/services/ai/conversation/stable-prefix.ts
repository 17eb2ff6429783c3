// The part of every request that never changes within a thread: tool definitions, the system prompt,
// then the opening of the first user message (the lead): the repository context (its files as
// search_result blocks with citations on models that support them, else as one text block), the
// "what I already know" note, and the step's instructions. Built once and frozen, so it stays
// byte-identical across a thread's calls; never includes anything the session adds later.
//
// Cache breakpoints: one after the repository context and one after the note, both with the prefix
// lifetime (1 hour where the model supports it), so the explore and diagram threads of a session share
// the cached context, and a changed note does not cost the context again. The conversation adds the
// moving 5-minute breakpoint after them (longer lifetimes must come first).
import { createHash } from 'node:crypto'
import type { ContentBlockParam, TextBlockParam, Tool } from '@anthropic-ai/sdk/resources/messages'
import type { CacheTtl } from '../../../../shared/models/ai.ts'
import { splitContext } from '../citations/context-blocks.ts'
import { searchResultOf, shortRevision, type SourceRecord } from '../citations/excerpt-blocks.ts'

export interface PrefixParts {
  readonly systemPrompt: string
  /** The packed, already-redacted repository context. */
  readonly contextText: string
  readonly tools: readonly Tool[]
  /** Send the context's files as search results with citations enabled. */
  readonly citations?: boolean
  /** The commit the context was packed at. */
  readonly commit?: string | null
  /** "What I already know" from past sessions, already redacted. */
  readonly memoryNote?: string | null
  /** The step's own instructions (explore, diagram), after the shared part. */
  readonly instructions?: string | null
  readonly cacheTtl?: CacheTtl
}

export interface StablePrefix {
  readonly system: readonly TextBlockParam[]
  readonly tools: readonly Tool[]
  /** Opens the first user message of the thread. */
  readonly lead: readonly ContentBlockParam[]
  /** The search_result blocks of the lead, in order (their index is the API's search_result_index). */
  readonly sources: readonly SourceRecord[]
  /** sha256 of the serialised tools + system + lead, for the "what was sent" record. */
  readonly sha256: string
  readonly chars: number
}

function marker(ttl: CacheTtl) {
  // A 5-minute breakpoint is sent without ttl: every Anthropic-compatible server accepts that form.
  return { cache_control: ttl === '1h' ? { type: 'ephemeral' as const, ttl: '1h' as const } : { type: 'ephemeral' as const } }
}

function contextBlocks(parts: PrefixParts): { blocks: ContentBlockParam[]; sources: SourceRecord[] } {
  if (!parts.contextText) return { blocks: [], sources: [] }
  const split = parts.citations ? splitContext(parts.contextText) : null
  if (!split || split.files.length === 0) return { blocks: [{ type: 'text', text: parts.contextText }], sources: [] }
  const revision = shortRevision(parts.commit)
  const results = split.files.map((file) => searchResultOf(file, revision))
  const blocks: ContentBlockParam[] = []
  if (split.overview.trim()) blocks.push({ type: 'text', text: split.overview })
  blocks.push(...results.map((result) => result.block))
  if (split.rest.trim()) blocks.push({ type: 'text', text: split.rest })
  return { blocks, sources: results.map((result) => result.source) }
}

export function buildStablePrefix(parts: PrefixParts): StablePrefix {
  const ttl = parts.cacheTtl ?? '5m'
  const context = contextBlocks(parts)
  const lead: ContentBlockParam[] = [...context.blocks]
  if (lead.length > 0) lead[lead.length - 1] = { ...lead.at(-1)!, ...marker(ttl) } as ContentBlockParam
  if (parts.memoryNote) lead.push({ type: 'text', text: parts.memoryNote, ...marker(ttl) })
  const system: TextBlockParam[] = [{ type: 'text', text: parts.systemPrompt, ...(lead.length === 0 ? marker(ttl) : {}) }]
  if (parts.instructions) lead.push({ type: 'text', text: parts.instructions })
  const tools = structuredClone([...parts.tools])
  const serialised = JSON.stringify({ tools, system, lead })
  return deepFreeze({
    system,
    tools,
    lead,
    sources: context.sources,
    sha256: createHash('sha256').update(serialised).digest('hex'),
    chars: parts.systemPrompt.length + parts.contextText.length + (parts.memoryNote?.length ?? 0) + (parts.instructions?.length ?? 0),
  })
}

/** The prefix as text, exactly what it carries, for "What will be sent". */
export function prefixText(prefix: StablePrefix): string {
  const out = prefix.system.map((block) => block.text)
  for (const block of prefix.lead) {
    if (block.type === 'text') out.push(block.text)
    else if (block.type === 'search_result')
      out.push(
        `<search_result source="${block.source}" title="${block.title}">\n${block.content.map((text) => text.text).join('')}</search_result>`,
      )
  }
  return out.join('\n\n')
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
