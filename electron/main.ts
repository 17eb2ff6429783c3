// The desktop app's lifecycle: single instance, the app:// protocol (core/app-protocol.ts serves our
// pages with a strict CSP), the hardened window, IPC, and the Electron-backed platform ports for the
// backend. Quitting disposes the backend: calls aborted, watches stopped, test runs killed.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, session, shell, Tray } from 'electron'
import ElectronStore from 'electron-store'
import type Conf from 'conf'
import { mkdirSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { events } from '../shared/api.ts'
import { createBackend } from './core/backend.ts'
import { appProtocolHandler } from './core/app-protocol.ts'
import { bindIpc } from './ipc.ts'
import { resolveDataFolder } from './platform/data-folder.ts'
import { createSafeStorageBox } from './secret-box-electron.ts'
import { FileLogger } from './services/log/index.ts'
import type { KeyValueStore, OpenStore } from './services/settings/index.ts'
import { APP_ORIGIN, denyPermissions, guardContents, mainWindowOptions, rememberBounds, type WindowBounds } from './window.ts'

const here = dirname(fileURLToPath(import.meta.url))
const rendererFolder = normalize(join(here, '..', 'renderer'))

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
])

if (process.env.GEMBA_HOME) app.setPath('userData', resolveDataFolder(process.env))
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      process.stderr.write(`Gemba could not start: ${error instanceof Error ? error.message : String(error)}\n`)
      app.exit(1)
    })
}

const openElectronStore: OpenStore = (options) =>
  new ElectronStore<Record<string, unknown>>({
    cwd: options.cwd,
    name: options.configName,
    projectVersion: options.projectVersion,
    migrations: options.migrations as Record<string, (store: Conf<Record<string, unknown>>) => void>,
    clearInvalidConfig: false,
  }) as unknown as KeyValueStore

async function start(): Promise<void> {
  const dataFolder = app.getPath('userData')
  mkdirSync(dataFolder, { recursive: true, mode: 0o700 })
  const log = new FileLogger(dataFolder)
  const backend = createBackend({
    mode: 'desktop',
    appVersion: app.getVersion(),
    dataFolder,
    openStore: openElectronStore,
    secretBox: createSafeStorageBox(),
    env: process.env,
    home: app.getPath('home'),
    clock: () => new Date(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    log,
    grammarDir: app.isPackaged ? join(process.resourcesPath, 'grammars') : undefined,
    async pickFolder(title) {
      const [window] = BrowserWindow.getAllWindows()
      const options = { title, properties: ['openDirectory' as const] }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    // The coach's "open in your editor" (vscode:// and idea:// URLs built by the ai service only) and a
    // new pull request's page (https on the remote's own host, checked by the change service).
    openExternal: (url) => shell.openExternal(url),
    async printToPdf(paper) {
      const [window] = BrowserWindow.getAllWindows()
      if (!window) throw new Error('There is no window to print.')
      // The page's own @page rules give the margins, the heading and the page numbers.
      return window.webContents.printToPDF({ printBackground: false, pageSize: paper, generateDocumentOutline: true })
    },
  })

  protocol.handle('app', appProtocolHandler(rendererFolder))

  denyPermissions(session.defaultSession)
  app.on('web-contents-created', (_event, contents) => guardContents(contents, { openExternal: (url) => void shell.openExternal(url) }))
  Menu.setApplicationMenu(
    process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null,
  )

  const store = backend.settings.keyValueStore
  const window = new BrowserWindow(
    mainWindowOptions(join(here, '..', 'preload', 'preload.cjs'), (store.get('window') as WindowBounds | undefined) ?? null),
  )
  rememberBounds(window, (bounds) => store.set('window', bounds))
  const unbind = bindIpc({
    ipcMain,
    dispatcher: backend.dispatcher,
    hub: backend.hub,
    broadcast: (channel, envelope) => {
      if (!window.isDestroyed()) window.webContents.send(channel, envelope)
    },
  })
  window.once('ready-to-show', () => window.show())
  const tray = weeklyHourTray(window, backend.hub)
  await window.loadURL(`${APP_ORIGIN}/index.html`)

  // However Gemba quits (the last window closed, the menu, the OS logging out), the backend is disposed
  // first: running calls aborted, watches stopped, the team's test runs killed with their process groups.
  let disposed = false
  app.on('will-quit', (event) => {
    if (disposed) return
    event.preventDefault()
    disposed = true
    tray?.destroy()
    unbind()
    void backend.dispose().finally(() => app.quit())
  })
  app.on('window-all-closed', () => app.quit())
}

/**
 * The weekly hour from outside the window: a notification when it starts, and a tray/menu-bar item.
 * Both ask the page to start it ('calendar.startRequested'); the page owns how a session starts.
 */
function weeklyHourTray(window: BrowserWindow, hub: ReturnType<typeof createBackend>['hub']): Tray | null {
  const startHour = (): void => {
    if (window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
    hub.emit('calendar.startRequested', {})
  }
  hub.subscribe((envelope) => {
    if (envelope.event !== 'calendar.reminder' || !Notification.isSupported()) return
    const { weekNumber, theme } = events['calendar.reminder'].parse(envelope.payload)
    const notification = new Notification({ title: 'Your weekly hour starts now', body: `Week ${weekNumber}: ${theme}. Click to start.` })
    notification.on('click', startHour)
    notification.show()
  })
  const iconPath = app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(here, '..', '..', 'assets', 'icon.png')
  const icon = nativeImage.createFromPath(iconPath)
  if (icon.isEmpty()) return null
  const tray = new Tray(icon.resize({ width: 18, height: 18 }))
  tray.setToolTip('Gemba')
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Start this week’s hour', click: startHour },
      { label: 'Open Gemba', click: () => (window.isDestroyed() ? undefined : window.show()) },
    ]),
  )
  return tray
}
