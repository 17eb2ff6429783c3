// Builds (once, cached in the temp folder by version and size) a deterministic synthetic repository for
// the benchmarks and the load tests: ~20,000 files in TypeScript, Python, Go, Java and Markdown and 5,000
// commits by default, `scale` times as many files when asked (5: 100,000), written with
// `git fast-import` so it takes seconds. Never touches anything outside its own folder.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const SYNTHETIC_VERSION = 'v2'

export interface SyntheticOptions {
  /** Files are about 20,000 × scale (default 1). */
  readonly scale?: number
  readonly commits?: number
  /** A .mailmap of this many entries (old addresses no commit has, mapped to the authors); none by default. */
  readonly mailmapLines?: number
  /** Where to build it (default: a folder of the temp folder named after the version and size). */
  readonly dir?: string
}

interface Spec {
  readonly path: string
  readonly render: (rev: number) => string
}

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function fileSpecs(scale: number): Spec[] {
  const specs: Spec[] = []
  const body = (rev: number, comment: string) => Array.from({ length: 25 }, (_, i) => `${comment} line ${i} rev ${rev}`).join('\n')
  const packages = 40 * scale
  for (let p = 0; p < packages; p++) {
    for (let f = 0; f < 200; f++) {
      const dep = (f * 7 + 3) % 200
      const other = (p + 1) % packages
      specs.push({
        path: `packages/pkg${p}/src/mod${f}.ts`,
        render: (rev) =>
          `import { fn${dep} } from './mod${dep}.ts'\nimport { fn0 } from '../../pkg${other}/src/mod0.ts'\n${body(rev, '//')}\nexport function fn${f}(): number { return fn${dep}() + fn0() + ${rev} }\n`,
      })
    }
  }
  for (let s = 0; s < 25 * scale; s++) {
    for (let f = 0; f < 200; f++) {
      specs.push({
        path: `services/svc${s}/app/m${f}.py`,
        render: (rev) => `from app import m${(f + 1) % 200}\nimport os\n${body(rev, '#')}\ndef f${f}():\n    return ${rev}\n`,
      })
    }
  }
  const goPackages = 200 * scale
  for (let g = 0; g < goPackages; g++) {
    for (let f = 0; f < 20; f++) {
      specs.push({
        path: `internal/pkg${g}/f${f}.go`,
        render: (rev) =>
          `package pkg${g}\n\nimport "example.com/synth/internal/pkg${(g + 1) % goPackages}"\n${body(rev, '//')}\nfunc F${f}() int { return pkg${(g + 1) % goPackages}.F0() + ${rev} }\n`,
      })
    }
  }
  const classes = 2500 * scale
  for (let j = 0; j < classes; j++) {
    specs.push({
      path: `java/src/main/java/com/acme/area${j % 25}/C${j}.java`,
      render: (rev) =>
        `package com.acme.area${j % 25};\n\nimport com.acme.area${(j + 1) % 25}.C${(j + 1) % classes};\n${body(rev, '//')}\npublic class C${j} { int v = ${rev}; }\n`,
    })
  }
  for (let d = 0; d < 500 * scale; d++) specs.push({ path: `docs/page${d}.md`, render: (rev) => `# Page ${d}\n\n${body(rev, '-')}\n` })
  specs.push({
    path: 'README.md',
    render: () => '# Synthetic\n\nA synthetic repository for the Gemba scan benchmark, with several languages.\n',
  })
  specs.push({
    path: 'package.json',
    render: () => JSON.stringify({ name: 'synthetic', workspaces: ['packages/*'], scripts: { test: 'vitest' } }),
  })
  specs.push({ path: 'go.mod', render: () => 'module example.com/synth\n\ngo 1.22\n' })
  return specs
}

function* stream(scale: number, commits: number, mailmapLines: number): Generator<string> {
  const specs = fileSpecs(scale)
  if (mailmapLines > 0) {
    const lines = Array.from({ length: mailmapLines }, (_, i) => `Dev ${i % 30} <dev${i % 30}@example.com> <old${i}@example.org>`)
    specs.push({ path: '.mailmap', render: () => `${lines.join('\n')}\n` })
  }
  const rand = random(42)
  const authors = Array.from({ length: 30 }, (_, i) => `Dev ${i} <dev${i}@example.com>`)
  let time = 1_600_000_000
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`
  for (let c = 0; c < commits; c++) {
    time += 3600 + Math.floor(rand() * 7200)
    const author = authors[Math.floor(rand() * authors.length)] ?? authors[0]
    let out = `commit refs/heads/main\nmark :${c + 1}\nauthor ${author} ${time} +0000\ncommitter ${author} ${time} +0000\n${data(`change ${c}`)}`
    if (c > 0) out += `from :${c}\n`
    const touched = c === 0 ? specs : Array.from({ length: 1 + Math.floor(rand() * 5) }, () => specs[Math.floor(rand() * specs.length)])
    for (const spec of touched) if (spec) out += `M 100644 inline ${spec.path}\n${data(spec.render(c))}`
    yield out
  }
}

/** Answers the path of the synthetic repository, building it first when it is not cached. */
export async function syntheticRepo(options: SyntheticOptions = {}): Promise<string> {
  const scale = options.scale ?? 1
  const commits = options.commits ?? 5000
  const mailmap = options.mailmapLines ?? 0
  const name = `gemba-bench-${SYNTHETIC_VERSION}-${20_000 * scale}f-${commits}c${mailmap ? `-${mailmap}m` : ''}`
  const dir = options.dir ?? join(tmpdir(), name)
  if (existsSync(join(dir, '.git', 'gemba-bench-ready'))) return dir
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir })
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] })
  const done = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`)))),
  )
  for (const chunk of stream(scale, commits, mailmap)) {
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve))
  }
  child.stdin.end()
  await done
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir })
  execFileSync('git', ['gc', '-q'], { cwd: dir })
  execFileSync('touch', [join(dir, '.git', 'gemba-bench-ready')])
  return dir
}
