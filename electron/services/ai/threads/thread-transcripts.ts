// Reads a kept AI thread as the journal keeps it: the conversation as transcript entries (the
// leader's questions, the coach's answers, one line per tool call) and what each request carried.
// Only maps what the thread file already holds, which is redacted; never reads the repository.
import type { AiThreadRecord } from '../../../../shared/models/ai.ts'
import type { JournalSentRecord, JournalStep, JournalTranscriptEntry } from '../../../../shared/models/journal.ts'
import type { ThreadStore } from './thread-store.ts'

export interface ThreadTranscript {
  readonly transcript: readonly JournalTranscriptEntry[]
  readonly sent: readonly JournalSentRecord[]
}

/** The port the sessions domain reads conversations through; an unknown thread reads as empty. */
export function threadTranscripts(store: ThreadStore): {
  read(ref: string, step: JournalStep, signal: AbortSignal): Promise<ThreadTranscript>
} {
  return {
    async read(ref, step, signal) {
      signal.throwIfAborted()
      const thread = await store.read(ref)
      return thread ? transcriptOfThread(thread, step) : { transcript: [], sent: [] }
    },
  }
}

export function transcriptOfThread(thread: AiThreadRecord, step: JournalStep): ThreadTranscript {
  const transcript: JournalTranscriptEntry[] = []
  for (const turn of thread.turns) {
    transcript.push({ step, role: 'leader', text: turn.question, at: turn.at })
    for (const call of turn.toolCalls) {
      transcript.push({ step, role: 'tool', text: `${call.name} ${JSON.stringify(call.input)}: ${call.summary}`, at: turn.at })
    }
    if (turn.answer) transcript.push({ step, role: 'coach', text: turn.answer, at: turn.at })
    if (turn.status !== 'answered')
      transcript.push({
        step,
        role: 'system',
        text: turn.error ?? `The question ${turn.status === 'cancelled' ? 'was stopped' : 'failed'}.`,
        at: turn.at,
      })
  }
  const sent = thread.requests.map((request) => ({
    step,
    at: request.at,
    model: request.model,
    contextFiles: request.prefix.files.map(({ path, bytes }) => ({ path, bytes })),
    added: { kind: request.added.kind, chars: request.added.chars, files: request.added.files.map(({ path, bytes }) => ({ path, bytes })) },
    redactions: request.redactions.map(({ path, line, rule }) => ({ path, line, rule })),
    excluded: request.excluded.map(({ path, rule }) => ({ path, rule })),
    usage: request.usage ? { ...request.usage } : null,
    costUsd: request.costUsd,
  }))
  return { transcript, sent }
}
