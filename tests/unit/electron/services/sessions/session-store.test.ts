import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES } from '../../../../../shared/models/sessions.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'
import { EMPTY_PROGRAMME } from '../../../../../electron/services/sessions/programme.ts'
import { SessionStore } from '../../../../../electron/services/sessions/session-store.ts'

let folder: string
const now = () => new Date('2026-02-03T09:00:00Z')
const session = (id: string) =>
  newSession({
    id,
    programmeWeek: 1,
    week: defaultCurriculum().weeks[0]!,
    repo: { id: 'r', name: 'r', path: '/r', commit: null },
    timeboxes: DEFAULT_TIMEBOXES,
    offline: true,
    now: now(),
  })

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gemba-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('SessionStore', () => {
  it('round-trips sessions and the programme, one file per session, no temp files left', async () => {
    const store = new SessionStore(join(folder, 'sessions'), now)
    await store.saveSession(session('2026-02-03-w01-aaaa'))
    await store.saveProgramme({ ...EMPTY_PROGRAMME, startWeekOf: '2026-02-02' })
    const loaded = await new SessionStore(join(folder, 'sessions'), now).load()
    expect(loaded.sessions.map((s) => s.id)).toEqual(['2026-02-03-w01-aaaa'])
    expect(loaded.programme.startWeekOf).toBe('2026-02-02')
    expect(loaded.notices).toEqual([])
    expect((await readdir(join(folder, 'sessions'))).sort()).toEqual(['2026-02-03-w01-aaaa.json', 'programme.json'])
  })

  it('starts empty in a new folder', async () => {
    const loaded = await new SessionStore(join(folder, 'new'), now).load()
    expect(loaded).toEqual({ sessions: [], programme: EMPTY_PROGRAMME, notices: [] })
  })

  it('moves aside a file that is valid JSON but not a session, and a corrupt programme file', async () => {
    await writeFile(join(folder, '2026-02-03-w01-bbbb.json'), JSON.stringify({ hello: 'world' }))
    await writeFile(join(folder, 'programme.json'), 'not json')
    const loaded = await new SessionStore(folder, now).load()
    expect(loaded.sessions).toEqual([])
    expect(loaded.programme).toEqual(EMPTY_PROGRAMME)
    expect(loaded.notices.map((n) => n.code)).toEqual(['session_file_corrupt', 'session_file_corrupt'])
    const aside = await readdir(join(folder, 'corrupt'))
    expect(aside).toHaveLength(2)
    const contents = await Promise.all(aside.map((name) => readFile(join(folder, 'corrupt', name), 'utf8')))
    expect(contents.sort()).toEqual(['not json', JSON.stringify({ hello: 'world' })].sort())
  })

  it('reports a clear storage error when the folder cannot be written', async () => {
    const blocker = join(folder, 'file')
    await writeFile(blocker, 'x')
    const store = new SessionStore(join(blocker, 'sessions'), now)
    await expect(store.saveSession(session('2026-02-03-w01-cccc'))).rejects.toMatchObject({ code: 'storage' })
  })
})
