// What the session keeps of the developer loop beside the test record (the change service's testLog):
// each wait on the agent, so the journal can set the time the leader waited against the time they
// worked, never from memory. Pure and bounded (the newest MAX_LOOP_RECORDS); the sessions service
// saves the result.
import { MAX_LOOP_RECORDS, type ChangePayload } from '../../../shared/models/sessions.ts'

/** The loop facts the change service records beside the change; the sessions service appends them. */
export type LoopRecord = {
  /** A wait on the agent that just ended. */
  readonly agentWait?: { readonly start: string; readonly end: string }
}

/** The change payload with a just-ended wait on the agent appended. */
export function withLoopFacts(payload: ChangePayload, facts: LoopRecord): Pick<ChangePayload, 'agentWaits'> {
  const wait = facts.agentWait
  if (!wait || wait.end < wait.start) return {}
  return { agentWaits: [...(payload.agentWaits ?? []), { start: wait.start, end: wait.end }].slice(-MAX_LOOP_RECORDS) }
}
