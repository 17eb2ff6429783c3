// Says in one calm sentence which parts of a scan stopped at their time budget, for the tour and the
// repository page alike (the scan itself keeps only the figures). Pure; no wording lives elsewhere.
import type { ScanShortfall } from './models/repos.ts'

const number = (value: number) => value.toLocaleString('en')
const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`)

function clause(part: ScanShortfall): string {
  const after = `after ${seconds(part.budgetMs)}`
  const of = (noun: string) => (part.total > 0 ? ` (${number(part.done)} of ${number(part.total)} ${noun})` : '')
  switch (part.phase) {
    case 'files':
      return `reading files ${after}${of('read; the rest are listed by name and size')}`
    case 'parse':
      return `reading imports ${after}${of('files')}`
    case 'history':
      return `reading history ${after} (${number(part.done)} ${part.done === 1 ? 'commit' : 'commits'})`
    case 'manifests':
      return `reading manifests ${after}`
  }
}

/** "To stay quick, the scan stopped reading history after 30 s (640 commits), so …"; null when nothing stopped. */
export function shortfallSentence(shortfalls: readonly ScanShortfall[] | undefined): string | null {
  if (!shortfalls || shortfalls.length === 0) return null
  const clauses = shortfalls.map(clause)
  const joined = clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}`
  return `To stay quick, the scan stopped ${joined}, so this tour shows what it had read by then; Rescan to try again.`
}
