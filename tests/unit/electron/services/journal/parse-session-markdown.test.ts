import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseSessionMarkdown } from '../../../../../electron/services/journal/parse-session-markdown.ts'
import { renderSessionMarkdown } from '../../../../../electron/services/journal/render-session-markdown.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'

const withoutSidecarParts = (record = buildSessionRecord()) => ({
  ...record,
  transcript: [],
  diagram: record.diagram
    ? { mermaid: record.diagram.mermaid, ...(record.diagram.caption ? { caption: record.diagram.caption } : {}) }
    : null,
})

describe('parseSessionMarkdown', () => {
  it('reads back exactly what was rendered (transcript and SVG come from the sidecar)', () => {
    const record = buildSessionRecord()
    const parsed = parseSessionMarkdown(renderSessionMarkdown(record), 'a.md')
    expect(parsed).toEqual({ ok: true, record: withoutSidecarParts(record) })
  })

  it('says where the clone went, whose hands wrote the change, and a pass only when it ran on the change; and reads it back', () => {
    const base = buildSessionRecord()
    const change = {
      ...base.change!,
      originalBranch: 'main',
      returned: false,
      branchDeleted: false,
      authorship: { leaderLines: 3, agentLines: 14 },
      testRun: {
        command: 'npm test',
        exitCode: 0,
        durationMs: 1200,
        outputTail: 'ok',
        commit: 'a'.repeat(40),
        onChange: true,
        failed: [],
        firstError: null,
      },
    }
    const record = buildSessionRecord({ change })
    const markdown = renderSessionMarkdown(record)
    expect(markdown).toContain('**Who wrote it:** you, 3 lines; the agent, 14 lines.')
    expect(markdown).toContain(`\`npm test\` passed on this change (commit \`aaaaaaaaaaaa\`) in 1.2 s.`)
    expect(markdown).toContain(`_The clone was left on \`${change.branch}\`; it was on \`main\` before`)
    expect(parseSessionMarkdown(markdown, 'a.md')).toEqual({ ok: true, record: withoutSidecarParts(record) })

    const elsewhere = renderSessionMarkdown(buildSessionRecord({ change: { ...change, testRun: { ...change.testRun, onChange: false } } }))
    expect(elsewhere).toContain('passed in 1.2 s, but not on the change as committed')
    const failed = renderSessionMarkdown(
      buildSessionRecord({
        change: {
          ...change,
          testRun: { ...change.testRun, exitCode: 1, failed: ['greet > says hello'], firstError: 'Expected "Hello" got "Helo"' },
        },
      }),
    )
    expect(failed).toContain('failed (exit 1) on this change')
    expect(failed).toContain('- ✗ greet > says hello')
    // Tests that could not run say why, list no failing test, and read back as they were kept.
    const couldNot = buildSessionRecord({
      change: {
        ...change,
        testRun: {
          ...change.testRun,
          exitCode: 2,
          outcome: 'could_not_run',
          couldNotRun: { reason: 'import_error', sentence: 'The tests could not import click: it is not installed here.' },
          failed: ['tests/test_basic.py'],
          firstError: 'ModuleNotFoundError',
        },
      },
    })
    const couldNotMarkdown = renderSessionMarkdown(couldNot)
    expect(couldNotMarkdown).toContain(
      '`npm test` could not run (commit `aaaaaaaaaaaa`): The tests could not import click: it is not installed here. Nothing here says whether the tests pass.',
    )
    expect(couldNotMarkdown).not.toContain('✗')
    expect(couldNotMarkdown).not.toContain('First error')
    expect(parseSessionMarkdown(couldNotMarkdown, 'a.md')).toEqual({ ok: true, record: withoutSidecarParts(couldNot) })
    // The session's test record (setup steps, runs, flaky tests) is kept in the front matter and read back.
    const logged = buildSessionRecord({
      change: {
        ...change,
        testLog: {
          setup: [
            { command: 'npm ci', outcome: 'passed', couldNotRun: null, exitCode: 0, durationMs: 4_100, at: '2026-11-24T09:31:00.000Z' },
          ],
          runs: [
            {
              command: 'npm test',
              outcome: 'failed',
              couldNotRun: null,
              exitCode: 1,
              durationMs: 2_000,
              at: '2026-11-24T09:32:00.000Z',
              failed: ['a'],
              rerun: false,
              flaky: [],
              onChange: true,
            },
            {
              command: "npm test -- -t 'a'",
              outcome: 'passed',
              couldNotRun: null,
              exitCode: 0,
              durationMs: 800,
              at: '2026-11-24T09:33:00.000Z',
              failed: [],
              rerun: true,
              flaky: ['a'],
              onChange: true,
            },
          ],
          flaky: ['a'],
        },
      },
    })
    expect(parseSessionMarkdown(renderSessionMarkdown(logged), 'a.md')).toEqual({ ok: true, record: withoutSidecarParts(logged) })
    const deleted = renderSessionMarkdown(buildSessionRecord({ change: { ...change, branchDeleted: true } }))
    expect(deleted).toContain('_The branch was deleted during the session; Gemba kept its commit until this entry was written')
    expect(renderSessionMarkdown(buildSessionRecord({ change: { ...change, testRun: null } }))).toContain(
      '_No test run: nothing here says the tests pass._',
    )
  })

  it('takes the transcript and SVG from a sidecar of the same session', () => {
    const record = buildSessionRecord({ diagram: { mermaid: 'flowchart LR\n a-->b', svg: '<svg/>' } })
    const parsed = parseSessionMarkdown(renderSessionMarkdown(record), 'a.md', {
      schemaVersion: 1,
      id: record.id,
      transcript: record.transcript,
      diagramSvg: '<svg/>',
    })
    expect(parsed.ok && parsed.record).toEqual(record)
  })

  it('takes what was sent to Claude from the sidecar, and reads older sidecars without it', () => {
    const record = buildSessionRecord()
    const sent = [
      {
        step: 'explore' as const,
        at: '2026-02-03T09:05:00Z',
        model: 'm',
        contextFiles: [{ path: 'README.md', bytes: 7 }],
        added: { kind: 'question' as const, chars: 9, files: [] },
        redactions: [{ path: 'config/a.ini', line: 2, rule: 'aws' }],
        excluded: [],
        usage: null,
        costUsd: null,
      },
    ]
    const withSent = parseSessionMarkdown(renderSessionMarkdown(record), 'a.md', {
      schemaVersion: 1,
      id: record.id,
      transcript: record.transcript,
      sent,
    })
    expect(withSent.ok && withSent.record.sent).toEqual(sent)
    const older = parseSessionMarkdown(renderSessionMarkdown(record), 'a.md', {
      schemaVersion: 1,
      id: record.id,
      transcript: record.transcript,
    })
    expect(older.ok && older.record).not.toHaveProperty('sent')
    expect(older.ok).toBe(true)
    const broken = parseSessionMarkdown(renderSessionMarkdown(record), 'a.md', {
      schemaVersion: 1,
      id: record.id,
      transcript: record.transcript,
      sent: [{ step: 'nowhere' }] as never,
    })
    expect(broken.ok && broken.record).not.toHaveProperty('sent')
  })

  it('keeps steps that were not done as null', () => {
    const record = buildSessionRecord({ walkthrough: null, diagram: null, change: null, questions: [] })
    const parsed = parseSessionMarkdown(renderSessionMarkdown(record), 'a.md')
    expect(parsed.ok && parsed.record).toEqual({ ...record, transcript: [] })
  })

  it('survives any text the leader or the coach writes, fences and headings included', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '`', '#', '-', '~', '—', ':', '<', '>', '!', 'é') })
    fc.assert(
      fc.property(text, text, text, text, (walk, reflection, diff, explanation) => {
        const base = buildSessionRecord()
        const record = buildSessionRecord({
          walkthrough: { markdown: walk, citations: [] },
          reflection,
          change: base.change ? { ...base.change, diff, explanation } : null,
        })
        const parsed = parseSessionMarkdown(renderSessionMarkdown(record), 'a.md')
        // An explanation of blank space is none: the entry has no Explanation section to hold it.
        const kept = record.change && !explanation.trim() ? { ...record, change: { ...record.change, explanation: '' } } : record
        expect(parsed.ok && parsed.record).toEqual(withoutSidecarParts(kept))
      }),
      { numRuns: 300 },
    )
  })

  it('picks up a reflection edited by hand, even with Windows line endings', () => {
    const text = renderSessionMarkdown(buildSessionRecord()).replace('No staging environment.', 'No staging, no canary.')
    const parsed = parseSessionMarkdown(text.replace(/\n/g, '\r\n'), 'a.md')
    expect(parsed.ok && parsed.record.reflection).toContain('No staging, no canary.')
  })

  it('reports a file without front matter, with broken YAML or with a missing figure', () => {
    const good = renderSessionMarkdown(buildSessionRecord())
    expect(parseSessionMarkdown('# just notes', 'n.md')).toMatchObject({
      ok: false,
      problem: { code: 'no_front_matter', fileName: 'n.md' },
    })
    expect(parseSessionMarkdown(good.replace('week: 3', 'week: [3'), 'b.md')).toMatchObject({
      ok: false,
      problem: { code: 'bad_front_matter' },
    })
    expect(parseSessionMarkdown(good.replace(/^id: .*$/m, ''), 'c.md')).toMatchObject({
      ok: false,
      problem: { code: 'invalid_fields', message: expect.stringContaining('id') },
    })
  })
})

describe('the developer loop in the entry', () => {
  const loop = {
    firstTestRunMinutes: 12.5,
    firstGreenMinutes: 19,
    testRuns: 3,
    couldNotRun: 1,
    suiteSeconds: 41.2,
    setup: [
      { command: 'npm ci', ok: true, seconds: 83 },
      { command: 'docker compose up -d', ok: false, seconds: 2 },
    ],
    flaky: ['cart > totals'],
    agentWaitMinutes: 6,
    leaderWorkMinutes: 18,
  }

  it('keeps the figures in the front matter with their units, says them in a "Developer loop" section, and reads them back', () => {
    const record = { ...buildSessionRecord(), loop, viewed: ['src/api/routes.ts'] }
    const markdown = renderSessionMarkdown(record)
    expect(markdown).toMatch(/^loop:\n {2}firstTestRunMinutes: 12\.5\n {2}firstGreenMinutes: 19\n/m)
    expect(markdown).toContain('## Developer loop')
    expect(markdown).toContain('- **First test run that really ran:** 13 min after starting the change')
    expect(markdown).toContain('- **Setup steps (2):** `npm ci` worked (83 s); `docker compose up -d` did not work (2.0 s)')
    expect(markdown).toContain('- **Flaky tests:** `cart > totals` failed, then passed unchanged on a rerun')
    expect(markdown).toContain('- **Waiting on the agent:** 6 min against 18 min of your own work')
    expect(parseSessionMarkdown(markdown, 'a.md')).toEqual({ ok: true, record: withoutSidecarParts(record) })
  })

  it('shows no section and no zeros for an hour that measured nothing, and reads an older entry without it', () => {
    const record = buildSessionRecord()
    const markdown = renderSessionMarkdown(record)
    expect(markdown).not.toContain('Developer loop')
    expect(markdown).not.toMatch(/^loop:/m)
    const parsed = parseSessionMarkdown(markdown, 'a.md')
    expect(parsed.ok && parsed.record.loop).toBeUndefined()
  })

  it('drops figures a hand edit broke, never the entry', () => {
    const markdown = renderSessionMarkdown({ ...buildSessionRecord(), loop }).replace(
      'firstTestRunMinutes: 12.5',
      'firstTestRunMinutes: soon',
    )
    const parsed = parseSessionMarkdown(markdown, 'a.md')
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && parsed.record.loop).toBeUndefined()
  })
})
