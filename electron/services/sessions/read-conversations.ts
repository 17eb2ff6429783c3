// Gathers the coach's conversations of a finished session (explore, then diagram) for the journal:
// the transcript and what each request carried. A conversation that cannot be read never stops a
// session from finishing: it becomes a line in the transcript saying so.
import { GembaError } from '../../../shared/errors.ts'
import type { JournalSentRecord, JournalStep, JournalTranscriptEntry } from '../../../shared/models/journal.ts'
import type { Session } from '../../../shared/models/sessions.ts'

export interface TranscriptPort {
  read(ref: string, step: JournalStep, signal: AbortSignal): Promise<{ readonly transcript: readonly JournalTranscriptEntry[]; readonly sent: readonly JournalSentRecord[] }>
}

export async function readConversations(
  session: Session,
  port: TranscriptPort | undefined,
  signal: AbortSignal,
  now: Date,
): Promise<{ transcript: JournalTranscriptEntry[]; sent: JournalSentRecord[] }> {
  const transcript: JournalTranscriptEntry[] = []
  const sent: JournalSentRecord[] = []
  if (!port) return { transcript, sent }
  const refs: [JournalStep, string | null | undefined][] = [
    ['explore', session.steps.explore.payload.transcriptRef],
    ['diagram', session.steps.diagram.payload.transcriptRef],
  ]
  for (const [step, ref] of refs) {
    if (!ref) continue
    try {
      const read = await port.read(ref, step, signal)
      transcript.push(...read.transcript)
      sent.push(...read.sent)
    } catch (error) {
      if (signal.aborted) throw error
      const why = error instanceof GembaError ? error.message : 'It could not be read.'
      transcript.push({ step, role: 'system', text: `The ${step} conversation is missing from this transcript: ${why}`, at: now.toISOString() })
    }
  }
  return { transcript, sent }
}
