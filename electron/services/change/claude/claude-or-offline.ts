// "Try Claude, else offline", once for every small-change call that has both forms (tasks, commit
// message, explanation): Claude when there is a runtime, and the offline form when there is none or
// Claude fails with an error Gemba understands. A cancel or a bug is never hidden behind the fallback.
import { GembaError } from '../../../../shared/errors.ts'
import type { AiRuntime } from './change-conversations.ts'

export async function claudeOrOffline<T>(
  runtime: AiRuntime | null,
  signal: AbortSignal,
  withClaude: (runtime: AiRuntime) => Promise<T>,
  offline: (failure: GembaError | null) => T | Promise<T>,
): Promise<T> {
  if (!runtime) return offline(null)
  try {
    return await withClaude(runtime)
  } catch (error) {
    if (signal.aborted || !(error instanceof GembaError)) throw error
    return offline(error)
  }
}
