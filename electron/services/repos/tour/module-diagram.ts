// A Mermaid flowchart of the modules and their import dependencies, computed from the scan alone.
// Stays readable: past MAX_NODES the smallest modules are folded into their top-level folder, then
// pruned. Emits only safe ids and quoted, escaped labels so the diagram always parses.
import type { ModuleEdge, ModuleInfo, ScanResult } from '../../../../shared/models/repos.ts'

export const MAX_NODES = 25
const MAX_EDGES = 60

export function moduleDiagram(scan: Pick<ScanResult, 'modules' | 'moduleEdges'>): string {
  let modules = [...scan.modules]
  let edges = [...scan.moduleEdges]
  if (modules.length > MAX_NODES) ({ modules, edges } = foldByTopFolder(modules, edges))
  if (modules.length > MAX_NODES) {
    const degree = new Map<string, number>()
    for (const edge of edges) {
      degree.set(edge.from, (degree.get(edge.from) ?? 0) + edge.weight)
      degree.set(edge.to, (degree.get(edge.to) ?? 0) + edge.weight)
    }
    const keep = new Set(
      [...modules].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || b.lines - a.lines).slice(0, MAX_NODES).map((m) => m.id),
    )
    modules = modules.filter((module) => keep.has(module.id))
    edges = edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to))
  }
  const lines = ['flowchart LR']
  for (const module of modules) {
    const detail = `${module.files} files${module.language ? `, ${module.language}` : ''}`
    lines.push(`  ${module.id}["${label(module.name)}<br/><small>${label(detail)}</small>"]`)
  }
  const ids = new Set(modules.map((module) => module.id))
  for (const edge of edges.filter((e) => ids.has(e.from) && ids.has(e.to)).slice(0, MAX_EDGES)) {
    lines.push(`  ${edge.from} -->|${edge.weight}| ${edge.to}`)
  }
  if (modules.length === 0) lines.push('  empty["No code modules found"]')
  return `${lines.join('\n')}\n`
}

/** Folds modules below a top-level folder into one node per top-level folder. */
function foldByTopFolder(modules: readonly ModuleInfo[], edges: readonly ModuleEdge[]): { modules: ModuleInfo[]; edges: ModuleEdge[] } {
  const groupOf = new Map<string, string>()
  const groups = new Map<string, ModuleInfo>()
  for (const module of modules) {
    const top = module.path.split('/')[0] ?? module.path
    const id = top === '.' ? 'root' : `g_${top.replace(/[^A-Za-z0-9]/g, '_')}`
    groupOf.set(module.id, id)
    const group = groups.get(id)
    groups.set(id, {
      id,
      name: top === '.' ? '(root)' : top,
      path: top,
      files: (group?.files ?? 0) + module.files,
      lines: (group?.lines ?? 0) + module.lines,
      language: group?.language ?? module.language,
      kind: 'folder',
    })
  }
  const weights = new Map<string, number>()
  for (const edge of edges) {
    const from = groupOf.get(edge.from)
    const to = groupOf.get(edge.to)
    if (!from || !to || from === to) continue
    weights.set(`${from} ${to}`, (weights.get(`${from} ${to}`) ?? 0) + edge.weight)
  }
  const folded = [...weights].map(([key, weight]) => {
    const [from = '', to = ''] = key.split(' ')
    return { from, to, weight }
  })
  return { modules: [...groups.values()].sort((a, b) => b.lines - a.lines), edges: folded.sort((a, b) => b.weight - a.weight) }
}

/** Mermaid label text: no quotes, brackets or pipes that would end the label early. */
function label(text: string): string {
  return text.replace(/["]/g, "'").replace(/[<>]/g, ' ').replace(/[[\]{}|]/g, ' ').replace(/#/g, '#35;').slice(0, 60)
}
