// Where a worker thread's code is: `<name>.ts` beside the importing module when Gemba runs from source
// (tests, the tour CLI, browser mode under Node's type stripping), else `<name>.js`, the build entry
// electron-vite writes beside the bundled main process (out/main). Never imports 'electron'.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const fileExists = (url: URL): boolean => url.protocol === 'file:' && existsSync(fileURLToPath(url))

/** `base` is the importing module's URL (import.meta.url): the source file, or the bundle it became. */
export function workerEntryUrl(base: string, name: string, exists: (url: URL) => boolean = fileExists): URL {
  const source = new URL(`./${name}.ts`, base)
  return exists(source) ? source : new URL(`./${name}.js`, base)
}

/** The parse pool's worker (parse-worker.ts). */
export function parseWorkerUrl(base: string, exists: (url: URL) => boolean = fileExists): URL {
  return workerEntryUrl(base, 'parse-worker', exists)
}
