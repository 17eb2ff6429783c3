// Redaction benchmark (a script, not a test): `npm run bench -- redact [/path/to/repo …] [--show]`.
// Without paths: throughput (MB/s) of the redactor on the synthetic 20,000-file repository, next to
// baselines measured in the same run (reading the files raw, each layer alone), and its share of
// packing a 40,000-token context. With paths: the false-positive measure on real repositories —
// redacted lines per 10,000 lines, per repository, in all files and outside tests and docs, and the
// files withheld whole by their content; --show lists every redacted line and withheld file to review.
// With --corpus: the recall of the generated credential corpus, its tuning and held-out halves apart,
// per principle (--show lists each value missed).
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_CONTEXT_TOKENS, packContext, scanSnapshot } from '../../electron/services/ai/context/pack-context.ts'
import { fileKind } from '../../electron/services/secrets/file-kind.ts'
import { findLineSecretSpans } from '../../electron/services/secrets/secret-line-rules.ts'
import { findSecretSpans, SecretRedactor, type Redactor } from '../../electron/services/secrets/secret-redactor.ts'
import { findStructuredSecretSpans } from '../../electron/services/secrets/structured-secrets.ts'
import { looksBinary } from '../../electron/services/fs/looks-binary.ts'
import { createCodeParser } from '../../electron/services/repos/parse/code-parser.ts'
import { scanRepo } from '../../electron/services/repos/scan/scan-repo.ts'
import { recallOf } from '../fixtures/corpus-recall.ts'
import { CORPUS_SEED, generateCredentialCorpus } from '../fixtures/generated-credential-corpus.ts'
import { syntheticRepo } from './synthetic-repo.ts'

const MAX_BYTES = 1024 * 1024
/** For the report only (never for detection): files under tests, fixtures, docs or examples. */
const TESTS_OR_DOCS =
  /(^|\/)(tests?|spec|specs|__tests__|fixtures?|testdata|docs?|guides?|examples?)\/|(^|\/)[\w.-]+[.]tests?\/|[._-](test|spec)\.[a-z]+$|_test\.go$|\.(md|rst|adoc)$/i
/** Kotlin and Gradle source sets for tests (`jvmTest/`, `androidTest/`). */
const TEST_SOURCE_SET = /(^|\/)[a-z]+Test\//
const inTestsOrDocs = (path: string) => TESTS_OR_DOCS.test(path) || TEST_SOURCE_SET.test(path)
const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'))
const show = process.argv.includes('--show')

interface TextFile {
  readonly path: string
  readonly text: string
}

/** Every tracked text file that is read (not withheld by name), and those of them withheld by their content. */
async function textFiles(root: string): Promise<{ files: TextFile[]; withheld: { path: string; rule: string }[] }> {
  const listed = execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean)
  const redactor = new SecretRedactor()
  const files: TextFile[] = []
  const withheld: { path: string; rule: string }[] = []
  for (const path of listed) {
    if (redactor.exclusion(path)) continue
    const bytes = await readFile(join(root, path)).catch(() => null)
    if (!bytes || bytes.byteLength > MAX_BYTES || looksBinary(bytes)) continue
    const text = new TextDecoder().decode(bytes)
    const rule = redactor.exclusion(path, text)
    if (rule) withheld.push({ path, rule })
    else files.push({ path, text })
  }
  return { files, withheld }
}

const mb = (files: readonly TextFile[]) => files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1024 / 1024
const pad = (text: string, width: number) => text.padEnd(width)
const num = (value: number, digits = 1) => value.toFixed(digits)

async function time<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await work()
  return { value, ms: performance.now() - start }
}

async function falsePositives(): Promise<void> {
  console.log('\nFalse-positive measure: every tracked text file (≤ 1 MB, not withheld by name) through the redactor.\n')
  const header = [
    'repository',
    'files',
    'lines',
    'redacted lines',
    'per 10,000',
    'outside tests/docs',
    'per 10,000 outside',
    'withheld by content',
    'MB/s',
  ]
  console.log(`| ${header.join(' | ')} |`)
  console.log(`|${header.map((cell) => '-'.repeat(cell.length + 2)).join('|')}|`)
  const listing: string[] = []
  const total = { lines: 0, redacted: 0, outsideLines: 0, outside: 0, withheld: 0 }
  for (const root of paths) {
    const name = root.split('/').at(-1) ?? root
    const { files, withheld } = await textFiles(root)
    const redactor = new SecretRedactor()
    const row = { lines: 0, redacted: 0, outsideLines: 0, outside: 0 }
    const { ms } = await time(async () => {
      for (let at = 0; at < files.length; at += 16) {
        const batch = files.slice(at, at + 16)
        const results = await Promise.all(batch.map((file) => redactor.redact(file.path, file.text)))
        for (const [index, file] of batch.entries()) {
          const result = results[index]!
          const lines = file.text.split('\n').length
          const outside = !inTestsOrDocs(file.path)
          row.lines += lines
          row.redacted += result.redactions.length
          if (outside) {
            row.outsideLines += lines
            row.outside += result.redactions.length
          }
          if (!show) continue
          const raw = file.text.split('\n')
          const out = result.text.split('\n')
          for (const r of result.redactions)
            listing.push(
              `${name}/${r.path}:${r.line} ${r.rule}${outside ? '' : ' (tests/docs)'}\n    before: ${raw[r.line - 1]?.trim().slice(0, 180)}\n    after:  ${out[r.line - 1]?.trim().slice(0, 180)}`,
            )
        }
      }
    })
    if (show) for (const file of withheld) listing.push(`${name}/${file.path} withheld whole: ${file.rule}`)
    total.lines += row.lines
    total.redacted += row.redacted
    total.outsideLines += row.outsideLines
    total.outside += row.outside
    total.withheld += withheld.length
    const cells = [
      name,
      String(files.length),
      row.lines.toLocaleString('en'),
      String(row.redacted),
      num((row.redacted / row.lines) * 10_000, 2),
    ]
    cells.push(
      String(row.outside),
      num((row.outside / Math.max(1, row.outsideLines)) * 10_000, 2),
      String(withheld.length),
      num(mb(files) / (ms / 1000)),
    )
    console.log(`| ${cells.map((cell, index) => pad(cell, header[index]!.length)).join(' | ')} |`)
  }
  const all = ['all', '', total.lines.toLocaleString('en'), String(total.redacted), num((total.redacted / total.lines) * 10_000, 2)]
  all.push(String(total.outside), num((total.outside / Math.max(1, total.outsideLines)) * 10_000, 2), String(total.withheld), '')
  console.log(`| ${all.map((cell, index) => pad(cell, header[index]!.length)).join(' | ')} |`)
  console.log(
    `\nRedacted lines per 10,000: ${num((total.redacted / total.lines) * 10_000, 2)} in all files, ${num((total.outside / Math.max(1, total.outsideLines)) * 10_000, 2)} outside tests and docs (target for false positives: < 5). Only a review can tell a false positive from a credential-shaped test value: run with --show.`,
  )
  if (show) console.log(`\nEvery redaction and withheld file, to review:\n${listing.join('\n')}`)
}

/** The generated corpus's recall, tuning and held-out halves apart, per principle. */
async function corpusRecall(): Promise<void> {
  const corpus = generateCredentialCorpus()
  const halves = {
    tuning: await recallOf(corpus.filter((item) => item.half === 'tuning')),
    'held-out': await recallOf(corpus.filter((item) => item.half === 'held-out')),
  }
  console.log(`\nGenerated credential corpus (seed ${CORPUS_SEED}): ${corpus.length} cases, values caught per half.\n`)
  console.log(`| ${pad('principle', 26)} | ${pad('tuning', 14)} | ${pad('held-out', 14)} |`)
  console.log(`|${'-'.repeat(28)}|${'-'.repeat(16)}|${'-'.repeat(16)}|`)
  const principles = [...new Set(corpus.map((item) => item.principle))]
  const cell = (row: { values: number; caught: number } | undefined) => (row ? `${row.caught}/${row.values}` : '-')
  for (const principle of principles)
    console.log(
      `| ${pad(principle, 26)} | ${pad(cell(halves.tuning.byPrinciple.get(principle)), 14)} | ${pad(cell(halves['held-out'].byPrinciple.get(principle)), 14)} |`,
    )
  const recall = (half: { values: number; caught: number }) => `${half.caught}/${half.values} (${num((half.caught / half.values) * 100)} %)`
  console.log(`| ${pad('all', 26)} | ${pad(recall(halves.tuning), 14)} | ${pad(recall(halves['held-out']), 14)} |`)
  if (!show) return
  for (const [half, result] of Object.entries(halves))
    for (const { item, value } of result.misses)
      console.log(
        `${half} ${item.id} ${item.principle}/${item.syntax}/${item.layout} ${item.path}: ${value}\n    ${JSON.stringify(item.text).slice(0, 300)}`,
      )
}

/** A redactor that changes nothing: packing with it is packing without redaction. */
const noRedaction: Redactor = {
  exclusion: (path, content) => new SecretRedactor().exclusion(path, content),
  redact: async (_path, text) => ({ text, redactions: [] }),
}

async function throughput(): Promise<void> {
  const root = await syntheticRepo()
  const listed = execFileSync('git', ['-C', root, 'ls-files'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n')
    .filter(Boolean)
  const raw = await time(async () => {
    const files: TextFile[] = []
    for (const path of listed) files.push({ path, text: await readFile(join(root, path), 'utf8') })
    return files
  })
  const files = raw.value
  const size = mb(files)
  const layer = async (run: (file: TextFile) => unknown) =>
    (
      await time(async () => {
        for (const file of files) await run(file)
      })
    ).ms
  /** As search_code reads: sixteen files at a time, so secretlint sees them in one call. */
  const batched = async (run: (file: TextFile) => Promise<unknown>) =>
    (
      await time(async () => {
        for (let at = 0; at < files.length; at += 16) await Promise.all(files.slice(at, at + 16).map(run))
      })
    ).ms
  const lineOnly = await layer((file) => findLineSecretSpans(file.path, file.text))
  const structural = await layer((file) => findStructuredSecretSpans(file.path, file.text, fileKind(file.path)))
  const oneByOne = await layer((file) => findSecretSpans(file.path, file.text))
  const all = await batched((file) => findSecretSpans(file.path, file.text))
  const redactor = new SecretRedactor()
  const cold = await batched((file) => redactor.redact(file.path, file.text))
  const recent = files.slice(-2_000)
  const warmStart = performance.now()
  for (const file of recent) await redactor.redact(file.path, file.text)
  const warm = ((performance.now() - warmStart) / recent.length) * files.length

  const cacheFolder = await mkdtemp(join(tmpdir(), 'gemba-bench-redact-'))
  const parser = await createCodeParser()
  const scan = await scanRepo({ repoId: 'bench', path: root }, { cacheFolder, clock: () => new Date(), parser: async () => parser })
  const signal = new AbortController().signal
  await packContext(scan, scanSnapshot(scan), { budgetTokens: DEFAULT_CONTEXT_TOKENS, redactor: noRedaction, parser }, signal)
  const packBare = await time(() =>
    packContext(scan, scanSnapshot(scan), { budgetTokens: DEFAULT_CONTEXT_TOKENS, redactor: noRedaction, parser }, signal),
  )
  const packCold = await time(() =>
    packContext(scan, scanSnapshot(scan), { budgetTokens: DEFAULT_CONTEXT_TOKENS, redactor: new SecretRedactor(), parser }, signal),
  )
  const packedChars = packCold.value.text.length
  parser.dispose()
  await rm(cacheFolder, { recursive: true, force: true })

  const rows: [string, number][] = [
    ['baseline: read every file raw', raw.ms],
    ["Gemba's line rules alone", lineOnly],
    ['structural reader alone (YAML, JSON, XML, notebooks)', structural],
    ['all layers, one file at a time (a read_file)', oneByOne],
    ['all layers, 16 files at a time (search_code, context prefetch)', all],
    ['SecretRedactor.redact, 16 at a time, first time (fills cache)', cold],
    ['SecretRedactor.redact, cache hits (last 2,000 files, scaled)', warm],
  ]
  console.log(`\nRepository: ${root} (${files.length.toLocaleString('en')} files, ${num(size)} MB)`)
  console.log(`| ${pad('step', 62)} | ${pad('time', 10)} | ${pad('MB/s', 8)} | ${pad('files/s', 8)} |`)
  console.log(`|${'-'.repeat(64)}|${'-'.repeat(12)}|${'-'.repeat(10)}|${'-'.repeat(10)}|`)
  for (const [step, ms] of rows)
    console.log(
      `| ${pad(step, 62)} | ${`${num(ms)} ms`.padStart(10)} | ${num(size / (ms / 1000)).padStart(8)} | ${num(files.length / (ms / 1000), 0).padStart(8)} |`,
    )
  console.log(
    `\nContext packing, ${DEFAULT_CONTEXT_TOKENS.toLocaleString('en')} tokens (${packedChars.toLocaleString('en')} chars, ${packCold.value.files.length} files):`,
  )
  console.log(`| ${pad('pack', 60)} | ${pad('time', 10)} |`)
  console.log(`|${'-'.repeat(62)}|${'-'.repeat(12)}|`)
  console.log(`| ${pad('baseline: packContext with redaction switched off', 60)} | ${`${num(packBare.ms)} ms`.padStart(10)} |`)
  console.log(`| ${pad('packContext with the SecretRedactor (fresh cache)', 60)} | ${`${num(packCold.ms)} ms`.padStart(10)} |`)
  const share = Math.max(0, packCold.ms - packBare.ms) / packCold.ms
  console.log(
    `\nRedaction's share of packing: ${num(share * 100)} %. Target: packing 40k tokens under 1 s: ${packCold.ms < 1000 ? 'met' : 'MISSED'}`,
  )
}

if (process.argv.includes('--corpus')) await corpusRecall()
else if (paths.length > 0) await falsePositives()
else await throughput()
