// Where the parse worker's code is: parse-worker.ts beside this module when Gemba runs from source
// (tests, the tour CLI, browser mode under Node's type stripping), else parse-worker.js, the build
// entry electron-vite writes beside the bundled main process (out/main). Never imports 'electron'.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const fileExists = (url: URL): boolean => url.protocol === 'file:' && existsSync(fileURLToPath(url))

/** `base` is the importing module's URL (import.meta.url): the source file, or the bundle it became. */
export function parseWorkerUrl(base: string, exists: (url: URL) => boolean = fileExists): URL {
  const source = new URL('./parse-worker.ts', base)
  return exists(source) ? source : new URL('./parse-worker.js', base)
}
