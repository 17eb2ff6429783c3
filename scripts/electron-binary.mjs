// Finds the Electron binary without triggering its download (requiring 'electron' would download it
// on the spot). Used by `npm start` and by the Electron launch test.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export function electronPackageFolder() {
  return dirname(require.resolve('electron/package.json'))
}

/** The binary's path, or null when it has not been downloaded (yet). */
export function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron')
  const folder = electronPackageFolder()
  const pathFile = join(folder, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
