import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildSessionRecord } from './fixtures/build-session-record.ts'
import { createHarness, type Harness } from './fixtures/journal-harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await h.service.saveSession(
    buildSessionRecord({ id: 'oct', date: '2026-10-06', diagram: { mermaid: 'flowchart LR\n a-->b', svg: '<svg>oct</svg>' } }),
  )
  await h.service.saveSession(buildSessionRecord({ id: 'nov', date: '2026-11-10', diagram: null }))
})
afterEach(async () => {
  await h.dispose()
})

describe('exportMarkdown', () => {
  it('copies a date range as Markdown files with their diagram SVGs and an index', async () => {
    const target = join(h.root, 'export')
    const result = await h.service.exportMarkdown({ folder: target, from: '2026-10-01', to: '2026-10-31' }, h.signal)
    expect(result.sessions).toBe(1)
    expect((await readdir(target)).sort()).toEqual([
      '2026-10-06-week-03-payments-api.md',
      '2026-10-06-week-03-payments-api.svg',
      'index.md',
    ])
    expect(await readFile(join(target, '2026-10-06-week-03-payments-api.svg'), 'utf8')).toBe('<svg>oct</svg>')
    expect(await readFile(join(target, '2026-10-06-week-03-payments-api.md'), 'utf8')).toBe(
      await readFile(join(h.journalFolder, '2026-10-06-week-03-payments-api.md'), 'utf8'),
    )
    expect(await readFile(join(target, 'index.md'), 'utf8')).toContain('[diagram](2026-10-06-week-03-payments-api.svg)')
  })

  it('exports chosen sessions by id and refuses an unknown one', async () => {
    const target = join(h.root, 'one')
    expect((await h.service.exportMarkdown({ folder: target, ids: ['nov'] }, h.signal)).files).toEqual([
      '2026-11-10-week-03-payments-api.md',
      'index.md',
    ])
    await expect(h.service.exportMarkdown({ folder: target, ids: ['gone'] }, h.signal)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('reads a folder typed as ~/… or relative from the home folder, and says where the files went', async () => {
    const home = join(h.root, 'home')
    const service = h.restart({ home })
    const typed = await service.exportMarkdown({ folder: '~/exports/gemba', ids: ['nov'] }, h.signal)
    expect(typed.folder).toBe(join(home, 'exports', 'gemba'))
    expect((await readdir(join(home, 'exports', 'gemba'))).sort()).toEqual(['2026-11-10-week-03-payments-api.md', 'index.md'])
    const summary = await service.exportSummary({ folder: 'shared', weeks: 4 }, h.signal)
    expect(summary.folder).toBe(join(home, 'shared'))
    expect(await readdir(join(home, 'shared'))).toEqual(summary.files)
  })

  it('says so clearly when the export folder cannot be written', async () => {
    const file = join(h.root, 'a-file')
    await writeFile(file, 'x')
    await expect(h.service.exportMarkdown({ folder: join(file, 'export') }, h.signal)).rejects.toMatchObject({ code: 'storage' })
  })
})

describe('summary to share with tech leads', () => {
  it('covers the last N weeks without the private reflection unless asked', async () => {
    const shared = await h.service.summary({ weeks: 4 }, h.signal)
    expect(shared).toMatchObject({ from: '2026-11-03', to: '2026-11-30', sessions: 1, includesReflections: false })
    expect(shared.markdown).toContain('- **slow-tests** — 1 session (Payments API)')
    expect(shared.markdown).toContain('- Why is there no staging environment? _(Payments API, 2026-11-10)_')
    expect(shared.markdown).not.toContain('The tests take 41 seconds')
    expect(shared.markdown).not.toContain('No staging environment.')

    const withReflections = await h.service.summary({ weeks: 4, includeReflections: true }, h.signal)
    expect(withReflections.includesReflections).toBe(true)
    expect(withReflections.markdown).toContain('The tests take 41 seconds')
  })

  it('exports the summary as one Markdown file, still without reflections unless included', async () => {
    const target = join(h.root, 'share')
    const result = await h.service.exportSummary({ folder: target, weeks: 4 }, h.signal)
    expect(result.files).toEqual(['gemba-summary-2026-11-03-to-2026-11-30.md'])
    const text = await readFile(join(target, 'gemba-summary-2026-11-03-to-2026-11-30.md'), 'utf8')
    expect(text).toContain('## Friction themes')
    expect(text).not.toContain('The tests take 41 seconds')
    const file = join(h.root, 'a-file')
    await writeFile(file, 'x')
    await expect(h.service.exportSummary({ folder: join(file, 'x'), weeks: 4 }, h.signal)).rejects.toMatchObject({ code: 'storage' })
  })
})

describe('review channels over the saved journal', () => {
  it('answers insights, the roll-up and the look-back from the files', async () => {
    await h.service.saveSession(buildSessionRecord({ id: 'aug', date: '2026-08-11' }))
    const insights = await h.service.insights({ marks: [{ isoWeek: '2026-W40', status: 'paused' }] }, h.signal)
    expect(insights.sessions).toBe(3)
    expect(insights.heatmap.year).toBe(2026)
    expect(insights.heatmap.paused).toBe(1)
    expect((await h.service.rollup({}, h.signal)).sessions.map((s) => s.id)).toEqual(['nov', 'oct'])
    expect((await h.service.lookBack({ id: 'nov' }, h.signal))?.id).toBe('aug')
  })
})
