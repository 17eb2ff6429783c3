// What a page loads before it can paint: the scripts and stylesheets its index.html names, and every
// module those scripts import statically (followed through the built chunks); dynamic import() is
// left out, since it loads later. Sizes raw and gzipped (level 9, as a server would send them).
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, normalize, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface AssetWeight {
  readonly file: string
  readonly kind: 'js' | 'css'
  readonly bytes: number
  readonly gzipBytes: number
}

export interface Weight {
  readonly assets: readonly AssetWeight[]
  readonly js: { readonly bytes: number; readonly gzipBytes: number }
  readonly css: { readonly bytes: number; readonly gzipBytes: number }
  readonly total: { readonly bytes: number; readonly gzipBytes: number }
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g

async function weigh(folder: string, file: string): Promise<AssetWeight> {
  const bytes = await readFile(join(folder, file))
  return { file, kind: file.endsWith('.css') ? 'css' : 'js', bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }
}

function sum(assets: readonly AssetWeight[]): { bytes: number; gzipBytes: number } {
  return {
    bytes: assets.reduce((total, asset) => total + asset.bytes, 0),
    gzipBytes: assets.reduce((total, asset) => total + asset.gzipBytes, 0),
  }
}

export function weightOf(assets: readonly AssetWeight[]): Weight {
  return {
    assets,
    js: sum(assets.filter((asset) => asset.kind === 'js')),
    css: sum(assets.filter((asset) => asset.kind === 'css')),
    total: sum(assets),
  }
}

/** The assets `index.html` in `folder` (a built renderer) loads before its first paint. */
export async function initialAssets(folder: string, page = 'index.html'): Promise<Weight> {
  const html = await readFile(join(folder, page), 'utf8')
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\.?\/?assets\/[^"]+\.(?:js|css))"[^>]*>/g)].map((match) =>
    normalize(match[1]!.replace(/^\.?\//, '')),
  )
  const seen = new Set<string>()
  const queue = [...named]
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    if (!file.endsWith('.js')) continue
    const source = await readFile(join(folder, file), 'utf8')
    for (const match of source.matchAll(STATIC_IMPORT)) queue.push(normalize(join(dirname(file), match[1]!)))
  }
  return weightOf(await Promise.all([...seen].sort().map((file) => weigh(folder, file))))
}

/** Every script and stylesheet of the build: what the page would weigh if it loaded everything at once. */
export async function wholeBundle(folder: string): Promise<Weight> {
  const files = (await readdir(join(folder, 'assets'), { recursive: true }))
    .map((name) => String(name))
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => relative(folder, join(folder, 'assets', name)))
  return weightOf(await Promise.all(files.sort().map((file) => weigh(folder, file))))
}
