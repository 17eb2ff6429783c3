// Token counts and dollars as the coach shows them. Pure.

export function formatTokens(tokens: number): string {
  return tokens >= 10_000 ? `${(tokens / 1000).toFixed(1)}k` : tokens.toLocaleString('en')
}

export function formatUsd(usd: number): string {
  return usd === 0 ? '$0.00' : usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`
}
