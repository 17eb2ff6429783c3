// Home folder, environment and clock come in through the backend's ports, never from the machine:
// the commit identity is read from the home folder the ports name (so tests never see the machine's
// git config), and the team's tests run with the environment the ports carry, minus Anthropic's.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../electron/core/backend.ts'
import { nodeBackendPorts } from '../../../electron/platform/node-ports.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'

let backend: Backend | undefined
let folder: string | undefined
let repo: RepoBuilder | undefined
afterEach(async () => {
  await backend?.dispose()
  await repo?.cleanup()
  if (folder) await rm(folder, { recursive: true, force: true })
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await backend!.dispatcher.dispatch(name, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

describe('the backend’s ports', () => {
  it('reads git’s global identity from the home folder it is given, and runs tests with the environment it is given', async () => {
    folder = await mkdtemp(join(tmpdir(), 'gemba-ports-'))
    const home = join(folder, 'home')
    await mkdir(home)
    await writeFile(join(home, '.gitconfig'), '[user]\n\tname = Port Home\n\temail = port@example.com\n')
    const env = { PATH: process.env.PATH, TEAM_FLAG: 'from-the-ports', ANTHROPIC_API_KEY: 'sk-ant-test-7777777777777777777777' }
    backend = createBackend(
      nodeBackendPorts({
        dataFolder: join(folder, 'data'),
        env,
        home,
        appVersion: '0.0.0-test',
        clock: () => new Date('2026-01-06T09:00:00Z'),
      }),
    )
    repo = await buildRepo()
    await repo.files({ 'README.md': '# Tiny\n' })
    await repo.commit('initial')
    await repo.git(['config', '--unset', 'user.name']).catch(() => '')
    await repo.git(['config', '--unset', 'user.email']).catch(() => '')
    const { id } = await call<{ id: string }>('repos.add', { path: repo.dir })

    expect(await call('change.identity', { repoId: id })).toEqual({ name: 'Port Home', email: 'port@example.com', source: 'global' })
    const run = await call<{ outputTail: string }>('change.runTests', {
      repoId: id,
      command: 'echo "flag=$TEAM_FLAG key=${ANTHROPIC_API_KEY:-none}"',
    })
    expect(run.outputTail).toContain('flag=from-the-ports key=none')
    const today = await call<{ nextSlot: string }>('sessions.today', {})
    expect(Date.parse(today.nextSlot)).toBeGreaterThanOrEqual(Date.parse('2026-01-06T09:00:00Z'))
    expect(Date.parse(today.nextSlot)).toBeLessThan(Date.parse('2026-01-14T00:00:00Z'))
  })
})
