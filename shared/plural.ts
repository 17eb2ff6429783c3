// Counts said as a person says them: "1 line", "3 lines", "1 person", "2 people". One helper for the
// main process and the page, so no sentence falls back on "line(s)".

/** `count` and the noun, singular for exactly one. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`
}

/** Items as a sentence names them: `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
