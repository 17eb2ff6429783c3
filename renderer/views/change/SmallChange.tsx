// The small-change step as one reusable component: choose a task and estimate it, let the agent draft
// it (or edit by hand), review each file's diff, apply it on a gemba/ branch, run the team's tests and
// read the explanation. Mounted in a repository's detail and in the session's change step.
import { useEffect, useRef, useState } from 'react'
import type { GitBlocker } from '../../../shared/models/git.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { GitBlockers, GitStateNotice } from '../../components/GitStateNotice.tsx'
import { Markdown } from '../../components/Markdown.tsx'
import { useHasApiKey } from '../coach/NoKeyNotice.tsx'
import { AppliedPanel } from './AppliedPanel.tsx'
import { ExplainPanel } from './ExplainPanel.tsx'
import { ReviewPanel } from './ReviewPanel.tsx'
import { TaskChooser } from './TaskChooser.tsx'
import { TestsPanel } from './TestsPanel.tsx'
import '../../styles/change.css'
import { useStores } from '../../stores-context.tsx'

/**
 * In a session, `estimateMinutes` is the estimate the session step already asked for (not asked
 * again). `gitStateShown`: the page already shows what git is in the middle of (the repository's
 * detail), so a refusal here only points at it.
 */
export function SmallChange(props: { repoId: string; sessionId?: string; estimateMinutes?: number | null; gitStateShown?: boolean }) {
  const { useChange } = useStores()
  const open = useChange((s) => s.open)
  const presetEstimate = useChange((s) => s.presetEstimate)
  const draft = useChange((s) => s.draft)
  const busy = useChange((s) => s.busy)
  const error = useChange((s) => s.error)
  const repo = useChange((s) => s.repo)
  const recheck = useChange((s) => s.recheck)
  const gitBlockers = error?.details?.gitBlockers as readonly GitBlocker[] | undefined
  // A refusal can come from a button far below (Apply): it is brought into view where it is shown.
  const errorRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [error])
  const hasOwnEdits = useChange((s) => (s.working?.files.length ?? 0) > 0)
  const watchNeeded = draft !== null && (draft.mode === 'manual' || draft.applied?.onGembaBranch === true)

  useEffect(() => open(props.repoId, props.sessionId ?? null), [open, props.repoId, props.sessionId])
  useEffect(() => {
    if (props.estimateMinutes !== undefined) presetEstimate(props.estimateMinutes)
  }, [presetEstimate, props.estimateMinutes, props.repoId, props.sessionId])
  // Without a key the agent cannot run: the leader's own edits are the way (still free to choose).
  const hasKey = useHasApiKey()
  useEffect(() => {
    if (hasKey === false && useChange.getState().draft === null) useChange.getState().set({ mode: 'manual' })
  }, [useChange, hasKey, props.repoId, props.sessionId])
  useEffect(() => (watchNeeded ? useChange.getState().watch() : undefined), [useChange, watchNeeded, draft?.draftId])

  const showReview = draft !== null && (!draft.applied || (draft.applied.onGembaBranch && (draft.handsOnKeyboard || hasOwnEdits)))
  return (
    <div className="small-change">
      <div ref={errorRef} className="small-change__error">
        {error && gitBlockers ? (
          props.gitStateShown ? (
            <ErrorNotice
              error={{
                code: error.code,
                message: refusalTitle(error.details?.doing, error.message),
                next: 'Finish what git is in the middle of (shown above) first, then try again.',
              }}
            />
          ) : (
            <GitBlockers
              title={refusalTitle(error.details?.doing, error.message)}
              blockers={gitBlockers}
              onRecheck={() => void recheck(true)}
            />
          )
        ) : error ? (
          <ErrorNotice error={error} />
        ) : null}
      </div>
      {repo && !gitBlockers && !props.gitStateShown ? <GitStateNotice state={repo.gitState} onRecheck={() => void recheck(true)} /> : null}
      {busy === 'agent' ? <AgentWorking /> : null}
      {draft === null ? (
        busy === 'agent' ? null : (
          <TaskChooser />
        )
      ) : (
        <>
          <DraftHeader />
          {draft.applied?.onGembaBranch && draft.handsOnKeyboard ? (
            <p className="notice notice--info change-turn" role="note">
              Your turn: open the file with the <code>TODO(human)</code> comment in your editor, write that piece where it says, and save.
              Your edit appears below; commit it, then run the tests: the agent’s test passes once your piece is right.
            </p>
          ) : null}
          {showReview && busy !== 'agent' ? <ReviewPanel /> : null}
          <AppliedPanel />
          {(draft.applied && !draft.applied.deleted) || draft.mode === 'manual' ? (
            <TestsPanel
              repoId={draft.repoId}
              sessionId={props.sessionId ?? null}
              draftId={draft.draftId}
              applied={draft.applied !== null}
            />
          ) : null}
          {draft.applied ? <ExplainPanel /> : null}
        </>
      )}
    </div>
  )
}

function refusalTitle(doing: unknown, message: string): string {
  return typeof doing === 'string' ? `Gemba did not ${doing}, and changed nothing` : message
}

function DraftHeader() {
  const { useChange } = useStores()
  const draft = useChange((s) => s.draft)!
  const reset = useChange((s) => s.reset)
  const [confirming, setConfirming] = useState(false)
  // The question takes the place of the button pressed: focus goes to its safe answer, and back after.
  const keepRef = useRef<HTMLButtonElement>(null)
  const askRef = useRef<HTMLButtonElement>(null)
  const asked = useRef(false)
  useEffect(() => {
    if (confirming) keepRef.current?.focus()
    else if (asked.current) askRef.current?.focus()
    asked.current = confirming
  }, [confirming])
  // Claude's draft not yet applied is lost by starting over (and was paid for): that is asked first.
  const losesDraft = draft.mode === 'agent' && draft.applied === null
  return (
    <>
      <div className="change-row change-header">
        <p>
          <strong>{draft.request}</strong>
          <span className="muted">
            {' '}
            · your estimate {draft.estimateMinutes} min ·{' '}
            {draft.mode === 'agent' ? (draft.handsOnKeyboard ? 'Claude drafts, you write one piece' : 'Claude drafts') : 'you edit by hand'}
            {draft.costUsd > 0 ? ` · $${draft.costUsd.toFixed(3)}` : ''}
          </span>
        </p>
        {confirming ? null : (
          <button ref={askRef} type="button" className="button button--quiet" onClick={() => (losesDraft ? setConfirming(true) : reset())}>
            Start another change{losesDraft ? '…' : ''}
          </button>
        )}
      </div>
      {confirming ? (
        <div className="notice notice--warning change-confirm" role="group" aria-label="Discard Claude’s draft?">
          <p className="notice__message">Discard Claude’s draft of this change?</p>
          <p className="notice__next">
            It is not applied{draft.costUsd > 0 ? ` and cost $${draft.costUsd.toFixed(3)}` : ''}; starting another change throws it away.
            The suggested tasks stay.
          </p>
          <div className="change-row change-row--start">
            <button type="button" className="button button--danger" onClick={reset}>
              Discard the draft
            </button>
            <button ref={keepRef} type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Keep the draft
            </button>
          </div>
        </div>
      ) : null}
    </>
  )
}

function AgentWorking() {
  const { useChange } = useStores()
  const streamed = useChange((s) => s.streamed)
  const activity = useChange((s) => s.activity)
  const stop = useChange((s) => s.stop)
  return (
    <section className="card change-working" aria-labelledby="change-working" aria-busy="true">
      <div className="change-row">
        <h3 id="change-working">The agent is reading the code and drafting the change</h3>
        <button type="button" className="button" onClick={stop}>
          Stop
        </button>
      </div>
      <p className="muted">Its edits go to a staged copy; nothing in your working tree changes until you approve.</p>
      {activity.length > 0 ? (
        <ul className="change-activity" aria-label="What the agent did">
          {activity.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
      {streamed ? <Markdown source={streamed} /> : <p role="status">Starting…</p>}
    </section>
  )
}
