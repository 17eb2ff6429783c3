import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GembaError } from '../../../../../shared/errors.ts'
import { journalSessionRecordSchema, type JournalSessionRecord } from '../../../../../shared/models/journal.ts'
import { DEFAULT_TIMEBOXES } from '../../../../../shared/models/sessions.ts'
import type { RepoKindReading } from '../../../../../shared/models/repos.ts'
import type { Schedule } from '../../../../../shared/models/settings.ts'
import { SessionsService, type SessionsServiceDeps } from '../../../../../electron/services/sessions/sessions-service.ts'
import { Dispatcher } from '../../../../../electron/core/dispatcher.ts'
import { EventHub } from '../../../../../electron/core/event-hub.ts'
import { serveContract, type DomainServices } from '../../../../../electron/core/serve-contract.ts'

const MIN = 60_000
const schedule: Schedule = { day: 'tuesday', start: '09:00', minutes: 60, timeZone: 'Europe/London' }
const repos = [
  { id: 'payments', name: 'payments-api', path: '/code/payments', addedAt: '2026-01-01T00:00:00Z' },
  { id: 'search', name: 'search', path: '/code/search', addedAt: '2026-01-02T00:00:00Z' },
]

let folder: string
let now: Date
let saved: JournalSessionRecord[]
let journalFails: boolean
let events: Array<{ event: string; payload: unknown }>

const signal = new AbortController().signal
const advance = (minutes: number) => {
  now = new Date(now.getTime() + minutes * MIN)
}

const tour = { markdown: '# A tour of payments-api', mermaid: 'flowchart LR\n  api --> db' }
/** Claude's answers per diagram conversation, as the coach's thread files hold them. */
let diagramAnswers: Record<string, string[]>

function service(more: Partial<SessionsServiceDeps> = {}): SessionsService {
  let counter = 0
  return new SessionsService({
    folder,
    clock: () => now,
    settings: { get: async () => ({ schedule, stepMinutes: DEFAULT_TIMEBOXES, ai: { sessionBudgetUsd: 2 } }) },
    repos: { list: async () => repos },
    journal: {
      saveSession: async (record) => {
        if (journalFails) throw new Error('journal folder is read-only')
        saved.push(journalSessionRecordSchema.parse(record))
        return { path: `/journal/${record.id}.md` }
      },
    },
    events: { emit: (event, payload) => events.push({ event, payload }) },
    newId: () => `id${String((counter += 1)).padStart(4, '0')}`,
    tours: { offline: async () => tour },
    transcripts: {
      read: async (ref, step) => ({
        transcript: (diagramAnswers[ref] ?? []).map((text) => ({ step, role: 'coach' as const, text, at: now.toISOString() })),
        sent: [],
      }),
    },
    ...more,
  })
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gemba-'))
  now = new Date('2026-01-06T09:00:00Z') // Tuesday of the week of Monday 2026-01-05
  saved = []
  journalFails = false
  events = []
  diagramAnswers = {}
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('SessionsService', () => {
  it('shows week 1 before anything has happened, never an empty page', async () => {
    const today = await service().today({})
    expect(today.week).toMatchObject({ programmeWeek: 1, weekNumber: 1, theme: 'Walk the codebase', repo: { id: 'payments' } })
    expect(today.nextSlot).toBe('2026-01-06T09:00:00.000Z')
    expect(today.activeSession).toBeNull()
    expect(today.programme.started).toBe(false)
    expect(today.consistency.summary).toMatch(/first week/)
  })

  it('runs an hour through all four steps and writes the journal entry', async () => {
    const sessions = service()
    const started = await sessions.start({ commit: 'abc1234' }, signal)
    const id = started.session.id
    expect(started.session).toMatchObject({ weekNumber: 1, repo: { id: 'payments', commit: 'abc1234' }, currentStep: 'explore' })
    await sessions.updateStep({ id, step: 'explore', payload: { notes: 'Router lives in src/http.' } }, signal)
    await sessions.coachRecords.keep({
      sessionId: id,
      purpose: 'explore',
      threadId: 'thread-e',
      question: 'Walk me through the codebase.',
      answer: 'The router lives in src/http.',
      citations: [],
    })
    advance(14)
    await sessions.goToStep({ id, step: 'diagram' }, signal)
    await sessions.keepRecord({ id, step: 'diagram', pick: { kind: 'offline', by: 'auto' } }, signal)
    advance(9)
    await sessions.goToStep({ id, step: 'change' }, signal)
    await sessions.updateStep({ id, step: 'change', payload: { estimateMinutes: 15 } }, signal)
    await sessions.changeRecords.record(id, { request: 'Rename the Pay button', manual: false })
    advance(31)
    await sessions.changeRecords.record(id, {
      branch: 'gemba/rename-pay',
      commit: 'def5678',
      diff: '--- a/src/button.ts\n+++ b/src/button.ts\n@@ -1 +1 @@\n-Pay\n+Pay now\n',
      testRun: { command: 'npm test', exitCode: 0, durationMs: 42_000, outputTail: 'ok' },
    })
    await sessions.updateStep({ id, step: 'change', status: 'done' }, signal)
    const reflecting = await sessions.goToStep({ id, step: 'reflect' }, signal)
    const draft = reflecting.session.steps.reflect.payload.markdown
    // The draft is for the leader's own words: the hour's artefacts go to their own sections.
    expect(draft).toContain('### What surprised me')
    expect(draft).not.toContain('Router lives in src/http.')
    expect(draft).not.toContain('mermaid')
    await sessions.updateStep(
      {
        id,
        step: 'reflect',
        payload: {
          markdown: `${draft}\nThe deploy is manual.`,
          frictionTags: ['slow-tests', 'no-staging-env'],
          questionsForTechLead: [{ text: 'Why is deploy manual?' }],
        },
      },
      signal,
    )
    advance(8)
    const result = await sessions.finish({ id }, signal)
    expect(result).toMatchObject({ practised: true, notDone: [], journalPath: `/journal/${id}.md`, journalPending: null })
    expect(saved).toHaveLength(1)
    const record = saved[0]!
    expect(record).toMatchObject({
      week: 1,
      theme: { id: 'walk-the-codebase', title: 'Walk the codebase' },
      repository: { id: 'payments', commit: 'abc1234' },
      stepMinutes: { explore: 14, diagram: 9, change: 31, reflect: 8 },
      effort: { estimateMinutes: 15, actualMinutes: 31 },
      frictionTags: ['slow-tests', 'no-staging-env'],
      change: { branch: 'gemba/rename-pay', commit: 'def5678' },
      diagram: { mermaid: tour.mermaid, source: 'offline' },
      questions: [{ text: 'Why is deploy manual?', status: 'open', askedInSession: id }],
    })
    expect(record.reflection).toContain('The deploy is manual.')
    expect(record.notes).toEqual({ explore: 'Router lives in src/http.' })
    expect(record.questionsAsked).toEqual(['Walk me through the codebase.'])
    expect(events.filter((e) => e.event === 'sessions.changed').length).toBeGreaterThan(5)

    now = new Date('2026-01-13T08:00:00Z') // the next week
    const today = await service().today({})
    expect(today.week).toMatchObject({ programmeWeek: 2, theme: 'Follow one request end to end', repo: { id: 'search' } })
    expect(today.consistency).toMatchObject({ practised: 1, outOf: 1 })
    expect(today.consistency.summary).toBe('1 of the last 1 week practised')
  })

  it('loses nothing when the app stops mid-reflection, and resumes paused', async () => {
    const first = service()
    const { session } = await first.start({}, signal)
    advance(30)
    await first.goToStep({ id: session.id, step: 'reflect' }, signal)
    advance(3)
    await first.updateStep(
      { id: session.id, step: 'reflect', payload: { markdown: 'half a thought', answers: { surprised: 'the test suite' } } },
      signal,
    )
    advance(240) // the machine rebooted; Gemba starts again hours later

    const second = service()
    const view = await second.get({ id: session.id })
    expect(view.session.steps.reflect.payload.markdown).toBe('half a thought')
    expect(view.session.steps.reflect.payload.answers.surprised).toBe('the test suite')
    expect(view.session.paused).toMatchObject({ reason: 'interrupted' })
    expect(view.timer.hour.elapsedMs).toBe(33 * MIN)
    const resumed = await second.resume({ id: session.id }, signal)
    expect(resumed.session.currentStep).toBe('reflect')
    expect((await second.today({})).activeSession?.id).toBe(session.id)
  })

  it('keeps every change when updates arrive at once', async () => {
    const sessions = service()
    const { session } = await sessions.start({}, signal)
    await Promise.all([
      sessions.updateStep({ id: session.id, step: 'explore', payload: { notes: 'a' } }, signal),
      sessions.updateStep({ id: session.id, step: 'diagram', payload: { notes: 'a-->b' } }, signal),
      sessions.updateStep({ id: session.id, step: 'change', payload: { estimateMinutes: 20 } }, signal),
    ])
    const reread = await service().get({ id: session.id })
    expect(reread.session.steps.explore.payload.notes).toBe('a')
    expect(reread.session.steps.diagram.payload.notes).toBe('a-->b')
    expect(reread.session.steps.change.payload.estimateMinutes).toBe(20)
  })

  it('carries questions for the tech lead forward until answered', async () => {
    const sessions = service()
    const week1 = (await sessions.start({}, signal)).session
    await sessions.updateStep(
      { id: week1.id, step: 'reflect', payload: { questionsForTechLead: [{ text: 'Who owns the deploy script?' }] } },
      signal,
    )
    await sessions.finish({ id: week1.id }, signal)

    now = new Date('2026-01-13T09:00:00Z')
    const week2 = await sessions.start({}, signal)
    expect(week2.carriedQuestions.map((q) => q.text)).toEqual(['Who owns the deploy script?'])
    const reflecting = await sessions.goToStep({ id: week2.session.id, step: 'reflect' }, signal)
    // Carried questions show beside the editor and in the entry's own section, never frozen in the draft.
    expect(reflecting.session.steps.reflect.payload.markdown).not.toContain('Who owns the deploy script?')

    const [question] = await sessions.questions({})
    await sessions.answerQuestion({ questionId: question!.id, answer: 'Platform team' }, signal)
    expect(await sessions.questions({})).toEqual([])
    expect((await sessions.get({ id: week2.session.id })).carriedQuestions).toEqual([])
    expect((await sessions.questions({ includeAnswered: true }))[0]).toMatchObject({ answer: 'Platform team' })
  })

  it('sets a corrupt session file aside, reports it and never deletes it', async () => {
    await writeFile(join(folder, '2026-01-01-w01-broken.json'), '{"schemaVersion": 1, "id": ')
    const today = await service().today({})
    expect(today.notices).toHaveLength(1)
    expect(today.notices[0]?.message).toMatch(/set aside.*Nothing was deleted/)
    const aside = await readdir(join(folder, 'corrupt'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(folder, 'corrupt', aside[0]!), 'utf8')).toBe('{"schemaVersion": 1, "id": ')
  })

  it('offers past-due weeks, and a skipped week is neither offered nor counted against the leader', async () => {
    const sessions = service()
    const week1 = (await sessions.start({}, signal)).session
    await sessions.finish({ id: week1.id }, signal) // only explore was visited: not practised
    now = new Date('2026-01-27T09:00:00Z') // week 4
    let today = await sessions.today({})
    expect(today.week.programmeWeek).toBe(4)
    expect(today.pastDue.map((w) => w.programmeWeek)).toEqual([3, 2])
    today = await sessions.skipWeek({ programmeWeek: 3 }, signal)
    expect(today.pastDue.map((w) => w.programmeWeek)).toEqual([2])
    expect(today.consistency).toMatchObject({ practised: 0, outOf: 2, skipped: 1 })
    const late = await sessions.start({ programmeWeek: 2 }, signal)
    expect(late.session).toMatchObject({ programmeWeek: 2, theme: 'Follow one request end to end', repo: { id: 'search' } })
  })

  it('pauses the programme for travel; the week number waits', async () => {
    const sessions = service()
    await sessions.start({}, signal).then(({ session }) => sessions.abandon({ id: session.id }, signal))
    let today = await sessions.pauseProgramme({ weeks: 2 }, signal)
    expect(today.programme).toMatchObject({ paused: true, pausedThrough: '2026-01-12' })
    now = new Date('2026-01-20T09:00:00Z') // three weeks later, back from travel
    today = await sessions.today({})
    expect(today.programme.paused).toBe(false)
    // The week it was paused in had not been practised, so week 1 waited with the rest.
    expect(today.week.programmeWeek).toBe(1)
    expect(today.pastDue).toEqual([])
    expect(today.consistency).toMatchObject({ practised: 0, outOf: 0, missed: 0 })
  })

  it('tells the programme’s whole history (sessions.programme): past pauses and skips, in the leader’s weeks', async () => {
    const sessions = service()
    await sessions.start({}, signal).then(({ session }) => sessions.abandon({ id: session.id }, signal))
    await sessions.pauseProgramme({ weeks: 2 }, signal)
    now = new Date('2026-02-03T09:00:00Z') // week of 2026-02-02, back from travel
    await sessions.skipWeek({ programmeWeek: 1 }, signal)
    await sessions.pauseProgramme({ weeks: null }, signal)
    expect((await sessions.today({})).programme).toMatchObject({ paused: true, pausedThrough: null })
    expect(await sessions.programme({})).toEqual({
      currentWeekOf: '2026-02-02',
      startedWeekOf: '2026-01-05',
      pauses: [
        { from: '2026-01-05', to: '2026-01-12' },
        { from: '2026-02-02', to: null },
      ],
      skippedWeeks: [{ programmeWeek: 1, weekOf: '2026-01-19' }],
    })
  })

  it('names the repository the hour goes into (the least recently visited), lets another be picked, and counts an extra hour honestly', async () => {
    const four = [
      { id: 'payments', name: 'payments-api', path: '/code/payments', addedAt: '2026-01-01T00:00:00Z' },
      { id: 'search', name: 'search', path: '/code/search', addedAt: '2026-01-02T00:00:00Z' },
      { id: 'mobile', name: 'mobile-app', path: '/code/mobile', addedAt: '2026-01-03T00:00:00Z' },
      { id: 'billing', name: 'billing', path: '/code/billing', addedAt: '2026-01-04T00:00:00Z' },
    ]
    const sessions = service({ repos: { list: async () => four } })
    /** An hour with every step visited, finished: practised. */
    const practise = async (input: { repoId?: string }) => {
      const { id } = (await sessions.start(input, signal)).session
      for (const step of ['diagram', 'change', 'reflect'] as const) await sessions.goToStep({ id, step }, signal)
      advance(5)
      return sessions.finish({ id }, signal)
    }
    let today = await sessions.today({})
    expect(today.week.repo?.id).toBe('payments')
    expect(today.repoChoices.map((repo) => [repo.id, repo.lastVisitedAt])).toEqual([
      ['payments', null],
      ['search', null],
      ['mobile', null],
      ['billing', null],
    ])
    // The leader picks another team's repository for week 1.
    expect((await practise({ repoId: 'mobile' })).session.repo.id).toBe('mobile')
    today = await sessions.today({})
    expect(today.week.repo?.id).toBe('mobile') // the week keeps the repository its hour was in
    expect(today.hoursThisWeek).toBe(1)
    expect(today.repoChoices.map((repo) => repo.id)).toEqual(['payments', 'search', 'billing', 'mobile'])

    // An extra hour in the same week goes where the rotation says, and counts as an hour, not a week.
    advance(60)
    expect((await practise({})).session.repo.id).toBe('payments')
    today = await sessions.today({})
    expect(today.hoursThisWeek).toBe(2)
    expect(today.outcome).toBe('practised')

    // Next week: the one not visited for longest, then the next; an abandoned hour does not move it on.
    now = new Date('2026-01-13T09:00:00Z')
    today = await sessions.today({})
    expect(today.week.repo?.id).toBe('search')
    expect(today.hoursThisWeek).toBe(0)
    expect(today.consistency).toMatchObject({ practised: 1, outOf: 1 })
    await sessions.start({ repoId: 'billing' }, signal).then(({ session }) => sessions.abandon({ id: session.id }, signal))
    expect((await sessions.today({})).week.repo?.id).toBe('search')
    expect((await practise({})).session.repo.id).toBe('search')
    now = new Date('2026-01-20T09:00:00Z')
    expect((await sessions.today({})).week.repo?.id).toBe('billing')
    expect((await practise({})).session.repo.id).toBe('billing')
    now = new Date('2026-01-27T09:00:00Z')
    expect((await sessions.today({})).week.repo?.id).toBe('mobile')
  })

  it('refuses a second week while one is unfinished, but resumes the same one', async () => {
    const sessions = service()
    const first = await sessions.start({}, signal)
    expect((await sessions.start({}, signal)).session.id).toBe(first.session.id)
    now = new Date('2026-01-13T09:00:00Z')
    await expect(sessions.start({}, signal)).rejects.toMatchObject({ code: 'conflict' })
    await expect(sessions.start({ programmeWeek: 9 }, signal)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('finishes when the journal keeps the entry pending (folder unavailable), and says so', async () => {
    const sessions = new SessionsService({
      folder,
      events: { emit: () => undefined },
      clock: () => now,
      settings: { get: async () => ({ schedule, stepMinutes: DEFAULT_TIMEBOXES, ai: { sessionBudgetUsd: 2 } }) },
      repos: { list: async () => repos },
      journal: {
        saveSession: async () => {
          throw new GembaError({
            code: 'storage',
            message: 'The journal folder is gone. Kept safe until it can be written.',
            details: { pending: true },
          })
        },
      },
    })
    const { session } = await sessions.start({}, signal)
    const result = await sessions.finish({ id: session.id }, signal)
    expect(result).toMatchObject({
      journalPath: null,
      journalPending: { message: expect.stringMatching(/kept safe/i) },
      session: { status: 'finished' },
    })
  })

  it('keeps the session open when the journal cannot be written', async () => {
    const sessions = service()
    const { session } = await sessions.start({}, signal)
    journalFails = true
    await expect(sessions.finish({ id: session.id }, signal)).rejects.toThrow(/read-only/)
    const still = await service().get({ id: session.id })
    expect(still.session.status).toBe('active')
    journalFails = false
    await expect(sessions.finish({ id: session.id }, signal)).resolves.toMatchObject({ session: { status: 'finished' } })
  })

  it('edits timeboxes per session and reports over-time without moving on', async () => {
    const sessions = service()
    const { session } = await sessions.start({}, signal)
    await sessions.setTimeboxes({ id: session.id, timeboxes: { explore: 5 } }, signal)
    advance(6)
    const view = await sessions.get({ id: session.id })
    expect(view.timer.steps.explore).toMatchObject({ overTime: true, timeboxMs: 5 * MIN })
    expect(view.session.currentStep).toBe('explore')
    expect(view.session.steps.change.timeboxMinutes).toBe(25)
  })

  describe('one writer per fact', () => {
    const quietLog = { error: () => undefined, warn: () => undefined, info: () => undefined }

    it('refuses, at the contract, a page that writes a fact a service made; the leader’s own fields pass', async () => {
      const sessions = service()
      const dispatcher = new Dispatcher(
        { sessions: serveContract({ sessions } as unknown as DomainServices, () => false).sessions },
        new EventHub(),
        quietLog,
      )
      const { session } = await sessions.start({}, signal)
      const machineFacts = [
        { step: 'change', payload: { diff: '+fake' } },
        { step: 'change', payload: { branch: 'main' } },
        { step: 'change', payload: { commit: 'def5678' } },
        { step: 'change', payload: { testRun: { command: 'true', exitCode: 0, durationMs: 1, outputTail: 'ok' } } },
        { step: 'change', payload: { explanation: 'All tests pass.' } },
        { step: 'change', payload: { request: 'Something else' } },
        { step: 'explore', payload: { walkthrough: 'Made up', source: 'ai' } },
        { step: 'explore', payload: { citations: [{ path: 'src/a.ts', line: 1 }] } },
        { step: 'explore', payload: { coach: { markdown: 'Made up', citations: [] } } },
        { step: 'diagram', payload: { mermaid: 'flowchart LR\n  a --> b', svg: '<svg></svg>', source: 'ai' } },
      ]
      for (const update of machineFacts) {
        const result = await dispatcher.dispatch('sessions.updateStep', { id: session.id, ...update })
        expect(result, JSON.stringify(update)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      }
      const typed = await dispatcher.dispatch('sessions.updateStep', {
        id: session.id,
        step: 'change',
        payload: { estimateMinutes: 15, actualMinutes: 20 },
      })
      expect(typed.ok).toBe(true)
      const reread = await service().get({ id: session.id })
      expect(reread.session.steps.change.payload).toMatchObject({
        diff: '',
        branch: null,
        commit: null,
        estimateMinutes: 15,
        actualMinutes: 20,
      })
      expect(reread.session.steps.explore.payload.walkthrough).toBe('')
      await dispatcher.dispose()
    })

    it('keeps the offline tour the page first shows, never over Claude’s walkthrough; the leader’s pick over it, and back', async () => {
      const sessions = service()
      const { session } = await sessions.start({}, signal)
      const id = session.id
      const kept = await sessions.keepRecord({ id, step: 'explore', pick: { kind: 'offline', by: 'auto' } }, signal)
      expect(kept.session.steps.explore.payload).toMatchObject({ walkthrough: tour.markdown, source: 'offline' })
      await sessions.coachRecords.keep({
        sessionId: id,
        purpose: 'explore',
        threadId: 'thread-e',
        question: 'Walk me through it.',
        answer: 'Claude’s tour.',
        citations: [],
      })
      const again = await sessions.keepRecord({ id, step: 'explore', pick: { kind: 'offline', by: 'auto' } }, signal)
      expect(again.session.steps.explore.payload).toMatchObject({ source: 'ai' })
      const picked = await sessions.keepRecord({ id, step: 'explore', pick: { kind: 'offline', by: 'leader' } }, signal)
      expect(picked.session.steps.explore.payload).toMatchObject({ walkthrough: tour.markdown, source: 'offline', choice: 'leader' })
      const back = await sessions.keepRecord({ id, step: 'explore', pick: { kind: 'coach' } }, signal)
      expect(back.session.steps.explore.payload).toMatchObject({ source: 'ai', choice: 'auto' })
      expect(back.session.steps.explore.payload.walkthrough).toContain('Claude’s tour.')
    })

    it('keeps a drawing only from Claude’s answers in the session’s own diagram conversation, with the SVG drawn on the page', async () => {
      const sessions = service()
      const { session } = await sessions.start({}, signal)
      const id = session.id
      const source = 'flowchart LR\n  web --> api'
      diagramAnswers['thread-d'] = [`The shop.\n\n\`\`\`mermaid\n${source}\n\`\`\``]
      diagramAnswers['thread-elsewhere'] = diagramAnswers['thread-d']
      const drawing = { kind: 'drawing' as const, threadId: 'thread-d', mermaid: source, svg: '<svg id="d"></svg>', by: 'auto' as const }
      // Not a conversation of this session (yet): refused.
      await expect(sessions.keepRecord({ id, step: 'diagram', pick: drawing }, signal)).rejects.toThrow(/not from this session/)
      await sessions.coachRecords.keep({
        sessionId: id,
        purpose: 'diagram',
        threadId: 'thread-d',
        question: 'Draw me a high-level architecture.',
        answer: diagramAnswers['thread-d'][0]!,
        citations: [],
      })
      await expect(
        sessions.keepRecord({ id, step: 'diagram', pick: { ...drawing, mermaid: 'flowchart LR\n  made --> up' } }, signal),
      ).rejects.toThrow(/not one of Claude’s answers/)
      await expect(
        sessions.keepRecord({ id, step: 'diagram', pick: { ...drawing, threadId: 'thread-elsewhere' } }, signal),
      ).rejects.toThrow(/not from this session/)
      const kept = await sessions.keepRecord({ id, step: 'diagram', pick: drawing }, signal)
      expect(kept.session.steps.diagram.payload).toMatchObject({
        mermaid: source,
        caption: 'The shop.',
        svg: '<svg id="d"></svg>',
        source: 'ai',
        transcriptRef: 'thread-d',
        choice: 'auto',
      })
      expect(events.at(-1)).toEqual({ event: 'sessions.changed', payload: { sessionId: id } })
    })

    it('lets the change service record what it did, never the leader’s estimate', async () => {
      const sessions = service()
      const { session } = await sessions.start({}, signal)
      await sessions.updateStep({ id: session.id, step: 'change', payload: { estimateMinutes: 15 } }, signal)
      await sessions.changeRecords.record(session.id, { request: 'Rename', manual: true, diff: '+x' })
      const view = await service().get({ id: session.id })
      expect(view.session.steps.change.payload).toMatchObject({ request: 'Rename', manual: true, diff: '+x', estimateMinutes: 15 })
    })
  })
})

describe('SessionsService: the developer loop and where the leader has been', () => {
  const scan = {
    modules: [
      {
        id: 'm-api',
        name: 'src/api',
        path: 'src/api',
        files: 4,
        lines: 900,
        language: 'TypeScript',
        kind: 'convention' as const,
        role: 'source' as const,
      },
      {
        id: 'm-billing',
        name: 'src/billing',
        path: 'src/billing',
        files: 6,
        lines: 1200,
        language: 'TypeScript',
        kind: 'convention' as const,
        role: 'source' as const,
      },
    ],
    history: {
      commitsRead: 120,
      truncated: false,
      lastCommits: [],
      churn: [],
      moduleChurn: [],
      recentModuleChurn: {
        since: '2025-12-07T00:00:00.000Z',
        modules: [
          { module: 'm-billing', commits: 41 },
          { module: 'm-api', commits: 12 },
        ],
      },
      modules: [],
      contributors: [],
      cadence: [],
      newlyRead: 0,
    },
  }

  it('keeps the files opened in the viewer with the session, and the entry carries the loop its test record measured', async () => {
    const sessions = service({ scans: { scan: async () => scan } })
    const { session } = await sessions.start({}, signal)
    const id = session.id
    await sessions.viewerRecords.opened(id, 'src/api/routes.ts')
    await sessions.viewerRecords.opened(id, 'src/api/routes.ts')
    await sessions.viewerRecords.opened('no-such-session', 'src/x.ts')
    advance(10)
    await sessions.goToStep({ id, step: 'change' }, signal)
    advance(7)
    const run = { command: 'npm test', couldNotRun: null, durationMs: 60_000, failed: [], rerun: false, flaky: [], onChange: true }
    const failed = { ...run, outcome: 'failed' as const, exitCode: 1, at: now.toISOString(), failed: ['cart > totals'] }
    await sessions.changeRecords.record(id, { testLog: { setup: [], runs: [failed], flaky: [] } })
    advance(3)
    const passed = {
      ...run,
      outcome: 'passed' as const,
      exitCode: 0,
      at: new Date(now.getTime() - MIN).toISOString(),
      flaky: ['cart > totals'],
    }
    await sessions.changeRecords.record(id, { testLog: { setup: [], runs: [passed], flaky: ['cart > totals'] } })
    const kept = (await sessions.get({ id })).session
    expect(kept.steps.explore.payload.viewed).toEqual(['src/api/routes.ts'])
    expect(kept.steps.change.payload.testLog?.runs.map((entry) => entry.outcome)).toEqual(['failed', 'passed'])
    expect(await sessions.visits({ repoId: 'payments' })).toMatchObject({ hours: 1, paths: [{ path: 'src/api/routes.ts', read: 1 }] })
    // Never been to src/billing, which changed most lately.
    const next = await sessions.nextArea({}, signal)
    expect(next.suggestion).toMatchObject({ path: 'src/billing', commits: 41 })
    await sessions.finish({ id }, signal)
    expect(saved[0]?.viewed).toEqual(['src/api/routes.ts'])
    // The first run started 7 min into the change; the run that passed ended 3 min later.
    expect(saved[0]?.loop).toEqual({
      firstTestRunMinutes: 7,
      firstGreenMinutes: 10,
      testRuns: 2,
      suiteSeconds: 60,
      flaky: ['cart > totals'],
    })
  })
})

describe('the week for the kind of codebase', () => {
  // A scan with nothing to suggest: the kind is what these tests read.
  const history = {
    commitsRead: 0,
    truncated: false,
    lastCommits: [],
    churn: [],
    moduleChurn: [],
    modules: [],
    contributors: [],
    cadence: [],
    newlyRead: 0,
  }
  const noScan = { scan: async () => ({ modules: [], history }) }
  let kind: RepoKindReading
  const kindScans = () => ({ ...noScan, kind: async () => kind })

  it('starts the hour with the text for the kind its repository reads as, and keeps it for the journal', async () => {
    kind = { kind: 'library', reason: 'it publishes a package and runs no server' }
    const sessions = service({ scans: kindScans() })
    const first = await sessions.start({}, signal)
    await sessions.abandon({ id: first.session.id }, signal)
    advance(7 * 24 * 60)
    expect(await sessions.weekFit({}, signal)).toMatchObject({
      programmeWeek: 2,
      repoId: 'payments',
      kind,
      theme: 'Follow one call through the public API',
      sentence:
        'This repository reads as a library (it publishes a package and runs no server), so this week is “Follow one call through the public API”.',
    })
    const { session } = await sessions.start({}, signal)
    expect(session).toMatchObject({ weekNumber: 2, theme: 'Follow one call through the public API', repoKind: kind })
    // The repository reads otherwise later: the hour keeps the text it started with, on Today and in the journal.
    kind = { kind: 'cli', reason: 'it builds a program' }
    expect((await sessions.weekFit({}, signal))?.theme).toBe('Follow one call through the public API')
    expect((await sessions.nextArea({}, signal)).theme).toBe('Follow one call through the public API')
    await sessions.goToStep({ id: session.id, step: 'reflect' }, signal)
    const draft = (await sessions.get({ id: session.id })).session.steps.reflect.payload.markdown
    expect(draft).toContain('How many layers did the call pass through, and how many did I expect?')
    await sessions.finish({ id: session.id }, signal)
    expect(saved[0]?.theme).toEqual({ id: 'follow-one-request-end-to-end', title: 'Follow one call through the public API' })
  })

  it('reads as the week’s own text for a web service, and when the kind cannot be read', async () => {
    kind = { kind: 'web-service', reason: 'it runs a server built with Express' }
    const fit = await service({ scans: kindScans() }).weekFit({}, signal)
    expect(fit).toMatchObject({ theme: 'Walk the codebase', sentence: expect.stringMatching(/the kind this week’s text is written for/) })
    const sessions = service({ scans: { ...noScan, kind: async () => Promise.reject(new Error('not a repository')) } })
    expect((await sessions.weekFit({}, signal))?.kind.kind).toBe('unknown')
    const { session } = await sessions.start({}, signal)
    expect(session).toMatchObject({ theme: 'Walk the codebase', repoKind: null })
  })
})
