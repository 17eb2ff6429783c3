// Electronegativity's static audit of the BUILT app (out/), offline, as a gate in `npm test`.
// Its CLI fetches translations and Electron release data over the network and crashes without it, so
// this runs its runner directly: the i18n module is replaced by one that loads the bundled English
// strings, and the one check that needs the network (AvailableSecurityFixesGlobalCheck) is excluded.
// Fails on any finding above informational that security/electronegativity.json does not accept
// with a justification, and on accepted entries that no longer match anything (stale).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire, Module } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
// Its own i18n, and the transformer Vite builds with: dependencies of those packages, not of ours.
const electronegativityRequire = createRequire(join(packageDir, 'package.json'))
const viteRequire = createRequire(require.resolve('vite/package.json'))
const { transformSync } = await import(pathToFileURL(viteRequire.resolve('rolldown/experimental')).href)
const dist = join(packageDir, 'dist')

/** Checks left out: they need the network (Electron's release list), which CI here does not have. */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

/** Stands in for dist/locales/i18n.js: the same setup, minus the download of fresh translations. */
function offlineI18n() {
  const i18n = electronegativityRequire('i18n')
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: join(dist, 'locales'),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  })
  i18n.setLocale('en-US')
  return Promise.resolve()
}

function loadRunner() {
  const i18nPath = require.resolve(join(dist, 'locales', 'i18n.js'))
  const stub = new Module(i18nPath)
  stub.exports = offlineI18n
  stub.exports.default = offlineI18n
  stub.loaded = true
  require.cache[i18nPath] = stub
  return require(join(dist, 'runner.js'))
}

/**
 * A copy of out/ the audit can read. Its AST walker predates private fields and static blocks, so
 * the JavaScript is lowered to ES2019 (oxc, through rolldown which the build already uses; about a
 * third of a second); it reads .js/.html/package.json only, so the preload (.cjs) gets a .js name;
 * the app's package.json goes beside it for the JSON checks.
 */
function stageBuild(root) {
  const outDir = join(root, 'out')
  if (!statSync(outDir, { throwIfNoEntry: false })?.isDirectory()) throw new Error('out/ is missing: run `npx electron-vite build` first.')
  const stage = mkdtempSync(join(tmpdir(), 'gemba-electronegativity-'))
  cpSync(join(root, 'package.json'), join(stage, 'package.json'))
  const copy = (from, to) => {
    mkdirSync(to, { recursive: true })
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = join(from, entry.name)
      if (entry.isDirectory()) copy(source, join(to, entry.name))
      else if (/\.c?js$/.test(entry.name)) {
        const name = entry.name.replace(/\.cjs$/, '.cjs.js')
        const lowered = transformSync(name, readFileSync(source, 'utf8'), {
          target: 'es2019',
          sourceType: entry.name.endsWith('.cjs') ? 'script' : 'module',
        })
        if (lowered.errors.length > 0) throw new Error(`Could not lower ${source}: ${lowered.errors[0].message}`)
        writeFileSync(join(to, name), lowered.code)
      } else if (/\.html?$/.test(entry.name)) cpSync(source, join(to, entry.name))
    }
  }
  copy(outDir, join(stage, 'out'))
  return stage
}

const SEVERITY_ABOVE_INFORMATIONAL = new Set(['LOW', 'MEDIUM', 'HIGH'])

/** The findings above informational, as { id, file, line, severity, confidence, sample }. */
export async function runAudit(root) {
  const run = loadRunner()
  const stage = stageBuild(root)
  try {
    const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
    const result = await run({
      input: stage,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    })
    const findings = result.issues
      .filter((issue) => SEVERITY_ABOVE_INFORMATIONAL.has(issue.severity.name ?? String(issue.severity)))
      .map((issue) => ({
        id: issue.id,
        file: issue.file.replace(/\.cjs\.js$/, '.cjs'),
        line: issue.location.line,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        sample: String(issue.sample ?? '')
          .trim()
          .slice(0, 160),
      }))
    const hardErrors = result.errors
      .filter((error) => !error.tolerable)
      .map((error) => ({ file: relative(stage, error.file), message: error.message }))
    return { checks: result.globalChecks + result.atomicChecks, findings, hardErrors }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

/** An accepted entry matches a finding with its id, in a file matching `file` (a substring), and `sample` (a substring) if given. */
export function judge(findings, accepted) {
  const matches = (entry, finding) =>
    entry.id === finding.id && finding.file.includes(entry.file) && (entry.sample === undefined || finding.sample.includes(entry.sample))
  const unaccepted = findings.filter((finding) => !accepted.some((entry) => matches(entry, finding)))
  const stale = accepted.filter((entry) => !findings.some((finding) => matches(entry, finding)))
  const unjustified = accepted.filter((entry) => typeof entry.justification !== 'string' || entry.justification.trim().length < 20)
  return { unaccepted, stale, unjustified }
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const started = Date.now()
  const { checks, findings, hardErrors } = await runAudit(root)
  const accepted = JSON.parse(readFileSync(join(root, 'security', 'electronegativity.json'), 'utf8')).accepted
  const { unaccepted, stale, unjustified } = judge(findings, accepted)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  process.stdout.write(
    `Electronegativity: ${checks} checks over out/ in ${seconds} s; ${findings.length} findings above informational, ${findings.length - unaccepted.length} accepted.\n`,
  )
  const problems = []
  for (const finding of unaccepted)
    problems.push(
      `not accepted: ${finding.id} (${finding.severity}/${finding.confidence}) ${finding.file}:${finding.line}  ${finding.sample}`,
    )
  for (const entry of stale) problems.push(`stale acceptance (no such finding any more, remove it): ${entry.id} in ${entry.file}`)
  for (const entry of unjustified) problems.push(`accepted without a justification: ${entry.id} in ${entry.file}`)
  for (const error of hardErrors) problems.push(`could not parse ${error.file}: ${error.message}`)
  if (problems.length > 0) {
    process.stderr.write(
      `${problems.join('\n')}\nFix the code, or accept the finding with a justification in security/electronegativity.json.\n`,
    )
    process.exitCode = 1
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`Electronegativity could not run: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = 1
  })
}
