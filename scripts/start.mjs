// `npm start`: the desktop app. Electron downloads its binary on first launch; where that cannot
// happen (an offline or locked-down machine), say so in one sentence and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from './build.mjs'
import { electronBinary, electronPackageFolder } from './electron-binary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function ensureElectron() {
  const present = electronBinary()
  if (present) return present
  process.stdout.write('Fetching the Electron binary for the first launch…\n')
  const result = spawnSync(process.execPath, [join(electronPackageFolder(), 'install.js')], { encoding: 'utf8', timeout: 180_000 })
  return result.status === 0 ? electronBinary() : null
}

try {
  build(root)
  const binary = ensureElectron()
  if (binary) {
    const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
    child.on('close', (code) => process.exit(code ?? 0))
  } else {
    process.stdout.write('The Electron binary could not be downloaded on this machine, so Gemba is starting in browser mode instead.\n')
    const { runWeb } = await import('../electron/web-main.ts')
    await runWeb(process.argv.slice(2), process.env)
  }
} catch (error) {
  process.stderr.write(`Gemba could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
