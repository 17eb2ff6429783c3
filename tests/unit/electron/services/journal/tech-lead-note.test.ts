// The note for the tech lead says what the hours measured and what the leader noted, plainly: the
// friction in their words, the open questions, and nothing from the rest of the private reflection.
import { describe, expect, it } from 'vitest'
import { frictionNote, techLeadNote } from '../../../../../electron/services/journal/tech-lead-note.ts'
import { buildSessionRecord } from './fixtures/build-session-record.ts'

const reflection = [
  '### What surprised me',
  '',
  'Private: I was slower than I thought.',
  '',
  '### Friction my team lives with',
  '',
  'Getting the tests to run needed a',
  'database nobody had documented.',
  '',
  '### What I would ask my tech lead',
  '',
  'Why no seed data?',
  '',
].join('\n')

describe('techLeadNote', () => {
  const base = buildSessionRecord()
  const newer = buildSessionRecord({
    id: 'session-0002',
    date: '2026-12-01',
    reflection,
    frictionTags: ['setup-pain', 'slow-tests'],
    loop: { firstTestRunMinutes: 31, suiteSeconds: 41, setup: [{ command: 'docker compose up -d db', ok: true, seconds: 12 }] },
    questions: [
      { id: 'q-open', text: 'Could the test database start with the suite?', status: 'open' },
      { id: 'q-done', text: 'Who owns CI?', status: 'answered', answer: 'Platform', answeredAt: '2026-12-01T10:00:00Z' },
    ],
  })

  it('writes the facts of the last hours, the friction notes and the open questions, and leaves private words out', () => {
    const note = techLeadNote([newer, { ...base, questions: [{ id: 'q-done', text: 'Who owns CI?', status: 'open' }] }], '2026-12-07')
    expect(note.sessions).toBe(2)
    expect(note.fileName).toMatch(/^gemba-note-.+-2026-12-07\.md$/)
    expect(note.markdown).toContain(`# Notes from my hands-on hours in ${base.repository.name}`)
    expect(note.markdown).toContain('- First test run that really ran: 31 min after starting the change.')
    expect(note.markdown).toContain('- Setup step: `docker compose up -d db` worked (12 s).')
    expect(note.markdown).toMatch(/Tagged: `setup-pain`, `slow-tests`(, `[a-z-]+`)*\./)
    expect(note.markdown).toContain('_2026-12-01:_ Getting the tests to run needed a database nobody had documented.')
    expect(note.markdown).toContain('- Could the test database start with the suite?')
    // Answered since (the newer entry says so), and the rest of the reflection is not the tech lead's.
    expect(note.markdown).not.toContain('Who owns CI?')
    expect(note.markdown).not.toContain('Private')
    expect(note.markdown).not.toContain('Why no seed data?')
  })
})

describe('frictionNote', () => {
  it('is empty when the leader wrote nothing under the friction prompt', () => {
    expect(frictionNote('### What surprised me\n\nA lot.\n')).toBe('')
  })
})
