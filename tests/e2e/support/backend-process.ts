// Starts the real browser-mode backend (electron/web-main.ts) as a child process on a random port,
// with its own data folder, and reads the printed address. Stop and start it again to test restarts.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

export interface BackendProcess {
  readonly url: string
  readonly pageUrl: string
  readonly token: string
  readonly home: string
  readonly output: () => string
  stop(signal?: NodeJS.Signals): Promise<void>
}

export async function newHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'gemba-e2e-'))
}

export async function startBackend(home: string, env: Record<string, string> = {}): Promise<BackendProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'electron', 'web-main.ts'), '--no-open', '--port', '0', '--static', join(root, 'out', 'renderer')],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? home, GEMBA_HOME: home, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const pageUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The backend did not start:\n${output}`)), 30_000)
    const check = (): void => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The backend exited with ${code}:\n${output}`))
    })
  })
  const url = pageUrl.slice(0, pageUrl.indexOf('/#'))
  return {
    url,
    pageUrl,
    token: pageUrl.slice(pageUrl.indexOf('token=') + 6),
    home,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}
