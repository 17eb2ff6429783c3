// Key-file benchmark (a script, not a test):
//   `npm run bench -- keyfiles <folder of clones> [--eval <file.json>]… [--only <text>]… [--show]`.
// Reads the public key-file sets (keyfiles-public.json: repos → files; keyfiles-public-v2.json: repos →
// { commit, language, files }), found in `shared/evals/` beside the project (or beside a folder above it),
// or the sets given with --eval. For each repository found in the folder as `<name>`, `<owner>+<name>` or
// `<owner>/<name>`, scans it cold (cache in a temp folder) and prints recall@20 of the ranked key files,
// the context recall (how many of the same files the packed AI context carries whole or as signatures),
// and, as a baseline measured in the same run, recall@20 of the twenty most-changed files; then the same
// per language (a set's own language, else the scan's main code language) and in total. --only keeps
// the repositories whose name contains the text; --show lists each repository's top 20 with its reasons.
// Never writes inside the repositories.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_CONTEXT_TOKENS, packContext, scanSnapshot } from '../../electron/services/ai/context/pack-context.ts'
import { createCodeParser } from '../../electron/services/repos/parse/code-parser.ts'
import { isCodeLanguage } from '../../electron/services/repos/scan/languages.ts'
import { scanRepo } from '../../electron/services/repos/scan/scan-repo.ts'
import { SecretRedactor } from '../../electron/services/secrets/index.ts'

const TOP = 20
const SETS = ['keyfiles-public.json', 'keyfiles-public-v2.json']
const project = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const valuesOf = (flag: string) => args.flatMap((arg, index) => (args[index - 1] === flag ? [arg] : []))
const flagged = new Set(args.flatMap((arg, index) => (arg.startsWith('--') && arg !== '--show' ? [index + 1] : [])))
const folder = args.find((arg, index) => !arg.startsWith('--') && !flagged.has(index))
const only = valuesOf('--only')
const show = args.includes('--show')

/** The default sets: `shared/evals/` beside the project, or beside the nearest folder above it that has one. */
function defaultSets(): string[] {
  for (let dir = dirname(project); ; dir = dirname(dir)) {
    const found = SETS.map((name) => join(dir, 'shared', 'evals', name)).filter((path) => existsSync(path))
    if (found.length > 0 || dirname(dir) === dir) return found
  }
}

const evalFiles = valuesOf('--eval').length > 0 ? valuesOf('--eval').map((path) => resolve(path)) : defaultSets()
if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error('Usage: npm run bench -- keyfiles <folder of clones> [--eval <file.json>]… [--only <text>]… [--show]')
  process.exit(2)
}
const missingSets = evalFiles.filter((path) => !existsSync(path))
if (evalFiles.length === 0 || missingSets.length > 0) {
  console.error(
    `No evaluation set${missingSets.length ? ` at ${missingSets.join(', ')}` : ` named ${SETS.join(' or ')} found`}; pass one with --eval <file.json>.`,
  )
  process.exit(2)
}

interface Case {
  readonly set: string
  readonly slug: string
  readonly language: string | null
  readonly files: readonly string[]
}
type SetEntry = readonly string[] | { readonly language?: string; readonly files: readonly string[] }
const cases: Case[] = evalFiles.flatMap((file) =>
  Object.entries((JSON.parse(readFileSync(file, 'utf8')) as { repos: Record<string, SetEntry> }).repos).flatMap(([slug, entry]) => {
    const files = Array.isArray(entry) ? (entry as readonly string[]) : (entry as { files: readonly string[] }).files
    const language = Array.isArray(entry) ? null : ((entry as { language?: string }).language ?? null)
    return only.length === 0 || only.some((text) => slug.includes(text)) ? [{ set: basename(file, '.json'), slug, language, files }] : []
  }),
)

/** `<folder>/<name>`, `<folder>/<owner>+<name>` or `<folder>/<owner>/<name>`, each a git working tree. */
function locate(slug: string): string | null {
  const [owner = '', name = ''] = slug.split('/')
  for (const candidate of [join(folder!, `${owner}+${name}`), join(folder!, owner, name), join(folder!, name)]) {
    if (existsSync(join(candidate, '.git'))) return candidate
  }
  return null
}

interface Row {
  readonly set: string
  readonly slug: string
  readonly language: string
  readonly want: number
  readonly ranked: number
  readonly packed: number
  readonly baseline: number
  readonly missing: readonly string[]
  readonly notPacked: readonly string[]
  readonly top: readonly { readonly path: string; readonly reasons: readonly string[] }[]
  readonly ms: number
}

const cacheFolder = await mkdtemp(join(tmpdir(), 'gemba-bench-keyfiles-'))
const parser = await createCodeParser()
const redactor = new SecretRedactor()
const signal = new AbortController().signal
const rows: Row[] = []
const absent: string[] = []
for (const item of cases) {
  const path = locate(item.slug)
  if (!path) {
    absent.push(item.slug)
    continue
  }
  const started = performance.now()
  const scan = await scanRepo(
    { repoId: item.slug.replace(/\W/g, '_'), path, force: true },
    { cacheFolder, clock: () => new Date(), parser: async () => parser },
  )
  const ms = performance.now() - started
  const topFiles = scan.keyFiles.slice(0, TOP)
  const top = new Set(topFiles.map((file) => file.path))
  const packed = await packContext(scan, scanSnapshot(scan), { budgetTokens: DEFAULT_CONTEXT_TOKENS, redactor, parser }, signal)
  const carried = new Set(packed.files.filter((file) => file.form !== 'head').map((file) => file.path))
  const hot = new Set(scan.history.churn.slice(0, TOP).map((entry) => entry.path))
  rows.push({
    set: item.set,
    slug: item.slug,
    language: item.language ?? scan.languages.find((stat) => isCodeLanguage(stat.language))?.language ?? '?',
    want: item.files.length,
    ranked: item.files.filter((file) => top.has(file)).length,
    packed: item.files.filter((file) => carried.has(file)).length,
    baseline: item.files.filter((file) => hot.has(file)).length,
    missing: item.files.filter((file) => !top.has(file)),
    notPacked: item.files.filter((file) => !carried.has(file)),
    top: topFiles,
    ms,
  })
}
parser.dispose()
await rm(cacheFolder, { recursive: true, force: true })

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`)
const sum = (list: readonly Row[], key: 'want' | 'ranked' | 'packed' | 'baseline') => list.reduce((total, row) => total + row[key], 0)
const line = (label: string, list: readonly Row[], extra = '') =>
  `| ${label.padEnd(28)} | ${String(sum(list, 'want')).padStart(5)} | ${pct(sum(list, 'ranked'), sum(list, 'want')).padStart(9)} | ${pct(sum(list, 'packed'), sum(list, 'want')).padStart(14)} | ${pct(sum(list, 'baseline'), sum(list, 'want')).padStart(23)} | ${extra.padStart(7)} |`
const header = (first: string) => [
  `| ${first.padEnd(28)} | files | recall@${TOP} | context recall | baseline: ${TOP} most-changed | scan    |`,
  `|${'-'.repeat(30)}|-------|-----------|----------------|-------------------------|---------|`,
]
const sets = [...new Set(rows.map((row) => row.set))]
for (const set of sets) {
  const list = rows.filter((row) => row.set === set)
  console.log(`\nKey files: ${set} against clones in ${folder}`)
  console.log(header('repository (language)').join('\n'))
  for (const row of list) console.log(line(`${row.slug} (${row.language})`, [row], `${(row.ms / 1000).toFixed(1)} s`))
  console.log(line('all (pooled)', list))
}
const languages = [...new Set(rows.map((row) => row.language))].sort()
for (const set of [...sets, null]) {
  const list = rows.filter((row) => set === null || row.set === set)
  console.log(`\nPer language, ${set ?? 'all sets'}`)
  console.log(header('language').join('\n'))
  for (const language of languages) {
    const of = list.filter((row) => row.language === language)
    if (of.length > 0) console.log(line(`${language} (${of.length})`, of))
  }
  console.log(line(`all (${list.length} repositories)`, list))
}
console.log('')
for (const row of rows) {
  if (row.missing.length) console.log(`  ${row.slug}: not in the top ${TOP}: ${row.missing.join(', ')}`)
  if (row.notPacked.length) console.log(`  ${row.slug}: not in the packed context (whole or signatures): ${row.notPacked.join(', ')}`)
  if (show)
    for (const [place, file] of row.top.entries())
      console.log(`    ${String(place + 1).padStart(2)}. ${file.path} — ${file.reasons.join('; ')}`)
}
if (absent.length) console.log(`\nNot found in ${folder} (skipped): ${absent.join(', ')}`)
const total = sum(rows, 'want')
const byLanguage = languages.map((language) => rows.filter((row) => row.language === language))
const lowest = (key: 'ranked' | 'packed') => Math.min(...byLanguage.map((list) => sum(list, key) / Math.max(1, sum(list, 'want'))))
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
console.log(
  `\nTargets: recall@${TOP} >= 90%: ${verdict(total > 0 && sum(rows, 'ranked') / total >= 0.9)}; ` +
    `context recall >= 90%: ${verdict(total > 0 && sum(rows, 'packed') / total >= 0.9)}; ` +
    `no language below 80%: ${verdict(rows.length > 0 && lowest('ranked') >= 0.8 && lowest('packed') >= 0.8)}`,
)
