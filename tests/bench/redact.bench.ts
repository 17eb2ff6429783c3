// Redaction benchmark (a script, not a test): `npm run bench -- redact [/path/to/repo …] [--show]`.
// Without paths: throughput (MB/s) of the redactor on the synthetic 20,000-file repository, next to
// baselines measured in the same run (reading the files raw, each layer alone), and its share of
// packing a 40,000-token context. With paths: the false-positive measure on real repositories —
// redacted lines per 10,000 lines, per repository, with --show listing every redacted line to review.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_CONTEXT_TOKENS, packContext } from '../../electron/services/ai/context/pack-context.ts'
import { fileKind } from '../../electron/services/secrets/file-kind.ts'
import { findLineSecretSpans } from '../../electron/services/secrets/secret-line-rules.ts'
import { findSecretSpans, SecretRedactor, type Redactor } from '../../electron/services/secrets/secret-redactor.ts'
import { findStructuredSecretSpans } from '../../electron/services/secrets/structured-secrets.ts'
import { looksBinary } from '../../electron/services/fs/looks-binary.ts'
import { createCodeParser } from '../../electron/services/repos/parse/code-parser.ts'
import { scanRepo } from '../../electron/services/repos/scan/scan-repo.ts'
import { syntheticRepo } from './synthetic-repo.ts'

const MAX_BYTES = 1024 * 1024
/** For the report only (never for detection): files under tests, fixtures, docs or examples. */
const TESTS_OR_DOCS =
  /(^|\/)(tests?|spec|specs|__tests__|fixtures?|testdata|docs?|guides?|examples?)\/|(^|\/)[\w.-]+[.][Tt]ests?\/|(^|\/)[a-z]+Test\/|[._-](test|spec)\.[a-z]+$|_test\.go$|\.(md|rst|adoc)$/i
const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'))
const show = process.argv.includes('--show')

interface TextFile {
  readonly path: string
  readonly text: string
}

async function textFiles(root: string): Promise<TextFile[]> {
  const listed = execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean)
  const redactor = new SecretRedactor()
  const files: TextFile[] = []
  for (const path of listed) {
    if (redactor.exclusion(path)) continue
    const bytes = await readFile(join(root, path)).catch(() => null)
    if (!bytes || bytes.byteLength > MAX_BYTES || looksBinary(bytes)) continue
    const text = new TextDecoder().decode(bytes)
    if (redactor.exclusion(path, text)) continue
    files.push({ path, text })
  }
  return files
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
  console.log('\nFalse-positive measure: every tracked text file (≤ 1 MB, not withheld whole) through the redactor.\n')
  console.log(
    `| ${pad('repository', 14)} | ${pad('files', 6)} | ${pad('lines', 9)} | ${pad('MB', 6)} | ${pad('redacted lines', 14)} | ${pad('per 10,000 lines', 16)} | ${pad('of them in tests/docs', 21)} | ${pad('MB/s', 6)} |`,
  )
  console.log(
    `|${'-'.repeat(16)}|${'-'.repeat(8)}|${'-'.repeat(11)}|${'-'.repeat(8)}|${'-'.repeat(16)}|${'-'.repeat(18)}|${'-'.repeat(23)}|${'-'.repeat(8)}|`,
  )
  const listing: string[] = []
  let allLines = 0
  let allRedacted = 0
  let allInTestsOrDocs = 0
  for (const root of paths) {
    const files = await textFiles(root)
    const redactor = new SecretRedactor()
    let lines = 0
    let redacted = 0
    let inTestsOrDocs = 0
    const { ms } = await time(async () => {
      for (let at = 0; at < files.length; at += 16) {
        const batch = files.slice(at, at + 16)
        const results = await Promise.all(batch.map((file) => redactor.redact(file.path, file.text)))
        for (const [index, file] of batch.entries()) {
          const result = results[index]!
          lines += file.text.split('\n').length
          redacted += result.redactions.length
          if (TESTS_OR_DOCS.test(file.path)) inTestsOrDocs += result.redactions.length
          if (show) {
            const raw = file.text.split('\n')
            const out = result.text.split('\n')
            for (const r of result.redactions)
              listing.push(
                `${root.split('/').at(-1)}/${r.path}:${r.line} ${r.rule}\n    before: ${raw[r.line - 1]?.trim().slice(0, 180)}\n    after:  ${out[r.line - 1]?.trim().slice(0, 180)}`,
              )
          }
        }
      }
    })
    allInTestsOrDocs += inTestsOrDocs
    allLines += lines
    allRedacted += redacted
    console.log(
      `| ${pad(root.split('/').at(-1) ?? root, 14)} | ${pad(String(files.length), 6)} | ${pad(lines.toLocaleString('en'), 9)} | ${pad(num(mb(files)), 6)} | ${pad(String(redacted), 14)} | ${pad(num((redacted / lines) * 10_000, 2), 16)} | ${pad(String(inTestsOrDocs), 21)} | ${pad(num(mb(files) / (ms / 1000)), 6)} |`,
    )
  }
  console.log(
    `| ${pad('all', 14)} | ${pad('', 6)} | ${pad(allLines.toLocaleString('en'), 9)} | ${pad('', 6)} | ${pad(String(allRedacted), 14)} | ${pad(num((allRedacted / allLines) * 10_000, 2), 16)} | ${pad(String(allInTestsOrDocs), 21)} | ${pad('', 6)} |`,
  )
  const rate = (allRedacted / allLines) * 10_000
  console.log(
    `\nRedacted lines per 10,000: ${num(rate, 2)} (target for false positives: < 1). Only a review can tell a false positive from a credential-shaped test value: run with --show.`,
  )
  if (show) console.log(`\nEvery redaction, to review:\n${listing.join('\n')}`)
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
  await packContext(scan, root, { budgetTokens: DEFAULT_CONTEXT_TOKENS, redactor: noRedaction, parser }, signal)
  const packBare = await time(() =>
    packContext(scan, root, { budgetTokens: DEFAULT_CONTEXT_TOKENS, redactor: noRedaction, parser }, signal),
  )
  const packCold = await time(() =>
    packContext(scan, root, { budgetTokens: DEFAULT_CONTEXT_TOKENS, redactor: new SecretRedactor(), parser }, signal),
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

if (paths.length > 0) await falsePositives()
else await throughput()
