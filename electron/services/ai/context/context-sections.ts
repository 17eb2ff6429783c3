// The small, computed sections of the packed context: what the project is (facts from its manifests,
// languages, modules and their dependencies) and its recent history and hot spots. Pure and
// deterministic: nothing time-dependent beyond the commits themselves; never reads the disk.
import type { ScanResult } from '../../../../shared/models/repos.ts'
import type { PathFilter } from './path-filter.ts'
import { plural } from '../../../../shared/plural.ts'

const list = (items: readonly string[]) => (items.length ? items.join(', ') : 'none found')

export function projectSection(scan: ScanResult, filter: PathFilter, scope: string | null): string {
  const p = scan.project
  const out = [`name: ${p.name}`]
  if (p.description) out.push(`description: ${p.description}`)
  if (scope) out.push(`scope: only ${scope}/ is included below (the leader scoped this session to it)`)
  out.push(`files: ${scan.filesCount.toLocaleString('en')} tracked, ${scan.totalLines.toLocaleString('en')} lines`)
  const languages = scan.languages.filter((l) => l.lines > 0).slice(0, 8)
  out.push(`languages: ${list(languages.map((l) => `${l.language} (${l.files} files, ${l.lines} lines)`))}`)
  if (p.frameworks.length) out.push(`frameworks: ${p.frameworks.join(', ')}`)
  if (p.ecosystems.length) out.push(`ecosystems: ${p.ecosystems.join(', ')}`)
  if (p.ci.length) out.push(`ci: ${p.ci.join(', ')}`)
  if (p.workspaces.length) out.push(`workspaces: ${p.workspaces.join(', ')}`)
  out.push(`test command: ${p.testCommand ?? 'none found'}`)
  const commands = p.commands.slice(0, 15).map((c) => `  ${c.name}: ${c.command} (${c.source})`)
  if (commands.length) out.push('commands:', ...commands)
  const modules = scan.modules.filter((m) => m.path === '.' || filter(`${m.path}/x`) || filter(m.path)).slice(0, 30)
  if (modules.length) {
    out.push('modules (folder, files, lines, language):')
    for (const m of modules)
      out.push(
        `  ${m.path === '.' ? '(root)' : `${m.path}/`} ${m.files} files, ${m.lines} lines${m.language ? `, ${m.language}` : ''}${m.kind === 'workspace' ? ', workspace package' : ''}`,
      )
  }
  const names = new Map(scan.modules.map((m) => [m.id, m.path === '.' ? '(root)' : m.path]))
  const edges = scan.moduleEdges
    .slice(0, 15)
    .map((e) => `  ${names.get(e.from) ?? e.from} -> ${names.get(e.to) ?? e.to} (${e.weight} imports)`)
  if (edges.length) out.push('module dependencies (imports between modules, strongest first):', ...edges)
  return out.join('\n')
}

export function historySection(scan: ScanResult, filter: PathFilter, maxChars: number): string {
  const h = scan.history
  if (h.commitsRead === 0) return 'No commits yet.'
  const out = [`Read the last ${h.commitsRead} commits${h.truncated ? '' : ' (the whole history)'}.`, '', 'Recent commits (newest first):']
  for (const c of h.lastCommits.slice(0, 15))
    out.push(`- ${c.date.slice(0, 10)} ${c.oid.slice(0, 8)} ${c.author}: ${c.message.slice(0, 120)}`)
  const hot = h.churn.filter((entry) => filter(entry.path)).slice(0, 15)
  if (hot.length)
    out.push(
      '',
      'Hot spots (files changed most often):',
      ...hot.map((e) => `- ${e.path}: ${plural(e.commits, 'commit')} by ${plural(e.authors, 'person', 'people')}`),
    )
  const names = new Map(scan.modules.map((m) => [m.id, m.path === '.' ? '(root)' : m.path]))
  const owners = h.modules.slice(0, 10).map(
    (m) =>
      `- ${names.get(m.module) ?? m.module}: ${m.contributors
        .slice(0, 3)
        .map((c) => `${c.name} (${c.commits})`)
        .join(', ')}; bus factor ${m.busFactor}`,
  )
  if (owners.length) out.push('', 'Who knows what (commits per person, by module):', ...owners)
  const text = out.join('\n')
  return text.length <= maxChars ? text : `${text.slice(0, text.lastIndexOf('\n', maxChars))}\n…`
}
