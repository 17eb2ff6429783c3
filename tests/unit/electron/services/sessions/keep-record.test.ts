import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { GembaError } from '../../../../../shared/errors.ts'
import { DEFAULT_TIMEBOXES, sessionSchema } from '../../../../../shared/models/sessions.ts'
import {
  drawingFromAnswers,
  OFFLINE_CAPTION,
  withChangeRecord,
  withCoachWalkthrough,
  withDrawing,
  withOfflineRecord,
} from '../../../../../electron/services/sessions/keep-record.ts'
import { withCoachTurn } from '../../../../../electron/services/sessions/coach-record.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'

const now = new Date('2026-02-03T09:00:00Z')
const base = newSession({
  id: 'session-keep',
  programmeWeek: 1,
  week: defaultCurriculum().weeks[0]!,
  repo: { id: 'r', name: 'r', path: '/r', commit: null },
  timeboxes: DEFAULT_TIMEBOXES,
  offline: false,
  now,
})
const tour = { markdown: '# A tour of r', mermaid: 'flowchart TD\n  x --> y' }
const coached = withCoachTurn(base, {
  sessionId: base.id,
  purpose: 'explore',
  threadId: 'thread-1',
  question: 'Walk me through it.',
  answer: 'AI tour',
  citations: [{ path: 'src/a.ts', line: 3 }],
})
const drawing = { threadId: 'thread-d', mermaid: 'flowchart LR\n  a --> b', caption: 'The shop', svg: '<svg id="1"></svg>' }

describe('withOfflineRecord', () => {
  it('fills an empty step with the offline tour or module diagram when the page first shows it', () => {
    const explored = withOfflineRecord(base, 'explore', tour, 'auto')!
    expect(explored.steps.explore.payload).toMatchObject({ walkthrough: '# A tour of r', citations: [], source: 'offline' })
    expect(explored.steps.explore.payload.choice).toBeUndefined()
    const drawn = withOfflineRecord(base, 'diagram', tour, 'auto')!
    expect(drawn.steps.diagram.payload).toMatchObject({ mermaid: tour.mermaid, caption: OFFLINE_CAPTION, source: 'offline' })
    expect(drawn.steps.diagram.payload.svg).toBeUndefined()
    expect(sessionSchema.safeParse(drawn).success).toBe(true)
  })

  it('never lets the page’s offline pick replace what the coach made, or what is kept already', () => {
    expect(withOfflineRecord(coached, 'explore', tour, 'auto')).toBeNull()
    expect(withOfflineRecord(withDrawing(base, drawing, 'auto')!, 'diagram', tour, 'auto')).toBeNull()
    expect(
      withOfflineRecord(withOfflineRecord(base, 'explore', tour, 'auto')!, 'explore', { ...tour, markdown: '# New' }, 'auto'),
    ).toBeNull()
  })

  it('lets the leader pick the offline tour or module diagram over the coach’s, marked as their pick', () => {
    const explored = withOfflineRecord(coached, 'explore', tour, 'leader')!
    expect(explored.steps.explore.payload).toMatchObject({ walkthrough: '# A tour of r', source: 'offline', choice: 'leader' })
    // Claude's answers stay recorded for the transcript and for going back.
    expect(explored.steps.explore.payload.coach?.markdown).toContain('AI tour')
    const drawn = withOfflineRecord(withDrawing(base, drawing, 'auto')!, 'diagram', tour, 'leader')!
    expect(drawn.steps.diagram.payload).toMatchObject({ mermaid: tour.mermaid, svg: '', source: 'offline', choice: 'leader' })
  })
})

describe('withCoachWalkthrough', () => {
  it('goes back to Claude’s walkthrough as the session recorded it', () => {
    const back = withCoachWalkthrough(withOfflineRecord(coached, 'explore', tour, 'leader')!)
    expect(back.steps.explore.payload).toMatchObject({ source: 'ai', choice: 'auto', citations: [{ path: 'src/a.ts', line: 3 }] })
    expect(back.steps.explore.payload.walkthrough).toContain('AI tour')
  })

  it('refuses when Claude has not answered yet', () => {
    expect(() => withCoachWalkthrough(base)).toThrow(GembaError)
  })
})

describe('withDrawing', () => {
  it('keeps each new drawing until the leader picks one, then only their picks', () => {
    const first = withDrawing(base, drawing, 'auto')!
    expect(first.steps.diagram.payload).toMatchObject({
      mermaid: drawing.mermaid,
      caption: 'The shop',
      svg: drawing.svg,
      source: 'ai',
      transcriptRef: 'thread-d',
      choice: 'auto',
    })
    const picked = withDrawing(first, { ...drawing, mermaid: 'flowchart LR\n  c --> d' }, 'leader')!
    expect(withDrawing(picked, { ...drawing, mermaid: 'flowchart LR\n  e --> f' }, 'auto')).toBeNull()
    expect(withDrawing(picked, drawing, 'leader')!.steps.diagram.payload.mermaid).toBe(drawing.mermaid)
  })
})

describe('drawingFromAnswers', () => {
  const answers = ['Here it is.\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\nThe shop in two parts.', 'No diagram.']

  it('takes the source and caption from Claude’s answer, and the SVG the page drew', () => {
    expect(drawingFromAnswers('t', answers, 'flowchart LR\n  a --> b', '<svg></svg>')).toEqual({
      threadId: 't',
      mermaid: 'flowchart LR\n  a --> b',
      caption: expect.stringMatching(/^Here it is\.\s+The shop in two parts\.$/) as unknown,
      svg: '<svg></svg>',
    })
  })

  it('refuses a drawing Claude did not answer, and an SVG that is not one', () => {
    expect(() => drawingFromAnswers('t', answers, 'flowchart LR\n  evil --> b', '')).toThrow(/not one of Claude’s answers/)
    expect(() => drawingFromAnswers('t', answers, 'flowchart LR\n  a --> b', '<img src=x onerror=alert(1)>')).toThrow(/not one/)
  })
})

describe('withChangeRecord', () => {
  it('records what the change did and leaves the leader’s estimate alone', () => {
    const estimated = {
      ...base,
      steps: { ...base.steps, change: { ...base.steps.change, payload: { ...base.steps.change.payload, estimateMinutes: 20 } } },
    }
    const recorded = withChangeRecord(estimated, { request: 'Rename', branch: 'gemba/x', diff: '+x' })
    expect(recorded.steps.change.payload).toMatchObject({ request: 'Rename', branch: 'gemba/x', diff: '+x', estimateMinutes: 20 })
  })

  it('appends to the session’s test record: setup steps and runs in order, each flaky test once; the session still loads', () => {
    const step = {
      command: 'npm ci',
      outcome: 'passed' as const,
      couldNotRun: null,
      exitCode: 0,
      durationMs: 900,
      at: '2026-02-03T09:10:00.000Z',
    }
    const run = (at: string, failed: string[], flaky: string[]) => ({
      command: 'npm test',
      outcome: failed.length ? ('failed' as const) : ('passed' as const),
      couldNotRun: null,
      exitCode: failed.length ? 1 : 0,
      durationMs: 2_000,
      at,
      failed,
      rerun: flaky.length > 0,
      flaky,
      onChange: false,
    })
    const first = withChangeRecord(base, { testLog: { setup: [step], runs: [run('2026-02-03T09:12:00.000Z', ['a', 'b'], [])], flaky: [] } })
    const second = withChangeRecord(first, { testLog: { setup: [], runs: [run('2026-02-03T09:13:00.000Z', ['b'], ['a'])], flaky: ['a'] } })
    const third = withChangeRecord(second, {
      testLog: { setup: [], runs: [run('2026-02-03T09:14:00.000Z', [], ['a', 'b'])], flaky: ['a', 'b'] },
    })
    const log = third.steps.change.payload.testLog!
    expect(log.setup).toEqual([step])
    expect(log.runs.map((entry) => entry.at)).toEqual(['2026-02-03T09:12:00.000Z', '2026-02-03T09:13:00.000Z', '2026-02-03T09:14:00.000Z'])
    expect(log.flaky).toEqual(['a', 'b'])
    expect(sessionSchema.safeParse(third).success).toBe(true)
  })
})
