// The desktop app's app:// protocol: serves the built renderer from its folder to our window, with the
// Content-Security-Policy on every response. A plain function from a Request to a Response, so it is
// tested by behaviour in plain Node; main.ts only registers it. Refuses any other host, any path
// outside the folder (encoded ".." included), and methods other than GET and HEAD.
import { stat } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { CONTENT_SECURITY_POLICY } from './csp.ts'
import { staticFile } from './static-files.ts'

export const APP_HOST = 'gemba'

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function appProtocolHandler(rendererFolder: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    if (url.protocol !== 'app:' || url.host !== APP_HOST) return refusal(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Not allowed')
    const file = staticFile(rendererFolder, url.pathname)
    if ('refused' in file) return file.refused === 'malformed' ? refusal(400, 'Bad path') : refusal(404, 'Not found')
    const info = await stat(file.path).catch(() => undefined)
    if (!info?.isFile()) return refusal(404, 'Not found')
    const headers = { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Length': String(info.size) }
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
    const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>
    return new Response(body, { status: 200, headers })
  }
}
