import { describe, expect, it } from 'vitest'
import { createFileViewerStore } from '../../../../renderer/stores/file-viewer-store.ts'
import type { RepoFileView } from '../../../../shared/models/ai.ts'
import { deferred, failWith, fakeClient } from '../../../fixtures/fake-client.ts'
import { settle } from '../../../fixtures/manual-timers.ts'

const file = (path: string, text: string): RepoFileView => ({
  kind: 'file',
  path,
  absolutePath: `/code/shop/${path}`,
  text,
  lines: text.split('\n').length,
  redactions: [],
  withheld: null,
  binary: false,
  truncated: false,
})

describe('the file viewer store', () => {
  it('reads the file a target names and splits it into highlighted lines', async () => {
    const fake = fakeClient({ 'ai.readFile': (input) => file(input.path, 'const a = 1\nconst b = "<b>"') })
    const store = createFileViewerStore(fake.client)
    const target = { repoId: 'r1', path: 'src/a.ts', line: 2 }
    store.getState().show(target)
    await expect.poll(() => store.getState().shown?.target).toBe(target)
    const loaded = store.getState().shown?.loaded
    expect(loaded && 'lines' in loaded ? loaded.lines.length : 0).toBe(2)
    // The file's text is escaped before it is shown as HTML.
    expect(loaded && 'lines' in loaded ? loaded.lines[1] : '').toContain('&lt;b&gt;')
    expect(fake.inputs('ai.readFile')).toEqual([{ repoId: 'r1', path: 'src/a.ts' }])
  })

  it('reads a file cited in a coach thread as that thread read it (the thread named in the call)', async () => {
    const fake = fakeClient({ 'ai.readFile': (input) => file(input.path, 'x') })
    const store = createFileViewerStore(fake.client)
    store.getState().show({ repoId: 'r1', path: 'src/a.ts', line: 1, threadId: 'thread-0001' })
    await expect.poll(() => fake.inputs('ai.readFile')).toEqual([{ repoId: 'r1', path: 'src/a.ts', threadId: 'thread-0001' }])
  })

  it('cancels a read when the viewer closes or moves on, and never shows its late answer', async () => {
    const slow = deferred<RepoFileView>()
    const fake = fakeClient({ 'ai.readFile': () => slow.promise })
    const store = createFileViewerStore(fake.client)
    const cancel = store.getState().show({ repoId: 'r1', path: 'src/a.ts', line: null })
    cancel()
    expect(fake.calls[0]?.options.signal?.aborted).toBe(true)
    slow.resolve(file('src/a.ts', 'late'))
    await settle()
    expect(store.getState().shown).toBeNull()
  })

  it('shows why a file cannot be read, as data', async () => {
    const fake = fakeClient({ 'ai.readFile': () => failWith({ code: 'not_found', message: 'src/gone.ts is not in the repository.' }) })
    const store = createFileViewerStore(fake.client)
    store.getState().show({ repoId: 'r1', path: 'src/gone.ts', line: null })
    await expect
      .poll(() => store.getState().shown?.loaded)
      .toEqual({ error: { code: 'not_found', message: 'src/gone.ts is not in the repository.' } })
  })

  it('names the session a file is opened in, so the session keeps where the leader has been', async () => {
    const fake = fakeClient({ 'ai.readFile': (input) => file(input.path, 'x') })
    const store = createFileViewerStore(fake.client)
    const target = { repoId: 'r1', path: 'src/a.ts', line: null, sessionId: 'session-1' }
    store.getState().show(target)
    await expect.poll(() => store.getState().shown?.target).toBe(target)
    expect(fake.inputs('ai.readFile')).toEqual([{ repoId: 'r1', path: 'src/a.ts', sessionId: 'session-1' }])
  })
})
