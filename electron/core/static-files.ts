// Which file of the built renderer a request path names, for both ways the page is served (the
// desktop's app:// protocol and browser mode's HTTP server): decoded, confined to the renderer folder
// (no "..", no NUL, nothing outside), with its MIME type, or why it refuses the path.
import { extname, join, normalize, sep } from 'node:path'

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

export interface StaticFile {
  /** The absolute path inside the folder. */
  readonly path: string
  /** The path relative to the folder, '/'-separated as requested ('index.html' for the page). */
  readonly relative: string
  readonly type: string
}

/**
 * The file `urlPath` names inside `folder`. A path without an extension (a screen's address) is the
 * page itself, index.html, when `pageForRoutes` is set (browser mode's history routes).
 */
export function staticFile(
  folder: string,
  urlPath: string,
  options: { readonly pageForRoutes?: boolean } = {},
): StaticFile | { readonly refused: 'malformed' | 'outside' } {
  const root = normalize(folder)
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return { refused: 'malformed' }
  }
  if (decoded.includes('\0')) return { refused: 'outside' }
  const trimmed = decoded.replace(/^\/+/, '')
  const relative = trimmed === '' || (options.pageForRoutes && !extname(trimmed)) ? 'index.html' : trimmed
  const path = normalize(join(root, relative))
  if (!path.startsWith(root + sep)) return { refused: 'outside' }
  return { path, relative, type: MIME[extname(path).toLowerCase()] ?? 'application/octet-stream' }
}
