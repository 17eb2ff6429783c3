// Words about a change, from Claude or offline: the commit message the leader edits before applying,
// and the "like I'm new to the team" explanation, which is kept with the session. The explanation
// says the tests pass only when they ran on this change and passed: Claude is told what Gemba
// measured, and Gemba's own line about the tests closes every explanation. Reads only.
import type { ChangeExplanation, CommitMessageDraft, FileChange } from '../../../../shared/models/change.ts'
import type { Progress } from '../../events-port.ts'
import type { Redactor } from '../../secrets/index.ts'
import { draftCommitMessageWithAi, explainWithAi } from '../claude/change-conversations.ts'
import type { ChangeDraft } from '../drafts/change-draft.ts'
import type { SessionRecorder } from '../change-ports.ts'
import { changeHandlers, type ChangeRuntimes } from '../claude/change-runtime.ts'
import { claudeOrOffline } from '../claude/claude-or-offline.ts'
import { offlineCommitMessage, offlineExplanation } from './offline-text.ts'
import { redactedDiff } from '../diffs/redact-diff.ts'
import { testVerdict } from '../team-tests/test-verdict.ts'

export interface ChangeExplainerDeps {
  readonly runtimes: ChangeRuntimes
  readonly session: SessionRecorder
  /** What leaves the leader's view (to Claude) is redacted file by file. */
  readonly redactor: Pick<Redactor, 'redact'>
  readonly reviewFiles: (draft: ChangeDraft, signal: AbortSignal) => Promise<readonly FileChange[]>
}

export class ChangeExplainer {
  readonly #deps: ChangeExplainerDeps

  constructor(deps: ChangeExplainerDeps) {
    this.#deps = deps
  }

  async commitMessage(
    draft: ChangeDraft,
    acceptedPaths: readonly string[] | undefined,
    signal: AbortSignal,
    progress: Progress,
  ): Promise<CommitMessageDraft> {
    const files = (await this.#deps.reviewFiles(draft, signal)).filter((file) => !acceptedPaths || acceptedPaths.includes(file.path))
    const runtime = files.length > 0 ? await this.#runtime(draft, signal) : null
    return claudeOrOffline<CommitMessageDraft>(
      runtime,
      signal,
      async (claude) => {
        const handlers = changeHandlers(progress, draft.id, draft.sessionId)
        return {
          source: 'ai',
          message: await draftCommitMessageWithAi(
            claude,
            draft.contextText,
            draft.request,
            await redactedDiff(this.#deps.redactor, files),
            handlers,
            signal,
          ),
        }
      },
      () => ({ source: 'offline', message: offlineCommitMessage(draft.request, files) }),
    )
  }

  async explain(draft: ChangeDraft, sessionId: string | null, signal: AbortSignal, progress: Progress): Promise<ChangeExplanation> {
    const files = draft.applied ? draft.committedFiles : await this.#deps.reviewFiles(draft, signal)
    const runtime = files.length > 0 ? await this.#runtime(draft, signal) : null
    const tests = testVerdict(draft.applied, draft.lastTestRun).sentence
    const explanation = await claudeOrOffline<ChangeExplanation>(
      runtime,
      signal,
      async (claude) => {
        const handlers = changeHandlers(progress, draft.id, sessionId)
        const markdown = await explainWithAi(
          claude,
          draft.contextText,
          draft.request,
          await redactedDiff(this.#deps.redactor, files),
          tests,
          handlers,
          signal,
        )
        return { source: 'ai', markdown: `${markdown}\n\n**The tests, as Gemba measured them:** ${tests}` }
      },
      () => ({ source: 'offline', markdown: offlineExplanation(draft.request, files, tests) }),
    )
    if (sessionId) await this.#deps.session.record(sessionId, { explanation: explanation.markdown })
    return explanation
  }

  #runtime(draft: ChangeDraft, signal: AbortSignal) {
    return this.#deps.runtimes.runtime({ sessionId: draft.sessionId, key: draft.id }, signal)
  }
}
