// The offline tour: a Markdown walk through a repository computed from its scan alone (no AI): what
// it is, how it is laid out, where to start reading, hot spots, who knows what, how to run and test.
// Pure: never reads the disk; every claim comes from the scan.
import type { ScanResult } from '../../../../shared/models/repos.ts'

export const COMPUTED_LABEL = '_Computed from the repository (no AI): README, manifests, file tree, imports and git history._'

export function tourMarkdown(scan: ScanResult): string {
  const p = scan.project
  const out: string[] = [`# A tour of ${p.name}`, '', COMPUTED_LABEL, '']
  out.push('## What it is', '')
  if (p.description) out.push(p.description, '')
  const intro = readmeIntro(scan.readme?.excerpt ?? '')
  if (intro) out.push(`From ${scan.readme?.path}:`, '', ...intro.split('\n').map((line) => `> ${line}`), '')
  const langs = scan.languages.filter((l) => l.lines > 0).slice(0, 5).map((l) => `${l.language} (${l.lines.toLocaleString('en')} lines)`)
  out.push(`${scan.filesCount.toLocaleString('en')} tracked files, ${scan.totalLines.toLocaleString('en')} lines${langs.length ? `, mostly ${langs.join(', ')}` : ''}.`)
  if (p.frameworks.length) out.push(`Built with ${p.frameworks.join(', ')}.`)
  if (p.ci.length) out.push(`CI: ${p.ci.join(', ')}.`)
  out.push('')

  out.push('## How it is laid out', '')
  for (const module of scan.modules.slice(0, 15)) {
    out.push(`- \`${module.path === '.' ? '(root files)' : `${module.path}/`}\` — ${module.files} files, ${module.lines.toLocaleString('en')} lines${module.language ? `, ${module.language}` : ''}${module.kind === 'workspace' ? ' (workspace package)' : ''}`)
  }
  const deps = scan.moduleEdges.slice(0, 8).map((e) => `\`${nameOf(scan, e.from)}\` → \`${nameOf(scan, e.to)}\` (${e.weight} imports)`)
  if (deps.length) out.push('', `Strongest dependencies: ${deps.join('; ')}.`)
  out.push('')

  out.push('## Where to start reading', '')
  scan.keyFiles.slice(0, 10).forEach((file, i) => out.push(`${i + 1}. \`${file.path}\` — ${file.reasons.join('; ')}`))
  if (scan.keyFiles.length === 0) out.push('No obvious starting point: the repository has no README, manifest or imports Gemba can read.')
  out.push('')

  const h = scan.history
  out.push('## Hot spots', '')
  if (h.commitsRead === 0) out.push('No history to read (no commits yet).')
  else {
    out.push(`From the last ${h.commitsRead} commits${h.truncated ? '' : ' (the whole history)'}:`, '')
    for (const file of h.churn.slice(0, 8)) out.push(`- \`${file.path}\` changed in ${file.commits} commits by ${file.authors} ${file.authors === 1 ? 'person' : 'people'}`)
    const recent = h.cadence.slice(-8).map((w) => `${w.week}: ${w.commits}`)
    if (recent.length) out.push('', `Commits per week, most recent: ${recent.join(', ')}.`)
  }
  out.push('')

  out.push('## Who knows what', '')
  for (const module of h.modules.slice(0, 10)) {
    const people = module.contributors.slice(0, 3).map((c) => `${c.name} (${c.commits})`).join(', ')
    const risk = module.busFactor === 1 && module.commits >= 5 ? ' — **bus factor 1**' : ''
    out.push(`- \`${nameOf(scan, module.module)}\`: ${people}${risk}`)
  }
  if (h.modules.length === 0) out.push('No history to read.')
  out.push('')

  out.push('## How to run and test it', '')
  out.push(p.testCommand ? `Tests: \`${p.testCommand}\`` : 'No test command found in the manifests.')
  const commands = p.commands.filter((c) => /^(start|dev|build|serve|run|lint|test|typecheck)/.test(c.name)).slice(0, 8)
  if (commands.length) out.push('', ...commands.map((c) => `- \`${c.name}\`: \`${c.command}\` (${c.source})`))
  if (p.manifests.length) out.push('', `Manifests: ${p.manifests.slice(0, 10).map((m) => `\`${m.path}\``).join(', ')}.`)
  if (scan.skipped.length) out.push('', `Gemba skipped ${scan.skipped.length} item(s) it could not read (see the scan details).`)
  out.push('')
  return out.join('\n')
}

function nameOf(scan: ScanResult, id: string): string {
  return scan.modules.find((m) => m.id === id)?.name ?? id
}

/** The first real paragraph of a README: skips titles, badges, HTML and link-only lines. */
export function readmeIntro(text: string): string {
  const paragraphs = text.split(/\r?\n\s*\r?\n/)
  for (const paragraph of paragraphs) {
    const clean = paragraph.trim()
    if (!clean || /^(#|<|!\[|\[!\[|=+|-+$|```)/.test(clean) || clean.length < 40) continue
    return clean.slice(0, 800)
  }
  return ''
}
