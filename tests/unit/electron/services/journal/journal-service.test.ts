import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JournalPort } from '../../../../../electron/services/sessions/journal-record.ts'
import { createDomainEvents } from '../../../../../electron/services/domain-events.ts'
import { GembaError } from '../../../../../shared/errors.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'
import { createHarness, type Harness } from './fixtures/journal-harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
})
afterEach(async () => {
  await h.dispose()
})

const session = (n: number, more: Parameters<typeof buildSessionRecord>[0] = {}) =>
  buildSessionRecord({ id: `s-${n}`, date: `2026-${String(n).padStart(2, '0')}-10`, week: n, ...more })

describe('JournalService: saving and reading', () => {
  it('writes a readable Markdown file and a transcript sidecar, and gives back everything', async () => {
    const record = buildSessionRecord({ diagram: { mermaid: 'flowchart LR\n  a --> b', svg: '<svg>a-b</svg>', caption: 'A to B' } })
    const { fileName } = await h.service.saveSession(record)
    expect(fileName).toBe('2026-11-24-week-03-payments-api.md')
    const markdown = await readFile(join(h.journalFolder, fileName), 'utf8')
    expect(markdown).toMatch(/^---\nschemaVersion: 1\n/)
    expect(markdown).toContain('```mermaid\nflowchart LR')
    expect(markdown).toContain('```diff\ndiff --git')
    expect(markdown).toContain('**Branch:** `gemba/reject-negative-amounts`')
    expect(markdown).not.toContain('It starts at the router') // the transcript stays in the sidecar
    const sidecar = JSON.parse(await readFile(join(h.journalFolder, fileName.replace('.md', '.json')), 'utf8'))
    expect(sidecar.transcript).toHaveLength(2)

    const view = await h.service.get({ id: record.id }, h.signal)
    expect(view.record).toEqual(record)
    expect(view.hasTranscript).toBe(true)
    expect(h.events).toContainEqual({ event: 'journal.changed', payload: { reason: 'saved', fileNames: [fileName] } })
  })

  it('never lets two sessions share a file, and saves the same session over its own file', async () => {
    const first = await h.service.saveSession(buildSessionRecord({ id: 'a' }))
    const second = await h.service.saveSession(buildSessionRecord({ id: 'b' }))
    const again = await h.service.saveSession(buildSessionRecord({ id: 'a', reflection: 'Second thoughts.' }))
    expect(second.fileName).toBe('2026-11-24-week-03-payments-api-2.md')
    expect(again.fileName).toBe(first.fileName)
    expect((await h.service.get({ id: 'a' }, h.signal)).record.reflection).toBe('Second thoughts.')
    expect((await h.service.list({}, h.signal)).total).toBe(2)
  })

  it('serves as the sessions domain’s journal port, answering where the file is', async () => {
    const port: JournalPort = h.service
    const { path } = await port.saveSession(buildSessionRecord())
    expect(path).toBe(join(h.journalFolder, '2026-11-24-week-03-payments-api.md'))
    expect(await readFile(path, 'utf8')).toContain('# Week 3 · Follow one request end to end — Payments API')
  })

  it('refuses an incomplete record with a clear error', async () => {
    const broken = { ...buildSessionRecord(), date: 'yesterday' }
    await expect(h.service.saveSession(broken)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('date') })
  })

  it('picks up a file edited by hand', async () => {
    const { fileName } = await h.service.saveSession(buildSessionRecord())
    expect((await h.service.search({ query: 'kubernetes' }, h.signal)).total).toBe(0)
    const path = join(h.journalFolder, fileName)
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('No staging environment.', 'No staging environment, and Kubernetes everywhere.'))
    const found = await h.service.search({ query: 'kubernetes' }, h.signal)
    expect(found.hits.map((hit) => hit.entry.id)).toEqual(['session-0001'])
    expect(h.events.at(-1)).toEqual({ event: 'journal.changed', payload: { reason: 'files', fileNames: [fileName] } })
  })

  it('reports a malformed file, skips it and leaves it byte for byte as it was', async () => {
    await h.service.saveSession(buildSessionRecord())
    const junk = '---\ntitle: [unclosed\n---\n# My own notes\n'
    await writeFile(join(h.journalFolder, '2026-01-01-notes.md'), junk)
    const listed = await h.service.list({}, h.signal)
    expect(listed.entries).toHaveLength(1)
    expect(listed.problemCount).toBe(1)
    const { problems } = await h.service.problems({}, h.signal)
    expect(problems).toEqual([expect.objectContaining({ fileName: '2026-01-01-notes.md', code: 'bad_front_matter' })])
    await h.service.saveSession(buildSessionRecord({ id: 'other' }))
    expect(await readFile(join(h.journalFolder, '2026-01-01-notes.md'), 'utf8')).toBe(junk)
  })
})

describe('JournalService: the transcript sidecar', () => {
  it('shows a session whose sidecar is broken without its transcript, and reports the sidecar', async () => {
    const { fileName } = await h.service.saveSession(buildSessionRecord())
    await writeFile(join(h.journalFolder, fileName.replace('.md', '.json')), '{"trans')
    const view = await h.service.get({ id: 'session-0001' }, h.signal)
    expect(view.hasTranscript).toBe(false)
    expect(view.record.transcript).toEqual([])
    expect(view.record.reflection).toBe(buildSessionRecord().reflection)
    expect((await h.service.problems({}, h.signal)).problems).toEqual([expect.objectContaining({ fileName, code: 'bad_sidecar' })])
  })
})

describe('JournalService: list, filter, search', () => {
  beforeEach(async () => {
    await h.service.saveSession(
      session(1, { repository: { ...buildSessionRecord().repository, id: 'web', name: 'Web Shop' }, frictionTags: ['flaky-ci'] }),
    )
    await h.service.saveSession(session(3, { theme: { id: 'deploy-path', title: 'The deploy path' } }))
    await h.service.saveSession(session(2, { reflection: 'The rollback script is undocumented.' }))
  })

  it('lists newest first and filters by repository, theme, tag and dates', async () => {
    const ids = async (filter: object) => (await h.service.list({ filter }, h.signal)).entries.map((entry) => entry.id)
    expect(await ids({})).toEqual(['s-3', 's-2', 's-1'])
    expect(await ids({ repositoryId: 'web' })).toEqual(['s-1'])
    expect(await ids({ themeId: 'deploy-path' })).toEqual(['s-3'])
    expect(await ids({ tag: 'flaky-ci' })).toEqual(['s-1'])
    expect(await ids({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['s-2'])
  })

  it('searches the full text and highlights the matches in snippets', async () => {
    const result = await h.service.search({ query: 'rollback undocumented' }, h.signal)
    expect(result.hits.map((hit) => hit.entry.id)).toEqual(['s-2'])
    const snippet = result.hits[0]?.snippets.find((s) => s.field === 'reflection')
    expect(snippet).toBeDefined()
    const marked = snippet?.highlights.map(([start, end]) => snippet.text.slice(start, end).toLowerCase())
    expect(marked).toEqual(expect.arrayContaining(['rollback', 'undocumented']))
  })

  it('finds words only the test run holds: a failing test, its error, the output', async () => {
    const base = buildSessionRecord()
    const change = base.change!
    const testRun = {
      command: 'npm test',
      exitCode: 1,
      durationMs: 9_000,
      failed: ['ledger › settles_partial_refunds_in_order'],
      firstError: 'InsufficientFundsError: balance below zero',
      outputTail: 'FAIL src/settlement.spec.ts\nTests: 1 failed, 211 passed',
    }
    await h.service.saveSession(session(4, { change: { ...change, testRun } }))
    for (const query of ['InsufficientFundsError', 'settles_partial_refunds', 'settlement.spec']) {
      const result = await h.service.search({ query }, h.signal)
      expect(
        result.hits.map((hit) => hit.entry.id),
        query,
      ).toEqual(['s-4'])
    }
    const [hit] = (await h.service.search({ query: 'insufficientfunds' }, h.signal)).hits
    expect(hit?.snippets.map((snippet) => snippet.field)).toEqual(['tests'])
  })

  it('matches the start of a word as the leader types', async () => {
    const result = await h.service.search({ query: 'rollb', filter: { from: '2026-02-01' } }, h.signal)
    expect(result.hits.map((hit) => hit.entry.id)).toEqual(['s-2'])
  })
})

describe('JournalService: editing the reflection', () => {
  it('changes only the reflection, keeping every other byte of the file', async () => {
    const { fileName } = await h.service.saveSession(buildSessionRecord())
    const path = join(h.journalFolder, fileName)
    const before = await readFile(path, 'utf8')
    const view = await h.service.updateReflection({ id: 'session-0001', reflection: 'Rewritten.\n\n- one\n- two' }, h.signal)
    const after = await readFile(path, 'utf8')
    const old = buildSessionRecord().reflection
    expect(after.replace('Rewritten.\n\n- one\n- two', old)).toBe(before)
    expect(view.record.reflection).toBe('Rewritten.\n\n- one\n- two')
    expect(h.events).toContainEqual({ event: 'journal.changed', payload: { reason: 'edited', fileNames: [fileName] } })
  })

  it('refuses when the reflection markers were removed by hand', async () => {
    const { fileName } = await h.service.saveSession(buildSessionRecord())
    const path = join(h.journalFolder, fileName)
    await writeFile(path, (await readFile(path, 'utf8')).replace('<!-- /gemba:reflection -->', ''))
    await expect(h.service.updateReflection({ id: 'session-0001', reflection: 'x' }, h.signal)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('answers not_found for an unknown session', async () => {
    await expect(h.service.get({ id: 'nope' }, h.signal)).rejects.toBeInstanceOf(GembaError)
  })
})

describe('JournalService: the index is only a cache', () => {
  it('rebuilds a corrupt index from the files', async () => {
    await h.service.saveSession(session(1))
    await h.service.saveSession(session(2))
    const cacheFile = join(h.cacheFolder, 'journal-index.json')
    expect(await readdir(h.cacheFolder)).toContain('journal-index.json')
    await writeFile(cacheFile, '{"format":"gemba-journal-index","version":1,"entr')
    const restarted = h.restart()
    expect((await restarted.list({}, h.signal)).entries.map((e) => e.id)).toEqual(['s-2', 's-1'])
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).entries).toHaveLength(2)
  })

  it('notices files added, changed and removed while it was not running', async () => {
    const { fileName } = await h.service.saveSession(session(1))
    await h.service.list({}, h.signal)
    const other = h.restart()
    await other.saveSession(session(2))
    await rm(join(h.journalFolder, fileName))
    expect((await h.restart().list({}, h.signal)).entries.map((e) => e.id)).toEqual(['s-2'])
  })
})

describe('JournalService: an unavailable journal folder', () => {
  it('keeps the entry in the data folder when the folder path is blocked (ENOTDIR), and writes it later', async () => {
    const blocked = join(h.root, 'usb-drive')
    await writeFile(blocked, 'not a folder')
    // The entry written is announced when it is written: here, not at finishing but when it is flushed.
    const written: string[] = []
    const domainEvents = createDomainEvents(() => undefined)
    domainEvents.on('journal.entryWritten', ({ sessionId }) => void written.push(sessionId))
    const service = h.restart({ journalFolder: join(blocked, 'journal'), domainEvents })
    const failure = await service.saveSession(buildSessionRecord()).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(GembaError)
    expect(failure).toMatchObject({ code: 'unavailable', message: expect.stringContaining('kept safe'), next: expect.any(String) })
    expect(await service.problems({}, h.signal).catch(() => null)).toBeNull() // the folder itself cannot be listed
    expect(await readdir(h.pendingFolder)).toEqual(['session-0001.json'])

    expect((await service.flushPending({})).pending).toHaveLength(1)
    expect(written).toEqual([])
    await rm(blocked)
    await mkdir(join(blocked, 'journal'), { recursive: true })
    const flushed = await service.flushPending({})
    expect(flushed).toEqual({ written: ['2026-11-24-week-03-payments-api.md'], pending: [], reason: null })
    expect(written).toEqual(['session-0001'])
    expect(await readdir(h.pendingFolder)).toEqual([])
    expect((await service.get({ id: 'session-0001' }, h.signal)).record).toEqual(buildSessionRecord())
  })

  it('does not recreate a chosen folder that was removed, and keeps the entry pending', async () => {
    const chosen = join(h.root, 'chosen')
    await mkdir(chosen)
    const service = h.restart({ journalFolder: chosen, createJournalFolder: false })
    await service.saveSession(session(1))
    await rm(chosen, { recursive: true })
    await expect(service.saveSession(session(2))).rejects.toMatchObject({ code: 'unavailable' })
    await expect(readdir(chosen)).rejects.toThrow()
    await mkdir(chosen)
    await service.saveSession(session(3)) // a later save also writes what was waiting
    expect((await service.list({}, h.signal)).entries.map((e) => e.id)).toEqual(['s-3', 's-2'])
  })

  it.skipIf(process.getuid?.() === 0)('keeps the entry pending when the folder is read-only', async () => {
    const { chmod } = await import('node:fs/promises')
    await h.service.saveSession(session(1))
    await chmod(h.journalFolder, 0o500)
    try {
      await expect(h.service.saveSession(session(2))).rejects.toMatchObject({ code: 'unavailable' })
      expect((await h.service.problems({}, h.signal)).pending.map((p) => p.id)).toEqual(['s-2'])
    } finally {
      await chmod(h.journalFolder, 0o700)
    }
    expect((await h.service.flushPending({})).written).toHaveLength(1)
  })
})
