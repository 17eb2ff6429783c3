// The module map's top level as a Mermaid flowchart, computed from the scan alone: the same boxes the
// interactive map opens with (at most about fifteen, tests, docs and tooling left out; a single flat
// package on its modules), dependencies as
// arrows whose thickness is their weight (no number labels). Kept with a session's journal entry.
// Emits only safe ids and quoted, escaped labels so the diagram always parses.
import type { ScanResult } from '../../../../shared/models/repos.ts'
import { moduleView } from '../../../../shared/module-view.ts'

const MAX_EDGES = 30

export function moduleDiagram(scan: Pick<ScanResult, 'moduleGraph'>): string {
  const view = moduleView(scan.moduleGraph, '.', { showSupporting: false, openFiles: true })
  const lines = ['flowchart LR']
  for (const box of view.boxes) {
    const detail =
      box.kind === 'file'
        ? `${box.lines.toLocaleString('en')} lines${box.language ? ` · ${box.language}` : ''}`
        : `${box.files.toLocaleString('en')} file${box.files === 1 ? '' : 's'}${box.language ? ` · ${box.language}` : ''}`
    lines.push(`  ${box.id}["${label(box.label)}<br/><small>${label(detail)}</small>"]`)
  }
  const edges = view.edges.slice(0, MAX_EDGES)
  const heaviest = edges[0]?.weight ?? 1
  edges.forEach((edge) => lines.push(`  ${edge.from} --> ${edge.to}`))
  edges.forEach((edge, index) => lines.push(`  linkStyle ${index} stroke-width:${strokeWidth(edge.weight, heaviest)}px`))
  if (view.boxes.length === 0) lines.push('  empty["No code modules found"]')
  return `${lines.join('\n')}\n`
}

/** 1 px for a single import up to 6 px for the heaviest dependency, on a square-root scale. */
export function strokeWidth(weight: number, heaviest: number): number {
  return Math.round((1 + 5 * Math.sqrt(weight / Math.max(1, heaviest))) * 10) / 10
}

/** Mermaid label text: no quotes, brackets or pipes that would end the label early. */
function label(text: string): string {
  return text
    .replace(/["]/g, "'")
    .replace(/[<>]/g, ' ')
    .replace(/[[\]{}|]/g, ' ')
    .replace(/#/g, '#35;')
    .slice(0, 60)
}
