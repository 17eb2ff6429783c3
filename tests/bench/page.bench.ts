// Page benchmark (a script, not a test): `npm run bench -- page [--no-build] [--runs N]`.
// Builds the renderer (unless --no-build), then prints (1) the initial weight: the JS and CSS that
// out/renderer/index.html loads before its first paint (static imports followed), against the whole
// bundle; and (2) the time to first contentful paint and to the Today screen's title in Chromium
// (browser mode, a fresh context per run, so a cold cache), against baselines measured in the same
// run: a static page with no script at all, and the same build with every chunk preloaded at once.
import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { startWebServer, type WebServer } from '../../electron/web.ts'
import { makeTestBackend } from '../fixtures/test-backend.ts'
import { initialAssets, wholeBundle, type Weight } from './initial-assets.ts'
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.ts'

const root = join(import.meta.dirname, '..', '..')
const built = join(root, 'out', 'renderer')
const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 5) : 5
const KB = 1024
const TARGET_GZIP = 200 * KB

if (!args.includes('--no-build')) {
  const started = performance.now()
  const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0) {
    process.stderr.write(`The build failed:\n${build.stdout}\n${build.stderr}\n`)
    process.exit(1)
  }
  console.log(`Built out/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
}

// ---- (1) weight -------------------------------------------------------------------------------

const initial = await initialAssets(built)
const whole = await wholeBundle(built)
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`.padStart(10)
const row = (label: string, weight: Weight) =>
  `| ${label.padEnd(44)} | ${kb(weight.js.bytes)} | ${kb(weight.js.gzipBytes)} | ${kb(weight.css.bytes)} | ${kb(weight.css.gzipBytes)} | ${kb(weight.total.gzipBytes)} | ${String(weight.assets.length).padStart(5)} |`
console.log('\nInitial weight: what index.html loads before the first paint (gzip -9), against the whole bundle\n')
console.log(
  `| ${'what'.padEnd(44)} | ${'JS raw'.padStart(10)} | ${'JS gzip'.padStart(10)} | ${'CSS raw'.padStart(10)} | ${'CSS gzip'.padStart(10)} | ${'JS+CSS gz'.padStart(10)} | files |`,
)
console.log(`|${'-'.repeat(46)}|${'-'.repeat(12)}|${'-'.repeat(12)}|${'-'.repeat(12)}|${'-'.repeat(12)}|${'-'.repeat(12)}|-------|`)
console.log(row('initial (index.html + static imports)', initial))
console.log(row('whole bundle (every chunk, loaded eagerly)', whole))
console.log(
  `\nInitial is ${((100 * initial.total.gzipBytes) / whole.total.gzipBytes).toFixed(1)}% of the whole bundle (gzip). Files loaded first: ${initial.assets.map((asset) => asset.file.replace('assets/', '')).join(', ')}`,
)

// ---- (2) first paint ----------------------------------------------------------------------------

/** A copy of the build whose index.html also preloads every script and links every stylesheet. */
async function everythingEager(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'gemba-bench-eager-'))
  await cp(built, folder, { recursive: true })
  const links = whole.assets
    .filter((asset) => !initial.assets.some((first) => first.file === asset.file))
    .map((asset) =>
      asset.kind === 'css' ? `<link rel="stylesheet" href="./${asset.file}">` : `<link rel="modulepreload" href="./${asset.file}">`,
    )
  const html = await readFile(join(folder, 'index.html'), 'utf8')
  await writeFile(join(folder, 'index.html'), html.replace('</head>', `${links.join('\n')}\n</head>`))
  return folder
}

async function staticPage(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'gemba-bench-static-'))
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><html lang="en"><title>Gemba</title><h1 id="page-title">Today</h1><p>A page with no script.</p></html>',
  )
  return folder
}

interface Paint {
  readonly fcp: number
  readonly title: number
}

/** One cold load: a fresh browser context, the page until its title (#page-title) is in the document. */
async function load(browser: Browser, url: string): Promise<Paint> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } })
  try {
    const page = await context.newPage()
    await page.addInitScript(() => {
      const mark = () => {
        if (document.getElementById('page-title') && !performance.getEntriesByName('gemba-title').length) performance.mark('gemba-title')
      }
      new MutationObserver(mark).observe(document, { childList: true, subtree: true })
    })
    await page.goto(url)
    await page.locator('#page-title').waitFor()
    return await page.evaluate(
      () =>
        new Promise<Paint>((resolve) => {
          const read = () => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime
            const title = performance.getEntriesByName('gemba-title')[0]?.startTime ?? performance.now()
            if (fcp === undefined) requestAnimationFrame(read)
            else resolve({ fcp, title })
          }
          read()
        }),
    )
  } finally {
    await context.close()
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const backend = await makeTestBackend()
const eagerFolder = await everythingEager()
const staticFolder = await staticPage()
const servers: WebServer[] = []
const serve = async (folder: string) => {
  const server = await startWebServer({ dispatcher: backend.backend.dispatcher, hub: backend.backend.hub, staticFolder: folder })
  servers.push(server)
  return server.pageUrl
}
const pages = { gemba: await serve(built), eager: await serve(eagerFolder), plain: await serve(staticFolder) }
const browser = await chromium.launch(CHROMIUM_LAUNCH)
const samples: Record<keyof typeof pages, Paint[]> = { gemba: [], eager: [], plain: [] }
try {
  await load(browser, pages.gemba) // warms the browser process and the backend, not measured
  for (let run = 0; run < runs; run++) {
    // Interleaved, so a busy moment on the shared machine falls on every page alike.
    for (const name of Object.keys(pages) as (keyof typeof pages)[]) samples[name].push(await load(browser, pages[name]))
  }
} finally {
  await browser.close()
  for (const server of servers) await server.close()
  await backend.cleanup()
  await rm(eagerFolder, { recursive: true, force: true })
  await rm(staticFolder, { recursive: true, force: true })
}

const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(9)
const plainFcp = median(samples.plain.map((sample) => sample.fcp))
console.log(`\nFirst paint in Chromium (browser mode on 127.0.0.1, cold cache, median of ${runs} runs)\n`)
console.log(`| ${'page'.padEnd(52)} | ${'first paint'.padStart(11)} | ${'title in DOM'.padStart(12)} | vs static |`)
console.log(`|${'-'.repeat(54)}|${'-'.repeat(13)}|${'-'.repeat(14)}|-----------|`)
const paintRow = (label: string, list: readonly Paint[]) => {
  const fcp = median(list.map((sample) => sample.fcp))
  const title = median(list.map((sample) => sample.title))
  console.log(
    `| ${label.padEnd(52)} | ${ms(fcp).padStart(11)} | ${ms(title).padStart(12)} | ${`${(fcp / plainFcp).toFixed(1)}x`.padStart(9)} |`,
  )
}
paintRow('static page, no script (baseline)', samples.plain)
paintRow('Gemba as built (initial chunk only)', samples.gemba)
paintRow('Gemba with every chunk preloaded (baseline)', samples.eager)
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
console.log(
  `\nTarget: initial JS + CSS under 200 KB gzip: ${verdict(initial.total.gzipBytes < TARGET_GZIP)} (${(initial.total.gzipBytes / KB).toFixed(1)} KB)`,
)
