// The team's tests as real processes: a stop (the leader's, or Gemba quitting) ends the whole process
// group, first with SIGTERM and, for a test that ignores it, with SIGKILL once the grace period is over.
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runCommand } from '../../../../../../electron/services/change/team-tests/run-command.ts'

let folder: string | undefined
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
  folder = undefined
})

/** Running, that is: a killed process whose parent is gone may linger as a zombie until reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

/** The pid the command wrote, once that process is `sleep` itself (not the shell forking it). */
async function sleeperFrom(file: string): Promise<number> {
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => '')
    const pid = Number(text.trim())
    if (/^\d+\n/.test(text) && readFileSync(`/proc/${pid}/stat`, 'utf8').includes('(sleep)')) return pid
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.skipIf(process.platform !== 'linux')('runCommand', () => {
  it('stops a run with SIGTERM: the shell and what it started go', async () => {
    folder = await mkdtemp(join(tmpdir(), 'gemba-run-'))
    const controller = new AbortController()
    const pidFile = join(folder, 'pid')
    const running = runCommand({
      command: `sleep 60 & echo $! > '${pidFile}'; wait`,
      cwd: folder,
      env: { PATH: process.env.PATH },
      timeoutMs: 60_000,
      signal: controller.signal,
      onOutput: () => undefined,
      killGraceMs: 30_000,
    })
    const sleeper = await sleeperFrom(pidFile)
    controller.abort()
    const result = await running
    expect(result).toMatchObject({ ended: 'stopped', exitCode: null })
    await vi.waitFor(() => expect(alive(sleeper)).toBe(false))
  })

  it('kills the process group with SIGKILL when a test ignores SIGTERM, after the grace period', async () => {
    folder = await mkdtemp(join(tmpdir(), 'gemba-run-'))
    const controller = new AbortController()
    const pidFile = join(folder, 'pid')
    // An ignored signal stays ignored across exec, so neither the shell nor its sleep heed SIGTERM.
    const command = `trap '' TERM; sleep 60 & echo $! > '${pidFile}'; wait`
    const started = Date.now()
    const running = runCommand({
      command,
      cwd: folder,
      env: { PATH: process.env.PATH },
      timeoutMs: 60_000,
      signal: controller.signal,
      onOutput: () => undefined,
      killGraceMs: 300,
    })
    const sleeper = await sleeperFrom(pidFile)
    controller.abort()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(alive(sleeper)).toBe(true)
    const result = await running
    expect(result.ended).toBe('stopped')
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    await vi.waitFor(() => expect(alive(sleeper)).toBe(false))
  })

  it('times out the same way, keeping the tail of the output', async () => {
    folder = await mkdtemp(join(tmpdir(), 'gemba-run-'))
    const result = await runCommand({
      command: `echo started; trap '' TERM; sleep 60`,
      cwd: folder,
      env: { PATH: process.env.PATH },
      timeoutMs: 200,
      signal: new AbortController().signal,
      onOutput: () => undefined,
      killGraceMs: 100,
    })
    expect(result).toMatchObject({ ended: 'timed_out', exitCode: null })
    expect(result.outputTail).toContain('started')
  })
})
