// The offline tour: a Markdown walk through a repository computed from its scan alone (no AI): what
// it is (from its root and main packages), how it is laid out, where to start reading, hot spots, who
// knows what, how to run and test it, then one section per part of the module map (what a click on a
// box opens). Pure: never reads the disk; every claim comes from the scan.
import type { KeyFile, ScanResult } from '../../../../shared/models/repos.ts'
import { moduleView, pathLocator, type ModuleBox } from '../../../../shared/module-view.ts'
import { plural } from '../../../../shared/plural.ts'
import { shortfallSentence } from '../../../../shared/scan-shortfall.ts'
import { isCodeLanguage } from '../scan/languages.ts'
import { ROLE_LABEL } from '../scan/path-roles.ts'

export const COMPUTED_LABEL = '_Computed from the repository (no AI): README, manifests, file tree, imports and git history._'

const number = (value: number) => value.toLocaleString('en')
const count = (value: number, noun: string) => `${number(value)} ${noun}${value === 1 ? '' : 's'}`
const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`)

export interface Tour {
  readonly markdown: string
  /** Heading text of each part's section, by module path: what the module map opens on a click. */
  readonly sections: Record<string, string>
}

export function tourMarkdown(scan: ScanResult): string {
  return buildTour(scan).markdown
}

export function buildTour(scan: ScanResult): Tour {
  const p = scan.project
  const view = moduleView(scan.moduleGraph, '.', { showSupporting: false, openFiles: true })
  const out: string[] = [`# A tour of ${p.name}${p.packageName ? ` (${p.packageName})` : ''}`, '', COMPUTED_LABEL, '']
  const shortfall = shortfallSentence(scan.shortfalls)
  if (shortfall) out.push(`_${shortfall}_`, '')
  out.push('## What it is', '')
  const intro = p.intro ? markdownText(p.intro) : ''
  // A manifest's description that the README's paragraph already says is not said twice.
  if (p.description && !restates(intro, p.description)) out.push(p.description, '')
  if (p.monorepo) {
    const main = p.monorepo.main.map((name) => `\`${name}\``)
    out.push(`A monorepo of ${p.monorepo.packages} packages; the main ${main.length === 1 ? 'one' : 'ones'}: ${list(main)}.`, '')
  }
  if (intro) out.push(`From ${scan.readme?.path}:`, '', ...intro.split('\n').map((line) => `> ${line}`), '')
  out.push(languagesLine(scan))
  const apart = apartLine(scan)
  if (apart) out.push(apart)
  if (p.frameworks.length) out.push(`Built with ${list(p.frameworks)}.`)
  if (p.testedWith.length) out.push(`Tested with ${list(p.testedWith)}.`)
  if (p.ci.length) out.push(`CI: ${list(p.ci)}.`)
  out.push('')

  out.push('## How it is laid out', '')
  if (view.boxes.length) {
    out.push(
      `The code is in ${view.boxes.length} ${view.boxes.length === 1 ? 'part' : 'parts'} (the module map draws them; each has its section below):`,
      '',
    )
    for (const box of view.boxes) {
      const members =
        box.kind === 'group'
          ? ` (${box.members
              .slice(0, 4)
              .map((member) => `\`${member}\``)
              .join(', ')}${box.members.length > 4 ? ', …' : ''})`
          : ''
      const size = box.kind === 'file' ? count(box.lines, 'line') : `${count(box.files, 'file')}, ${count(box.lines, 'line')}`
      out.push(`- \`${box.kind === 'file' ? box.path : box.label}\`${members} — ${size}${box.language ? `, ${box.language}` : ''}`)
    }
  } else out.push('No code Gemba can group into parts.')
  if (view.supporting.length)
    out.push(
      '',
      `Around it: ${view.supporting
        .slice(0, 10)
        .map((box) => `\`${box.label}\` (${ROLE_LABEL[box.role]})`)
        .join(', ')}.`,
    )
  const label = new Map(view.boxes.map((box) => [box.id, box.kind === 'file' ? box.path : box.label]))
  const deps = view.edges.slice(0, 6).map((e) => `\`${label.get(e.from)}\` → \`${label.get(e.to)}\` (${number(e.weight)} imports)`)
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
    out.push(
      `From the last ${number(h.commitsRead)} commits${h.truncated ? '' : ' (the whole history)'}, people's commits only (bots left out):`,
      '',
    )
    for (const file of h.churn.slice(0, 8))
      out.push(`- \`${file.path}\` changed in ${plural(file.commits, 'commit')} by ${plural(file.authors, 'person', 'people')}`)
    const recent = h.cadence.slice(-8).map((w) => `${w.week}: ${w.commits}`)
    if (recent.length) out.push('', `Commits per week, most recent: ${recent.join(', ')}.`)
  }
  out.push('')

  out.push('## Who knows what', '')
  for (const module of h.modules.slice(0, 10)) out.push(`- \`${nameOf(scan, module.module)}\`: ${owners(module)}`)
  if (h.modules.length === 0) out.push('No history to read.')
  out.push('')

  out.push('## How to run and test it', '')
  out.push(p.testCommand ? `Tests: \`${p.testCommand}\`` : 'No test command found in the manifests.')
  const commands = p.commands.filter((c) => /^(start|dev|build|serve|run|lint|test|typecheck)/.test(c.name)).slice(0, 8)
  if (commands.length) out.push('', ...commands.map((c) => `- \`${c.name}\`: \`${c.command}\` (${c.source})`))
  if (p.manifests.length)
    out.push(
      '',
      `Manifests: ${p.manifests
        .slice(0, 10)
        .map((m) => `\`${m.path}\``)
        .join(', ')}.`,
    )
  if (scan.skipped.length) out.push('', `Gemba skipped ${plural(scan.skipped.length, 'item')} it could not read (see the scan details).`)
  out.push('')

  const sections: Record<string, string> = {}
  if (view.boxes.length) out.push('## The parts, one by one', '')
  const locate = pathLocator(view.boxes, new Set((scan.moduleGraph.files ?? []).map((node) => node.path)))
  const keyByBox = new Map<string, KeyFile[]>()
  for (const file of scan.keyFiles) {
    const box = locate(file.path) ?? locate(file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '.')
    if (box) keyByBox.set(box.id, [...(keyByBox.get(box.id) ?? []), file])
  }
  for (const box of view.boxes) {
    const heading = box.kind === 'file' ? box.path : box.label
    sections[box.kind === 'group' ? box.id : box.path] = heading
    out.push(`### ${heading}`, '', ...partLines(scan, box, view.edges, label, keyByBox.get(box.id) ?? []), '')
  }
  return { markdown: out.join('\n'), sections }
}

function partLines(
  scan: ScanResult,
  box: ModuleBox,
  edges: ReturnType<typeof moduleView>['edges'],
  label: ReadonlyMap<string, string>,
  keys: readonly KeyFile[],
): string[] {
  const lines = [
    `${box.kind === 'file' ? `A module of \`${box.path.includes('/') ? box.path.slice(0, box.path.lastIndexOf('/')) : '.'}/\`: ` : `${count(box.files, 'file')}, `}${count(box.lines, 'line')}${box.language ? ` of ${box.language}` : ''}.${
      box.kind === 'group'
        ? ` Folders: ${box.members
            .slice(0, 12)
            .map((m) => `\`${m}\``)
            .join(', ')}${box.members.length > 12 ? ', …' : ''}.`
        : ''
    }`,
  ]
  if (keys.length)
    lines.push(
      '',
      `Start with: ${keys
        .slice(0, 4)
        .map((file) => `\`${file.path}\` (${file.reasons[0]})`)
        .join('; ')}.`,
    )
  const uses = edges
    .filter((e) => e.from === box.id)
    .slice(0, 4)
    .map((e) => `\`${label.get(e.to)}\` (${number(e.weight)})`)
  const usedBy = edges
    .filter((e) => e.to === box.id)
    .slice(0, 4)
    .map((e) => `\`${label.get(e.from)}\` (${number(e.weight)})`)
  if (uses.length) lines.push('', `Uses: ${uses.join(', ')}.`)
  if (usedBy.length) lines.push('', `Used by: ${usedBy.join(', ')}.`)
  const history = scan.history.modules.find((module) => module.module === box.id)
  if (history) lines.push('', `Who knows it: ${owners(history)}.`)
  const prefix = box.path === '.' ? '' : `${box.path}/`
  const hot = scan.history.churn
    .filter((file) =>
      box.kind === 'file'
        ? file.path === box.path
        : box.kind === 'files'
          ? file.path.startsWith(prefix) && !file.path.slice(prefix.length).includes('/')
          : file.path.startsWith(prefix),
    )
    .slice(0, 3)
  if (hot.length && box.kind !== 'group')
    lines.push('', `Changes most: ${hot.map((file) => `\`${file.path}\` (${plural(file.commits, 'commit')})`).join(', ')}.`)
  return lines
}

function owners(module: ScanResult['history']['modules'][number]): string {
  const people = module.contributors
    .slice(0, 3)
    .map((c) => `${personName(c.name)} (${c.commits})`)
    .join(', ')
  return `${people}${module.busFactor === 1 && module.commits >= 5 ? ' — **bus factor 1**' : ''}`
}

/**
 * A person as the tour names them: their name as text, never an address (someone who only ever wrote
 * an address as their name is named by the part before its @).
 */
function personName(name: string): string {
  const trimmed = name.trim()
  return markdownText(/^[^\s@<>]+@[^\s@<>]+$/.test(trimmed) ? trimmed.slice(0, trimmed.indexOf('@')) : trimmed)
}

function nameOf(scan: ScanResult, id: string): string {
  return scan.modules.find((m) => m.id === id)?.name ?? id
}

/**
 * Size and languages, code first: a project with more lines of docs than of code is still a Python
 * project, so docs, data and config are summed after the languages it is written in; a language with
 * under a tenth of the code is named without its count.
 */
function languagesLine(scan: ScanResult): string {
  const measured = scan.languages.filter((l) => l.lines > 0)
  const code = measured.filter((l) => isCodeLanguage(l.language))
  const rest = measured.filter((l) => !isCodeLanguage(l.language))
  const size = `${count(scan.filesCount, 'tracked file')}, ${count(scan.totalLines, 'line')}`
  const restNames = list(rest.slice(0, 3).map((l) => l.language))
  if (!code.length) return rest.length ? `${size}, all docs, data and config (${restNames}).` : `${size}.`
  const codeLines = code.reduce((sum, l) => sum + l.lines, 0)
  const main = code.filter((l, index) => index === 0 || (index < 3 && l.lines >= codeLines / 10))
  const minor = code.slice(main.length, main.length + 3).map((l) => l.language)
  const restLines = rest.reduce((sum, l) => sum + l.lines, 0)
  return (
    `${size}: written in ${list(main.map((l) => `${l.language} (${number(l.lines)} lines)`))}` +
    `${minor.length ? `, with some ${list(minor)}` : ''}` +
    `${restLines ? `, and ${count(restLines, 'line')} of docs, data and config (${restNames})` : ''}.`
  )
}

const APART_LABEL: Readonly<Record<NonNullable<ScanResult['linesApart']>[number]['reason'], string>> = {
  generated: 'lockfiles and generated files',
  vendored: 'vendored code',
  minified: 'minified bundles',
  docs: 'pages and snippets under docs',
}

/** What the size above leaves out of the code: lockfiles, generated, vendored and minified files. */
function apartLine(scan: ScanResult): string | null {
  const apart = (scan.linesApart ?? []).filter((entry) => entry.lines > 0)
  if (!apart.length) return null
  return `Not counted as code: ${list(apart.map((entry, at) => `${number(entry.lines)}${at === 0 ? ' lines' : ''} of ${APART_LABEL[entry.reason]}`))}.`
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** Whether `longer` already says `shorter`: nearly all of its words are there. */
function restates(longer: string, shorter: string): boolean {
  const words = new Set(wordsOf(longer))
  const said = wordsOf(shorter)
  return said.length > 0 && said.filter((word) => words.has(word)).length >= said.length * 0.8
}

/** Plain text as Markdown that shows it as it is: emphasis, link and HTML characters escaped. */
function markdownText(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, at) => (at % 2 === 1 ? part : part.replace(/([\\*[\]<>]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}]))/gu, '\\$1')))
    .join('')
}
