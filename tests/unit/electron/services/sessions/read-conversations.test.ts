import { describe, expect, it } from 'vitest'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { GembaError } from '../../../../../shared/errors.ts'
import type { JournalStep } from '../../../../../shared/models/journal.ts'
import { DEFAULT_TIMEBOXES, type Session } from '../../../../../shared/models/sessions.ts'
import { newSession } from '../../../../../electron/services/sessions/new-session.ts'
import { readConversations, type TranscriptPort } from '../../../../../electron/services/sessions/read-conversations.ts'

const now = new Date('2026-02-03T09:00:00Z')
const base = newSession({
  id: 's',
  programmeWeek: 1,
  week: defaultCurriculum().weeks[0]!,
  repo: { id: 'r', name: 'r', path: '/r', commit: 'abc1234' },
  timeboxes: DEFAULT_TIMEBOXES,
  offline: false,
  now,
})
const signal = new AbortController().signal

function withRefs(explore: string | null, diagram: string | null | undefined): Session {
  const {
    diagram: { payload, ...rest },
    ...steps
  } = base.steps
  const diagramPayload = diagram === undefined ? payload : { ...payload, transcriptRef: diagram }
  return {
    ...base,
    steps: {
      ...steps,
      explore: { ...base.steps.explore, payload: { ...base.steps.explore.payload, transcriptRef: explore } },
      diagram: { ...rest, payload: diagramPayload },
    },
  }
}

const port: TranscriptPort = {
  async read(ref: string, step: JournalStep) {
    if (ref === 'thread-broken') throw new GembaError({ code: 'storage', message: 'The kept conversation thread-broken.json is damaged.' })
    return {
      transcript: [{ step, role: 'leader', text: `asked in ${ref}`, at: now.toISOString() }],
      sent: [
        {
          step,
          at: now.toISOString(),
          model: 'm',
          contextFiles: [],
          added: { kind: 'question', chars: 5, files: [] },
          redactions: [],
          excluded: [],
          usage: null,
          costUsd: null,
        },
      ],
    }
  },
}

describe('readConversations', () => {
  it('reads the explore conversation, then the diagram one, each under its step', async () => {
    const read = await readConversations(withRefs('thread-explore', 'thread-diagram'), port, signal, now)
    expect(read.transcript.map((entry) => [entry.step, entry.text])).toEqual([
      ['explore', 'asked in thread-explore'],
      ['diagram', 'asked in thread-diagram'],
    ])
    expect(read.sent.map((record) => record.step)).toEqual(['explore', 'diagram'])
  })

  it('reads an older session whose diagram has no ref, and one with no conversations at all', async () => {
    expect((await readConversations(withRefs('thread-explore', undefined), port, signal, now)).transcript).toHaveLength(1)
    expect(await readConversations(withRefs(null, null), port, signal, now)).toEqual({ transcript: [], sent: [] })
  })

  it('says so in the transcript when a conversation cannot be read, and still finishes', async () => {
    const read = await readConversations(withRefs('thread-explore', 'thread-broken'), port, signal, now)
    expect(read.transcript.at(-1)).toEqual({
      step: 'diagram',
      role: 'system',
      text: expect.stringContaining('thread-broken.json is damaged'),
      at: now.toISOString(),
    })
    expect(read.sent).toHaveLength(1)
  })
})
