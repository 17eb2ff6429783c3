// How a thread's history is written for the API: the assistant's blocks handed back as it sent them
// (text with its citations, tool calls, and the thinking blocks a tool loop under thinking must keep),
// tool results (as search results where citations are on, so their lines can be cited), and the
// moving cache breakpoint on the conversation so far. Pure; never changes a block already sent.
import type {
  ContentBlock,
  ContentBlockParam,
  MessageParam,
  TextCitationParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages'
import { searchResultOf, type SourceRecord } from '../citations/excerpt-blocks.ts'
import type { ToolExecution } from '../tools/tool-execution.ts'

export function toParam(block: ContentBlock): ContentBlockParam | null {
  switch (block.type) {
    case 'text':
      return block.citations?.length
        ? { type: 'text', text: block.text, citations: block.citations as TextCitationParam[] }
        : { type: 'text', text: block.text }
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input }
    case 'thinking':
      return { type: 'thinking', thinking: block.thinking, signature: block.signature }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data }
    default:
      return null
  }
}

/** The history as sent: the last user block carries a moving cache breakpoint (the conversation so far). */
export function withMovingBreakpoint(history: readonly MessageParam[]): MessageParam[] {
  const messages = history.map((message) => ({ ...message }))
  const last = messages.at(-1)
  if (last && Array.isArray(last.content) && last.content.length > 0) {
    const blocks = [...last.content]
    blocks[blocks.length - 1] = { ...blocks.at(-1)!, cache_control: { type: 'ephemeral' } } as ContentBlockParam
    last.content = blocks
  }
  return messages
}

/**
 * A tool's result block. With `citations`, read lines go as search_result blocks read at `revision`,
 * and their sources are appended to `sources` in the order the API numbers them.
 */
export function toolResultBlock(
  id: string,
  execution: ToolExecution,
  citations: { readonly revision: string; readonly sources: SourceRecord[] } | null,
): ToolResultBlockParam {
  const base = { type: 'tool_result' as const, tool_use_id: id, ...(execution.isError ? { is_error: true } : {}) }
  if (!citations || execution.isError || !execution.excerpts?.length) return { ...base, content: execution.content }
  const results = execution.excerpts.map((excerpt) => searchResultOf(excerpt, citations.revision))
  citations.sources.push(...results.map((result) => result.source))
  return {
    ...base,
    content: [
      ...results.map((result) => result.block),
      ...(execution.excerptNote ? [{ type: 'text' as const, text: execution.excerptNote }] : []),
    ],
  }
}
