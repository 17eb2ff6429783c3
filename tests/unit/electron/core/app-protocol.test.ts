// The desktop app's app:// handler as code, in plain Node: the page and its assets with their types
// and the Content-Security-Policy, and the refusals that keep everything outside the renderer folder out.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appProtocolHandler } from '../../../../electron/core/app-protocol.ts'
import { CONTENT_SECURITY_POLICY } from '../../../../electron/core/csp.ts'

let base: string
let handle: (request: Request) => Promise<Response>

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'gemba-app-protocol-'))
  const renderer = join(base, 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Gemba</title>')
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(renderer, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(join(renderer, 'favicon.svg'), '<svg/>')
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder')
  await writeFile(join(base, 'renderer-sibling.txt'), 'a folder whose name starts like the renderer’s')
  handle = appProtocolHandler(renderer)
})
afterAll(() => rm(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => handle(new Request(url, { method }))

describe('the app:// protocol handler', () => {
  it('serves the page at the root and by name, with the CSP and nosniff on every response', async () => {
    for (const url of ['app://gemba/', 'app://gemba/index.html', 'app://gemba']) {
      const response = await get(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await response.text()).toContain('<title>Gemba</title>')
    }
  })

  it('serves assets with their MIME types and lengths; HEAD answers without a body', async () => {
    const script = await get('app://gemba/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('content-length')).toBe('14')
    expect(await script.text()).toBe('console.log(1)')
    expect((await get('app://gemba/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await get('app://gemba/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml')
    const head = await get('app://gemba/assets/index-abc.js', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('refuses every way out of the renderer folder, and other hosts, with the CSP still set', async () => {
    const refused = [
      'app://gemba/%2e%2e/secret.txt',
      'app://gemba/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      'app://gemba/..%2fsecret.txt',
      'app://gemba/%2e%2e/renderer-sibling.txt',
      'app://gemba/index.html%00.js',
      'app://gemba/missing.js',
      'app://gemba/assets',
      'app://elsewhere/index.html',
    ]
    for (const url of refused) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
      expect(await response.text(), url).not.toContain('outside')
    }
    expect((await get('app://gemba/%E0%A4%A')).status).toBe(400)
  })

  it('serves reads only', async () => {
    expect((await get('app://gemba/index.html', 'POST')).status).toBe(405)
  })
})
