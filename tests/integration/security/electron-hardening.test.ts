// Electron's checklist items that are configuration rather than behaviour: one strict CSP used by
// every page (the renderer's meta tag, the app:// protocol handler's header, browser mode's header),
// the packaged app's fuses, and the gate that keeps Electronegativity findings explained.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appProtocolHandler } from '../../../electron/core/app-protocol.ts'
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/csp.ts'
import { startWebServer, type WebServer } from '../../../electron/web.ts'
import { makeTestBackend, type TestBackend } from '../../fixtures/test-backend.ts'
// @ts-expect-error: a plain .mjs script without type declarations
import { EXCLUDED_CHECKS, judge } from '../../../scripts/electronegativity.mjs'

const root = join(import.meta.dirname, '..', '..', '..')

/** Directive name to its sources, for comparing policies regardless of spacing. */
function directives(policy: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const part of policy
    .split(';')
    .map((text) => text.trim())
    .filter(Boolean)) {
    const [name = '', ...sources] = part.split(/\s+/)
    map.set(name.toLowerCase(), sources.join(' '))
  }
  return map
}

/** The policy a <meta> tag can carry: browsers ignore frame-ancestors (and report-uri, sandbox) there. */
function metaApplicable(policy: string): Map<string, string> {
  const map = directives(policy)
  for (const headerOnly of ['frame-ancestors', 'report-uri', 'sandbox']) map.delete(headerOnly)
  return map
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  if (!match?.[1]) throw new Error('The page has no Content-Security-Policy meta tag.')
  return match[1]
}

describe('the Content-Security-Policy', () => {
  it('is strict: our own scripts only, no eval, no plugins, no framing, connections home only', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    expect(policy.get('default-src')).toBe("'self'")
    expect(policy.get('script-src')).toBe("'self'")
    expect(policy.get('connect-src')).toBe("'self'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('base-uri')).toBe("'none'")
    expect(policy.get('form-action')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:/)
    for (const [name, sources] of policy) {
      if (name !== 'style-src') expect(sources, name).not.toContain('unsafe-inline')
    }
  })

  it('is the same in the renderer page’s meta tag (source and, when built, out/)', async () => {
    const source = await readFile(join(root, 'renderer', 'index.html'), 'utf8')
    expect(directives(metaPolicy(source))).toEqual(metaApplicable(CONTENT_SECURITY_POLICY))
    const built = await readFile(join(root, 'out', 'renderer', 'index.html'), 'utf8').catch(() => null)
    if (built !== null) expect(directives(metaPolicy(built))).toEqual(metaApplicable(CONTENT_SECURITY_POLICY))
  })

  it('is the header of every app:// response in the desktop app (the handler main.ts registers)', async () => {
    // core/app-protocol.ts is a plain function from a Request to a Response: exercised here, not read
    // as text. Over the built renderer when there is one, else over a page of our own.
    const built = join(root, 'out', 'renderer')
    const folder =
      (await readFile(join(built, 'index.html'), 'utf8').then(
        () => built,
        () => null,
      )) ?? (await mkdtemp(join(tmpdir(), 'gemba-app-')))
    if (folder !== built) await writeFile(join(folder, 'index.html'), '<!doctype html><title>Gemba</title>')
    const handle = appProtocolHandler(folder)
    for (const url of [
      'app://gemba/',
      'app://gemba/index.html',
      'app://gemba/no-such-file.js',
      'app://gemba/%2e%2e/package.json',
      'app://other/index.html',
    ]) {
      const response = await handle(new Request(url))
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
    }
    expect((await handle(new Request('app://gemba/%2e%2e/package.json'))).status).toBe(404)
    if (folder !== built) await rm(folder, { recursive: true, force: true })
  })

  describe('in browser mode', () => {
    let test: TestBackend
    let server: WebServer
    let staticFolder: string
    beforeAll(async () => {
      test = await makeTestBackend()
      staticFolder = await mkdtemp(join(tmpdir(), 'gemba-csp-'))
      await writeFile(join(staticFolder, 'index.html'), '<!doctype html><title>Gemba</title>')
      server = await startWebServer({ dispatcher: test.backend.dispatcher, hub: test.backend.hub, staticFolder })
    })
    afterAll(async () => {
      await server.close()
      await test.cleanup()
      await rm(staticFolder, { recursive: true, force: true })
    })

    it('is the header of the page and of every screen route, exactly', async () => {
      for (const path of ['/', '/index.html', '/journal', '/settings']) {
        const res = await fetch(`${server.url}${path}`)
        expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY)
      }
    })
  })
})

describe('the packaged app’s Electron fuses (electron-builder.yml)', () => {
  it('turn off Node entry points and turn on cookie encryption and ASAR integrity', async () => {
    const config = parseYaml(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as {
      asar?: unknown
      electronFuses?: Record<string, unknown>
    }
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('are spelled as electron-builder knows them (a typo would be silently ignored)', async () => {
    const config = parseYaml(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, unknown> }
    const types = await readFile(join(root, 'node_modules', 'app-builder-lib', 'out', 'configuration.d.ts'), 'utf8')
    const fuseOptions = types.slice(types.indexOf('interface FuseOptionsV1'), types.indexOf('}', types.indexOf('interface FuseOptionsV1')))
    for (const name of Object.keys(config.electronFuses)) expect(fuseOptions, name).toMatch(new RegExp(`\\b${name}\\?:`))
  })
})

describe('the Electronegativity gate (scripts/electronegativity.mjs)', () => {
  const finding = {
    id: 'SANDBOX_JS_CHECK',
    file: 'out/main/main.js',
    line: 9,
    severity: 'MEDIUM',
    confidence: 'FIRM',
    sample: 'new BrowserWindow(mainWindowOptions(x))',
  }

  it('fails on a finding nobody accepted, and on an acceptance that matches nothing any more', () => {
    const accepted = [
      {
        id: 'SANDBOX_JS_CHECK',
        file: 'out/main/main.js',
        sample: 'new BrowserWindow(mainWindowOptions(',
        justification: 'Asserted by the window options unit test.',
      },
    ]
    expect(judge([finding], accepted)).toEqual({ unaccepted: [], stale: [], unjustified: [] })
    const other = { ...finding, id: 'NODE_INTEGRATION_JS_CHECK' }
    expect(judge([finding, other], accepted).unaccepted).toEqual([other])
    expect(judge([], accepted).stale).toEqual(accepted)
    expect(judge([{ ...finding, sample: 'new BrowserWindow({ sandbox: false })' }], accepted).unaccepted).toHaveLength(1)
  })

  it('refuses an acceptance without a real justification', () => {
    expect(judge([finding], [{ id: finding.id, file: 'main.js', justification: 'ok' }]).unjustified).toHaveLength(1)
  })

  it('has every accepted finding justified, and leaves out only the check that needs the network', async () => {
    const file = JSON.parse(await readFile(join(root, 'security', 'electronegativity.json'), 'utf8')) as {
      accepted: { id: string; file: string; justification: string }[]
    }
    expect(judge([], file.accepted).unjustified).toEqual([])
    expect(file.accepted.map((entry) => entry.id)).not.toContain('NODE_INTEGRATION_JS_CHECK')
    expect(file.accepted.map((entry) => entry.id)).not.toContain('WEB_SECURITY_JS_CHECK')
    expect(EXCLUDED_CHECKS).toEqual(['AvailableSecurityFixesGlobalCheck'])
  })
})
