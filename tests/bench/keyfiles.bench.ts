// Key-file benchmark (a script, not a test): `npm run bench -- keyfiles <folder of clones> [--eval <file.json>]`.
// For each repository of the public key-file set (../shared/evals/keyfiles-public.json by default) found
// in the folder as `<name>`, `<owner>+<name>` or `<owner>/<name>`, scans it cold (cache in a temp folder),
// and prints recall@20 of the ranked key files, the context recall (how many of the same files the packed
// AI context carries whole or as signatures), and, as a baseline measured in the same run, recall@20 of
// the twenty most-changed files. Never writes inside the repositories.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_CONTEXT_TOKENS, packContext } from '../../electron/services/ai/context/pack-context.ts'
import { SecretRedactor } from '../../electron/services/secrets/index.ts'
import { createCodeParser } from '../../electron/services/repos/parse/code-parser.ts'
import { scanRepo } from '../../electron/services/repos/scan/scan-repo.ts'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const evalAt = args.indexOf('--eval')
const evalFile = evalAt >= 0 ? resolve(args[evalAt + 1] ?? '') : resolve(here, '../../../shared/evals/keyfiles-public.json')
const folder = args.find((arg, index) => !arg.startsWith('--') && (evalAt < 0 || index !== evalAt + 1))
const TOP = 20

if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error('Usage: npm run bench -- keyfiles <folder of clones> [--eval <file.json>]  (the folder holds the clones by name)')
  process.exit(2)
}
if (!existsSync(evalFile)) {
  console.error(`No evaluation set at ${evalFile}; pass one with --eval <file.json>.`)
  process.exit(2)
}
const expected = (JSON.parse(readFileSync(evalFile, 'utf8')) as { repos: Record<string, string[]> }).repos

/** `<folder>/<name>`, `<folder>/<owner>+<name>` or `<folder>/<owner>/<name>`, each a git working tree. */
function locate(slug: string): string | null {
  const [owner = '', name = ''] = slug.split('/')
  for (const candidate of [join(folder!, name), join(folder!, `${owner}+${name}`), join(folder!, owner, name)]) {
    if (existsSync(join(candidate, '.git'))) return candidate
  }
  return null
}

const cacheFolder = await mkdtemp(join(tmpdir(), 'gemba-bench-keyfiles-'))
const parser = await createCodeParser()
const redactor = new SecretRedactor()
const signal = new AbortController().signal
interface Row {
  readonly slug: string
  readonly want: number
  readonly ranked: number
  readonly packed: number
  readonly baseline: number
  readonly missing: string[]
  readonly notPacked: string[]
  readonly ms: number
}
const rows: Row[] = []
const absent: string[] = []
for (const [slug, files] of Object.entries(expected)) {
  const path = locate(slug)
  if (!path) {
    absent.push(slug)
    continue
  }
  const started = performance.now()
  const scan = await scanRepo(
    { repoId: slug.replace(/\W/g, '_'), path, force: true },
    { cacheFolder, clock: () => new Date(), parser: async () => parser },
  )
  const ms = performance.now() - started
  const top = new Set(scan.keyFiles.slice(0, TOP).map((file) => file.path))
  const packed = await packContext(scan, scan.root, { budgetTokens: DEFAULT_CONTEXT_TOKENS, redactor, parser }, signal)
  const carried = new Set(packed.files.filter((file) => file.form !== 'head').map((file) => file.path))
  const hot = new Set(scan.history.churn.slice(0, TOP).map((entry) => entry.path))
  rows.push({
    slug,
    want: files.length,
    ranked: files.filter((file) => top.has(file)).length,
    packed: files.filter((file) => carried.has(file)).length,
    baseline: files.filter((file) => hot.has(file)).length,
    missing: files.filter((file) => !top.has(file)),
    notPacked: files.filter((file) => !carried.has(file)),
    ms,
  })
}
parser.dispose()
await rm(cacheFolder, { recursive: true, force: true })

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`)
console.log(`\nKey files: ${evalFile} against clones in ${folder}`)
console.log(`| ${'repository'.padEnd(20)} | files | recall@${TOP} | context recall | baseline: ${TOP} most-changed | scan    |`)
console.log(`|${'-'.repeat(22)}|-------|-----------|----------------|-------------------------|---------|`)
for (const row of rows) {
  console.log(
    `| ${row.slug.padEnd(20)} | ${String(row.want).padStart(5)} | ${pct(row.ranked, row.want).padStart(9)} | ${pct(row.packed, row.want).padStart(14)} | ${pct(row.baseline, row.want).padStart(23)} | ${`${(row.ms / 1000).toFixed(1)} s`.padStart(7)} |`,
  )
}
const total = rows.reduce((sum, row) => sum + row.want, 0)
const ranked = rows.reduce((sum, row) => sum + row.ranked, 0)
const packed = rows.reduce((sum, row) => sum + row.packed, 0)
const baseline = rows.reduce((sum, row) => sum + row.baseline, 0)
console.log(
  `| ${'all (pooled)'.padEnd(20)} | ${String(total).padStart(5)} | ${pct(ranked, total).padStart(9)} | ${pct(packed, total).padStart(14)} | ${pct(baseline, total).padStart(23)} |         |`,
)
for (const row of rows) {
  if (row.missing.length) console.log(`  ${row.slug}: not in the top ${TOP}: ${row.missing.join(', ')}`)
  if (row.notPacked.length) console.log(`  ${row.slug}: not in the packed context (whole or signatures): ${row.notPacked.join(', ')}`)
}
if (absent.length) console.log(`\nNot found in ${folder} (skipped): ${absent.join(', ')}`)
const lowest = Math.min(...rows.map((row) => (row.want ? row.ranked / row.want : 1)))
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
console.log(
  `\nTargets: recall@${TOP} >= 90%: ${verdict(total > 0 && ranked / total >= 0.9)}; no repository below 70%: ${verdict(rows.length > 0 && lowest >= 0.7)}; ` +
    `context recall >= 90%: ${verdict(total > 0 && packed / total >= 0.9)}`,
)
