// `node scripts/parallel.mjs typecheck lint`: runs npm scripts side by side (both cores of a small CI
// machine) and prints each one's output whole when it ends, so the log reads as if they ran in turn.
// Exits non-zero when any of them fails.
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

const names = process.argv.slice(2)
const npmCli = process.env.npm_execpath

function run(name) {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = npmCli
      ? spawn(process.execPath, [npmCli, 'run', name], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => {
      process.stdout.write(`${name} could not start: ${error.message}\n`)
      resolve(1)
    })
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      process.stdout.write(`${output}${code === 0 ? '✓' : '✗'} npm run ${name} (${seconds} s)\n\n`)
      resolve(code ?? 1)
    })
  })
}

const codes = await Promise.all(names.map(run))
process.exit(codes.some((code) => code !== 0) ? 1 : 0)
