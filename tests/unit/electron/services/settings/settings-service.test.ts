import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileSecretBox } from '../../../../../electron/services/settings/file-secret-box.ts'
import { SettingsService } from '../../../../../electron/services/settings/settings-service.ts'
import { defaultSettings } from '../../../../../electron/services/settings/settings-defaults.ts'
import { openConfStore } from '../../../../../electron/platform/node-ports.ts'
import { GembaError } from '../../../../../shared/errors.ts'

const run = promisify(execFile)
const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789-WXYZ'

describe('SettingsService', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'gemba-settings-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  /** An existing, writable folder for the journal. */
  const journalFolder = async (name: string) => {
    const path = join(folder, 'journals', name)
    await mkdir(path, { recursive: true })
    return path
  }

  const make = (env: { apiKey?: string; baseUrl?: string } = {}) =>
    new SettingsService({
      dataFolder: folder,
      openStore: openConfStore,
      secretBox: new FileSecretBox(folder),
      env,
      timeZone: 'Europe/London',
      events: { emit: () => undefined },
    })

  it('starts with sensible defaults in the local time zone', async () => {
    const view = await make().get()
    expect(view.schedule).toEqual({ day: 'friday', start: '14:00', minutes: 60, timeZone: 'Europe/London' })
    expect(view.stepMinutes).toEqual({ explore: 15, diagram: 10, change: 25, reflect: 10 })
    expect(view.apiKey).toMatchObject({ set: false, source: null, hint: null })
    expect(view.endpointInUse).toEqual({ url: 'https://api.anthropic.com', source: 'default' })
    expect(view.journalFolderInUse).toBe(join(folder, 'journal'))
  })

  it('saves a valid change and reads it back after a restart', async () => {
    await make().update({
      schedule: { day: 'tuesday', start: '09:30', minutes: 60, timeZone: 'America/New_York' },
      ai: { model: 'claude-opus-4-1' },
    })
    const view = await make().get()
    expect(view.schedule.day).toBe('tuesday')
    expect(view.ai.model).toBe('claude-opus-4-1')
    expect(view.ai.contextTokens).toBeNull()
    expect(view.ai.memory).toBe('with_reflections')
  })

  it('changes one AI setting without resetting the others to their defaults', async () => {
    await make().update({ ai: { memory: 'off', contextTokens: 60_000 } })
    await make().update({ ai: { model: 'claude-haiku-5-5' } })
    expect((await make().get()).ai).toMatchObject({ model: 'claude-haiku-5-5', memory: 'off', contextTokens: 60_000 })
  })

  it('refuses an invalid change with the field named, and keeps the old value', async () => {
    const service = make()
    await expect(service.update({ ai: { contextTokens: 10 } })).rejects.toThrow(GembaError)
    await expect(service.update({ ai: { contextTokens: 10 } })).rejects.toThrow(/ai\.contextTokens/)
    expect((await service.get()).ai.contextTokens).toBeNull()
  })

  it('refuses a key that is not Anthropic’s for Anthropic’s endpoint, and lets a gateway take its own', async () => {
    const openAi = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789'
    await expect(make().setApiKey({ key: openAi })).rejects.toThrow('That looks like an OpenAI key. Anthropic API keys begin with sk-ant-.')
    expect((await make().get()).apiKey.set).toBe(false)
    const gateway = make({ baseUrl: 'http://127.0.0.1:4000' })
    expect((await gateway.setApiKey({ key: openAi })).apiKey).toMatchObject({ set: true, source: 'settings' })
  })

  it('ticks the weekly slot as chosen once it is kept or saved', async () => {
    expect((await make().get()).scheduleChosen).toBe(false)
    expect((await make().update({ scheduleChosen: true })).scheduleChosen).toBe(true)
    expect((await make().get()).scheduleChosen).toBe(true)
  })

  it('encrypts the key at rest and never returns it, only its last four characters', async () => {
    const view = await make().setApiKey({ key: KEY })
    expect(view.apiKey).toMatchObject({ set: true, source: 'settings', hint: '…WXYZ' })
    expect(JSON.stringify(view)).not.toContain(KEY.slice(0, 20))
    for (const name of await readdir(folder, { recursive: true })) {
      const path = join(folder, name)
      if ((await stat(path)).isFile()) expect((await readFile(path)).toString('latin1')).not.toContain(KEY.slice(8))
    }
    expect(await make().resolveApiKey()).toBe(KEY)
  })

  it('keeps the key file readable by the user alone', async () => {
    await make().setApiKey({ key: KEY })
    if (process.platform === 'win32') return
    expect((await stat(join(folder, 'secret.key'))).mode & 0o777).toBe(0o600)
  })

  it('honours ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL, with the saved key and endpoint taking precedence', async () => {
    const service = make({ apiKey: 'sk-ant-from-environment-0000000000-ENVK', baseUrl: 'http://127.0.0.1:9999' })
    expect((await service.get()).apiKey).toMatchObject({ set: true, source: 'environment', hint: '…ENVK' })
    expect(service.endpoint()).toEqual({ url: 'http://127.0.0.1:9999', source: 'environment' })
    await service.setApiKey({ key: KEY })
    await service.update({ ai: { endpoint: 'https://gateway.example.com' } })
    expect(await service.resolveApiKey()).toBe(KEY)
    expect(service.endpoint()).toEqual({ url: 'https://gateway.example.com', source: 'settings' })
  })

  it('forgets a removed key', async () => {
    const service = make()
    await service.setApiKey({ key: KEY })
    const view = await service.clearApiKey()
    expect(view.apiKey.set).toBe(false)
    expect(await make().resolveApiKey()).toBeNull()
  })

  it('refuses a relative journal folder with a message, and keeps the folder it had', async () => {
    const settings = make()
    const kept = await journalFolder('kept')
    await settings.update({ journalFolder: kept })
    for (const relative of ['journal', './notes', '~/Journal']) {
      await expect(settings.update({ journalFolder: relative })).rejects.toMatchObject({
        code: 'invalid_input',
        message: `The journal folder must be a full path; "${relative}" is relative.`,
      })
    }
    expect((await settings.get()).journalFolder).toBe(kept)
  })

  it('refuses a missing folder, a file, system folders and a link to one, each in its own sentence, and keeps the folder it had', async () => {
    const settings = make()
    const kept = await journalFolder('kept')
    await settings.update({ journalFolder: kept })
    const file = join(folder, 'notes.md')
    await writeFile(file, '# notes\n')
    const link = join(folder, 'looks-harmless')
    await symlink('/etc', link)
    const refusals: [string, RegExp][] = [
      [join(folder, 'missing'), /^There is no folder at .*missing\.$/],
      [join(file, 'inside'), /is not a folder: part of the path is a file\.$/],
      [file, /notes\.md is a file, not a folder\.$/],
      ['/etc', /^\/etc is one of the operating system’s own folders; your journal belongs in a folder of your own\.$/],
      ['/proc/self', /^\/proc\/self leads to \/proc\/\d+, inside the operating system’s own folder \/proc; /],
      ['/usr/share', /^\/usr\/share is inside the operating system’s own folder \/usr; /],
      ['/', /^\/ is one of the operating system’s own folders; /],
      [link, /looks-harmless leads to \/etc, one of the operating system’s own folders; /],
    ]
    for (const [path, message] of refusals) {
      const error = await settings.update({ journalFolder: path }).then(
        () => null,
        (caught: unknown) => caught,
      )
      expect(error, path).toBeInstanceOf(GembaError)
      expect((error as GembaError).message, path).toMatch(message)
      expect((error as GembaError).details).toMatchObject({ field: 'journalFolder' })
      expect((error as GembaError).next).toMatch(/full path of an existing folder of your own/)
    }
    expect((await settings.get()).journalFolder).toBe(kept)
    expect(await readdir(kept)).toEqual([])
  })

  it('refuses a folder Gemba cannot write in', async (test) => {
    const settings = make()
    const locked = await journalFolder('locked')
    // root writes through permission bits: there, the folder is made immutable instead.
    const asRoot = process.getuid?.() === 0
    const lock = asRoot ? run('chattr', ['+i', locked]) : chmod(locked, 0o500)
    if (
      !(await lock.then(
        () => true,
        () => false,
      ))
    )
      test.skip('this machine cannot make a folder unwritable for its user')
    try {
      await expect(settings.update({ journalFolder: locked })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/^Gemba cannot write in .*locked: /),
      })
    } finally {
      await (asRoot ? run('chattr', ['-i', locked]) : chmod(locked, 0o700))
    }
    expect((await settings.get()).journalFolder).toBeNull()
  })

  it('moves a corrupt settings file aside, keeps it, starts from defaults and says so', async () => {
    await make().update({ journalFolder: await journalFolder('somewhere') })
    await writeFile(join(folder, 'settings.json'), '{ "settings": { broken')
    const view = await make().get()
    expect(view.journalFolder).toBeNull()
    expect(view.notices[0]?.code).toBe('settings_reset')
    const kept = (await readdir(folder)).filter((name) => name.startsWith('settings.corrupt-'))
    expect(kept).toHaveLength(1)
    expect(await readFile(join(folder, kept[0] ?? ''), 'utf8')).toBe('{ "settings": { broken')
  })

  it('resets only the invalid fields of a hand-edited file', async () => {
    const kept = await journalFolder('kept')
    await make().update({ journalFolder: kept })
    const raw = JSON.parse(await readFile(join(folder, 'settings.json'), 'utf8')) as { settings: Record<string, unknown> }
    raw.settings.schedule = { day: 'funday' }
    await writeFile(join(folder, 'settings.json'), JSON.stringify(raw))
    const view = await make().get()
    expect(view.journalFolder).toBe(kept)
    expect(view.schedule.day).toBe('friday')
    expect(view.notices.map((notice) => notice.message).join()).toMatch(/schedule/)
  })

  it('records the settings version so later migrations run once', async () => {
    await make().update({ journalFolder: await journalFolder('x') })
    const raw = JSON.parse(await readFile(join(folder, 'settings.json'), 'utf8')) as {
      __internal__?: { migrations?: { version?: string } }
    }
    expect(raw.__internal__?.migrations?.version).toBe('1.1.0')
  })

  it('migrates a 1.0.0 file: the old fixed context budget becomes automatic, a chosen one stays, memory gets its default', async () => {
    const old = (contextTokens: number) => ({
      __internal__: { migrations: { version: '1.0.0' } },
      settings: {
        ...defaultSettings('Europe/London'),
        ai: { endpoint: null, model: 'claude-sonnet-5-5', contextTokens, sessionBudgetUsd: 2 },
      },
    })
    await writeFile(join(folder, 'settings.json'), JSON.stringify(old(40_000)))
    expect((await make().get()).ai).toMatchObject({ contextTokens: null, memory: 'with_reflections' })
    expect((await make().get()).notices).toEqual([])
    await writeFile(join(folder, 'settings.json'), JSON.stringify(old(60_000)))
    expect((await make().get()).ai.contextTokens).toBe(60_000)
  })

  it('says plainly when a saved key cannot be decrypted here, and lets a new one replace it', async () => {
    const service = make()
    await service.setApiKey({ key: KEY })
    await rm(join(folder, 'secret.key'))
    const fresh = make()
    const view = await fresh.get()
    expect(view.apiKey.set).toBe(false)
    expect(view.notices.some((notice) => notice.code === 'key_unreadable')).toBe(true)
    const replaced = await fresh.setApiKey({ key: KEY })
    expect(replaced.apiKey.set).toBe(true)
    expect(replaced.notices.some((notice) => notice.code === 'key_unreadable')).toBe(false)
  })
})
