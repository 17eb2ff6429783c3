// How many tokens a text will cost, estimated without a tokenizer: code and Markdown run at roughly
// 3.5 characters a token for Claude, so budgets err on the side of sending less. Never exact.

export const CHARS_PER_TOKEN = 3.5

export function estimateTokens(text: string | number): number {
  const chars = typeof text === 'number' ? text : text.length
  return Math.ceil(chars / CHARS_PER_TOKEN)
}

export function charsForTokens(tokens: number): number {
  return Math.floor(tokens * CHARS_PER_TOKEN)
}
