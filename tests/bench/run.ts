// `npm run bench [-- <name> …] [<path or option> …]`: runs each benchmark script in tests/bench/*.bench.ts
// in its own Node process, one after the other, so their timings and peak memory don't mix. Every
// script prints its own table, each with a baseline measured in the same run.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const folder = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const all = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort()
// Bench names pick scripts; everything else (paths, flags and their values) goes to the scripts.
const isName = (arg: string) => !arg.startsWith('-') && !arg.includes('/') && all.some((name) => name.startsWith(arg))
const wanted = args.filter(isName)
const passThrough = args.filter((arg) => !isName(arg))
// A name that is a script's whole name picks that script only (`hour` is not `hour-cost`).
const picks = (want: string, name: string) => (all.includes(`${want}.bench.ts`) ? name === `${want}.bench.ts` : name.startsWith(want))
const scripts = all.filter((name) => wanted.length === 0 || wanted.some((want) => picks(want, name)))

let failed = 0
for (const script of scripts) {
  process.stdout.write(`\n=== ${script} ===\n`)
  const result = spawnSync(process.execPath, ['--expose-gc', join(folder, script), ...passThrough], { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}
if (scripts.length === 0) process.stdout.write(`No benchmark matches ${wanted.join(', ')}.\n`)
process.exit(failed === 0 ? 0 : 1)
