// The leader's own words from past sessions (reflections, questions and their answers, change
// requests) passed through the same redaction as everything sent, line by line before the note
// flattens them, so a credential pasted into a reflection costs only its own line. Counts what it hid.
import type { JournalSessionRecord } from '../../../../shared/models/journal.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { PastVisits } from './past-visits.ts'

export async function redactVisits(visits: PastVisits, redactor: Redactor): Promise<{ visits: PastVisits; redactions: number }> {
  let redactions = 0
  const clean = async (text: string): Promise<string> => {
    const redacted = await redactor.redact('(your journal)', text)
    redactions += redacted.redactions.length
    return redacted.text
  }
  const sessions: JournalSessionRecord[] = []
  for (const record of visits.sessions) {
    sessions.push({
      ...record,
      reflection: await clean(record.reflection),
      questions: await Promise.all(
        record.questions.map(async (q) => ({
          ...q,
          text: await clean(q.text),
          ...(q.answer === undefined ? {} : { answer: await clean(q.answer) }),
        })),
      ),
      change: record.change ? { ...record.change, request: await clean(record.change.request) } : null,
    })
  }
  return { visits: { ...visits, sessions }, redactions }
}
