// Browser mode: builds the backend with plain-Node ports and serves it with the renderer on
// 127.0.0.1. `node electron/web-main.ts [--port N] [--no-open] [--static DIR]`.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createBackend } from './core/backend.ts'
import { resolveDataFolder } from './platform/data-folder.ts'
import { nodeBackendPorts } from './platform/node-ports.ts'
import { startWebServer } from './web.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export async function runWeb(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      static: { type: 'string' },
    },
    strict: true,
  })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a number from 0 to 65535.`)
  const dataFolder = resolveDataFolder(env)
  mkdirSync(dataFolder, { recursive: true, mode: 0o700 })
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
  const backend = createBackend(nodeBackendPorts({ dataFolder, env, home: homedir(), appVersion: version, echoLog: true }))
  const server = await startWebServer({
    dispatcher: backend.dispatcher,
    hub: backend.hub,
    staticFolder: values.static ?? join(root, 'out', 'renderer'),
    port,
  })
  process.stdout.write(`Gemba is running in browser mode at ${server.pageUrl}\n`)
  process.stdout.write(`Data folder: ${dataFolder}\n`)
  if (!values['no-open']) openInBrowser(server.pageUrl)

  const stop = async (): Promise<void> => {
    await server.close()
    await backend.dispose()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' })
    child.on('error', () => process.stdout.write('Open the address above in your browser.\n'))
    child.unref()
  } catch {
    process.stdout.write('Open the address above in your browser.\n')
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runWeb(process.argv.slice(2), process.env).catch((error: unknown) => {
    process.stderr.write(`Gemba could not start: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
