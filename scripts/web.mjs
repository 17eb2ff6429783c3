// `npm run web`: builds, then serves Gemba in browser mode on 127.0.0.1 and opens the browser
// (unless --no-open). Arguments pass through: --port N, --no-open.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from './build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
try {
  if (!process.argv.includes('--no-build')) build(root)
  const { runWeb } = await import('../electron/web-main.ts')
  await runWeb(
    process.argv.slice(2).filter((arg) => arg !== '--no-build'),
    process.env,
  )
} catch (error) {
  process.stderr.write(`Gemba could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
