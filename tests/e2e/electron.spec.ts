// The desktop app itself, launched with Playwright's Electron driver wherever the Electron binary
// exists. Elsewhere (it is downloaded on first launch, which this machine cannot do) it is skipped
// with the reason printed.
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, expect, test } from '@playwright/test'
// @ts-expect-error: a plain .mjs script without type declarations
import { electronBinary } from '../../scripts/electron-binary.mjs'
import { newHome } from './support/backend-process.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const binary = (electronBinary as () => string | null)()

test('the desktop window opens hardened and serves Settings over IPC', async () => {
  if (!binary) {
    const reason =
      'Skipped: the Electron binary is not on this machine (it is downloaded on first launch, and this machine cannot reach the download).'
    process.stdout.write(`${reason}\n`)
    test.skip(true, reason)
    return
  }
  const home = await newHome()
  const app = await electron.launch({ executablePath: binary, args: [root], env: { ...process.env, GEMBA_HOME: home } })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents
      return contents
        ? {
            url: contents.getURL(),
            prefs: (contents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences(),
          }
        : null
    })
    expect(prefs?.url).toMatch(/^app:\/\/gemba\//)
    expect(prefs?.prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    await window.getByRole('link', { name: 'Settings' }).click()
    await expect(window.getByTestId('api-key-status')).toBeVisible()
  } finally {
    await app.close()
    await rm(home, { recursive: true, force: true })
  }
})
