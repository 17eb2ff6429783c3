// Gathers the coach's conversations of a finished session (every explore one, then every diagram one,
// in the order they began) for the journal: the transcript and what each request carried. A
// conversation that cannot be read never stops a session from finishing: it becomes a line saying so.
import { GembaError } from '../../../shared/errors.ts'
import type { JournalSentRecord, JournalStep, JournalTranscriptEntry } from '../../../shared/models/journal.ts'
import type { Session } from '../../../shared/models/sessions.ts'

export interface TranscriptPort {
  read(
    ref: string,
    step: JournalStep,
    signal: AbortSignal,
  ): Promise<{ readonly transcript: readonly JournalTranscriptEntry[]; readonly sent: readonly JournalSentRecord[] }>
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
  for (const [step, ref] of conversationsOf(session)) {
    try {
      const read = await port.read(ref, step, signal)
      transcript.push(...read.transcript)
      sent.push(...read.sent)
    } catch (error) {
      if (signal.aborted) throw error
      const why = error instanceof GembaError ? error.message : 'It could not be read.'
      transcript.push({
        step,
        role: 'system',
        text: `The ${step} conversation is missing from this transcript: ${why}`,
        at: now.toISOString(),
      })
    }
  }
  return { transcript, sent }
}

/** Every conversation a step had (older sessions name only the one they kept), each once. */
function conversationsOf(session: Session): [JournalStep, string][] {
  const refs: [JournalStep, string][] = []
  for (const step of ['explore', 'diagram'] as const) {
    const payload = session.steps[step].payload
    const ids = [...(payload.threadRefs ?? []), payload.transcriptRef ?? '']
    for (const id of new Set(ids)) if (id) refs.push([step, id])
  }
  return refs
}
