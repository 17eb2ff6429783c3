// Builds main, preload and renderer with electron-vite (about a second), quietly unless it fails.
import { spawnSync } from 'node:child_process'

export function build(root) {
  const result = spawnSync(
    process.execPath,
    [new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url).pathname, 'build'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr)
    throw new Error('The build failed (see above).')
  }
}
