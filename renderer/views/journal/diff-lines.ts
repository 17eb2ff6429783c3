// Classifies the lines of a unified diff for colouring: added, removed, hunk headers, file headers
// and context. Pure, so the review can show a ```diff block without a highlighter.

export type DiffLineKind = 'added' | 'removed' | 'hunk' | 'file' | 'context'

export interface DiffLine {
  readonly kind: DiffLineKind
  readonly text: string
}

export function diffLines(diff: string): DiffLine[] {
  const lines = diff.replace(/\n$/, '').split('\n')
  return lines.map((text): DiffLine => {
    if (text.startsWith('+++') || text.startsWith('---') || text.startsWith('diff --git') || text.startsWith('index ')) return { kind: 'file', text }
    if (text.startsWith('@@')) return { kind: 'hunk', text }
    if (text.startsWith('+')) return { kind: 'added', text }
    if (text.startsWith('-')) return { kind: 'removed', text }
    return { kind: 'context', text }
  })
}

export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((line) => line.kind === 'added').length,
    removed: lines.filter((line) => line.kind === 'removed').length,
  }
}
