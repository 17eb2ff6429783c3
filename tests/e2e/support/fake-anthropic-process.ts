// Starts the fake Anthropic server (tests/fixtures/fake-anthropic/serve.ts) as its own process with a
// named script, for end-to-end tests that point the backend's ANTHROPIC_BASE_URL at it.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

export interface FakeAnthropicProcess {
  readonly url: string
  stop(): void
}

export function startFakeAnthropic(script: string, extra: readonly string[] = []): Promise<FakeAnthropicProcess> {
  const child = spawn(
    process.execPath,
    [join(root, 'tests/fixtures/fake-anthropic/serve.ts'), '--port', '0', '--script', script, ...extra],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`fake-anthropic did not start:\n${output}`))
    }, 20_000)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ url: match[1], stop: () => void child.kill('SIGTERM') })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`fake-anthropic exited with ${code}:\n${output}`))
    })
  })
}
