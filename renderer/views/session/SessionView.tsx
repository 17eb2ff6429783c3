// The session runner: four steps with their timeboxes, timers for the step and the hour, pause and
// resume, free navigation (each step opening at its top), every change saved as it happens, and
// Finish into the journal.
import { useEffect, useLayoutEffect, useRef } from 'react'
import { STEP_KEYS, type SessionView as SessionData } from '../../../shared/models/sessions.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { liveTimer, type LiveTimer } from '../../stores/session-clock.ts'
import '../../styles/session.css'
import { ChangeStep } from './ChangeStep.tsx'
import { DiagramStep } from './DiagramStep.tsx'
import { ExploreStep } from './ExploreStep.tsx'
import { FinishedPanel } from './FinishedPanel.tsx'
import { ReflectStep } from './ReflectStep.tsx'
import { BranchBanner } from '../change/BranchBanner.tsx'
import { SessionHeader } from './SessionHeader.tsx'
import { STEP_LABELS } from './step-labels.ts'
import { Stepper } from './Stepper.tsx'
import { useNow } from './use-now.ts'
import { useStores } from '../../stores-context.tsx'

export function SessionView() {
  const { useSessionRunner } = useStores()
  const view = useSessionRunner((state) => state.view)
  const loading = useSessionRunner((state) => state.loading)
  const loadError = useSessionRunner((state) => state.loadError)
  const finished = useSessionRunner((state) => state.finished)
  const openActive = useSessionRunner((state) => state.openActive)
  const startHeartbeat = useSessionRunner((state) => state.startHeartbeat)
  const sessionId = view?.session.id

  useEffect(() => {
    // Opening the screen on its own (a reload, Ctrl+2) finds the hour in progress, if any.
    if (!useSessionRunner.getState().view && !useSessionRunner.getState().finished) void openActive()
  }, [useSessionRunner, openActive])
  useEffect(() => (sessionId ? startHeartbeat() : undefined), [sessionId, startHeartbeat])

  if (finished) {
    return (
      <div className="page">
        <PageHeader title="Session" subtitle="Finished." />
        <FinishedPanel result={finished} />
      </div>
    )
  }
  if (!view) {
    return (
      <div className="page">
        <PageHeader title="Session" subtitle="Explore, diagram, small change, reflect." />
        {loadError ? <ErrorNotice error={loadError} onRetry={() => void openActive()} /> : null}
        {loading ? <EmptyState title="Opening your hour…">{null}</EmptyState> : null}
        {!loading && !loadError ? <NoSession /> : null}
      </div>
    )
  }
  return <Runner view={view} />
}

function Runner(props: { view: SessionData }) {
  const { useSessionRunner } = useStores()
  const { session } = props.view
  const now = useNow(!props.view.timer.paused && props.view.timer.runningSince !== null)
  const live = liveTimer(props.view.timer, now)
  const actionError = useSessionRunner((state) => state.actionError)
  const stepTitle = useRef<HTMLHeadingElement>(null)
  const shown = useRef<string | null>(null)
  useLayoutEffect(() => {
    // Each step opens at its top (the hour's timers and the steps in sight), never scrolled to where
    // the last step was left; after a move, focus goes to the new step's title for keyboard users.
    const title = stepTitle.current
    title?.closest('.main')?.scrollTo({ top: 0 })
    if (shown.current !== null && shown.current !== session.currentStep) title?.focus({ preventScroll: true })
    shown.current = session.currentStep
  }, [session.currentStep])
  return (
    <div className="page page--wide session">
      <SessionHeader view={props.view} live={live} />
      <Stepper session={session} live={live} />
      {actionError ? <ErrorNotice error={actionError} /> : null}
      <PauseNotice view={props.view} />
      <TimeUpNotice view={props.view} live={live} />
      <BranchBanner repoId={session.repo.id} />
      <div className="session__step" aria-labelledby="step-title">
        <h2 id="step-title" className="session__step-title" ref={stepTitle} tabIndex={-1}>
          {STEP_LABELS[session.currentStep]}
        </h2>
        {session.currentStep === 'explore' ? <ExploreStep session={session} /> : null}
        {session.currentStep === 'diagram' ? <DiagramStep session={session} /> : null}
        {session.currentStep === 'change' ? <ChangeStep key={session.id} session={session} live={live} /> : null}
        {session.currentStep === 'reflect' ? <ReflectStep key={session.id} view={props.view} live={live} /> : null}
      </div>
      <StepFooter view={props.view} />
    </div>
  )
}

function PauseNotice(props: { view: SessionData }) {
  const { useSessionRunner } = useStores()
  const resume = useSessionRunner((state) => state.resume)
  const paused = props.view.session.paused
  if (!paused) return null
  return (
    <div className="notice notice--warning session__paused" role="status">
      <p className="notice__message">
        {paused.reason === 'interrupted'
          ? 'Welcome back. Gemba stopped during your hour; the time it was closed is not counted. Everything you wrote is here.'
          : 'Paused. The timers wait for you.'}
      </p>
      <button type="button" className="button button--primary" onClick={() => void resume()}>
        Resume
      </button>
    </div>
  )
}

function TimeUpNotice(props: { view: SessionData; live: LiveTimer }) {
  const { useSessionRunner } = useStores()
  const next = useSessionRunner((state) => state.next)
  const step = props.view.session.currentStep
  const timer = props.live.steps[step]
  if (!timer.overTime || props.view.session.paused) return null
  const following = STEP_KEYS[STEP_KEYS.indexOf(step) + 1]
  return (
    <div className="notice session__time-up" role="status">
      <p className="notice__message">
        Your {Math.round(timer.timeboxMs / 60_000)} minutes for {STEP_LABELS[step]} are up. Move on when you are ready; nothing moves by
        itself.
      </p>
      {following ? (
        <button type="button" className="button" onClick={() => void next()}>
          Next: {STEP_LABELS[following]}
        </button>
      ) : null}
    </div>
  )
}

function StepFooter(props: { view: SessionData }) {
  const { useSessionRunner } = useStores()
  const goToStep = useSessionRunner((state) => state.goToStep)
  const next = useSessionRunner((state) => state.next)
  const finish = useSessionRunner((state) => state.finish)
  const finishing = useSessionRunner((state) => state.finishing)
  const index = STEP_KEYS.indexOf(props.view.session.currentStep)
  const previous = STEP_KEYS[index - 1]
  const following = STEP_KEYS[index + 1]
  return (
    <footer className="session__footer">
      {previous ? (
        <button type="button" className="button" onClick={() => void goToStep(previous)}>
          Back: {STEP_LABELS[previous]}
        </button>
      ) : (
        <span />
      )}
      {following ? (
        <button type="button" className="button button--primary" onClick={() => void next()}>
          Next: {STEP_LABELS[following]}
        </button>
      ) : (
        <button type="button" className="button button--primary" disabled={finishing} onClick={() => void finish()}>
          {finishing ? 'Writing the journal entry…' : 'Finish and write the journal entry'}
        </button>
      )}
    </footer>
  )
}

function NoSession() {
  const { useSessions } = useStores()
  const start = useSessions((state) => state.start)
  const busy = useSessions((state) => state.busy === 'start')
  const error = useSessions((state) => state.actionError)
  return (
    <EmptyState
      title="No hour in progress"
      action={
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void start()}>
          Start this week’s hour
        </button>
      }
    >
      <p>
        The hour has four steps: explore the code, draw its architecture, make a small change, and reflect. Each has a timebox; you can move
        between them freely and pause at any time.
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </EmptyState>
  )
}
