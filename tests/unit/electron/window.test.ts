import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { denyPermissions, guardContents, isAppUrl, isExternalLinkAllowed, mainWindowOptions } from '../../../electron/window.ts'

describe('mainWindowOptions', () => {
  it('keeps the page isolated, sandboxed and without Node', () => {
    const prefs = mainWindowOptions('/app/preload.cjs', null).webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
  })

  it('restores remembered bounds, and only places the window when both coordinates are known', () => {
    expect(mainWindowOptions('p', { x: 10, y: 20, width: 1000, height: 700 })).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 })
    const noPosition = mainWindowOptions('p', { width: 1000, height: 700 })
    expect(noPosition).not.toHaveProperty('x')
  })
})

describe('link and navigation rules', () => {
  it('recognises only our own app origin', () => {
    expect(isAppUrl('app://gemba/index.html')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('https://gemba/index.html')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })

  it('hands only http(s) links to the system browser', () => {
    expect(isExternalLinkAllowed('https://example.com')).toBe(true)
    expect(isExternalLinkAllowed('http://example.com')).toBe(true)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'vscode://file/x', 'garbage']) {
      expect(isExternalLinkAllowed(url)).toBe(false)
    }
  })

  it('denies new windows and blocks navigation away, opening http(s) targets externally', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => void }
    let openHandler: ((details: { url: string }) => unknown) | undefined
    contents.setWindowOpenHandler = (handler) => {
      openHandler = handler
    }
    const opened: string[] = []
    guardContents(contents as never, { openExternal: (url) => opened.push(url) })

    expect(openHandler?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' })
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })

    const navigate = (url: string): boolean => {
      let prevented = false
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    expect(navigate('app://gemba/index.html#/settings')).toBe(false)
    expect(navigate('https://attacker.example')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(opened).toEqual(['https://example.com/docs', 'https://attacker.example'])

    let webviewPrevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) })
    expect(webviewPrevented).toBe(true)
  })

  it('denies every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    denyPermissions({
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    } as never)
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      request?.(null, permission, (granted) => answers.push(granted))
    expect(answers).toEqual([false, false, false, false])
    expect(check?.()).toBe(false)
  })
})
