// The team's tests, run only when the leader presses Run: the command (the team's own way, saying where
// it was read; editable, remembered per repository); whether it can run here, with what is missing and
// how to get it, and the setup it needs in the team's order as steps that run only when pressed; the
// output as it streams; and the outcome in one of three words — passed, failed (which tests, the first
// error), could not run (why, never as a failure) — and whether the run was on the change as committed.
import { useEffect } from 'react'
import type { InstallResult, TestReadiness, TestRunResult } from '../../../shared/models/change.ts'
import { Field } from '../../components/Field.tsx'
import { useStores } from '../../stores-context.tsx'
import { plural } from '../../../shared/plural.ts'

const OUTCOME = { passed: 'Passed', failed: 'Failed', could_not_run: 'Could not run' } as const

export function TestsPanel(props: { repoId: string; sessionId: string | null; draftId: string | null; applied: boolean }) {
  const { useTestRun } = useStores()
  const command = useTestRun((s) => s.command)
  const from = useTestRun((s) => s.from)
  const readiness = useTestRun((s) => (s.readinessFor === s.command ? s.readiness : null))
  const output = useTestRun((s) => s.output)
  const run = useTestRun((s) => s.run)
  const install = useTestRun((s) => s.install)
  const busy = useTestRun((s) => s.busy)
  const error = useTestRun((s) => s.error)
  const { open, setCommand, check, installDependencies, runTests, stop } = useTestRun.getState()
  useEffect(() => open(props.repoId, props.sessionId), [open, props.repoId, props.sessionId])
  const notReady = readiness !== null && !readiness.ready
  const blocked = readiness?.blocked ?? null

  return (
    <section className="card" aria-labelledby="change-tests">
      <h3 id="change-tests">Run the team’s tests</h3>
      <Field
        label="Test command"
        hint={
          from
            ? `The team’s own way, from ${from.replace(/`([^`]+)`/g, '“$1”')}. Your edit is remembered for this repository.`
            : 'Your edit is remembered for this repository.'
        }
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            className="change-command-input"
            value={command}
            onChange={(e) => setCommand(e.target.value)}
            onBlur={() => void check()}
          />
        )}
      </Field>
      {readiness ? <Readiness readiness={readiness} busy={busy !== null} onSetup={installDependencies} onCheck={check} /> : null}
      {install && install.outcome !== 'passed' ? <SetupOutcome install={install} /> : null}
      <div className="change-row change-row--start">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null || !command.trim() || blocked !== null}
          onClick={() => void runTests(props.draftId)}
        >
          {notReady && !blocked ? 'Run anyway' : 'Run'}
        </button>
        {busy === 'running' || busy === 'installing' ? (
          <button type="button" className="button" onClick={stop}>
            Stop
          </button>
        ) : null}
        {busy === 'running' ? <span role="status">Running…</span> : null}
        {busy === 'installing' ? <span role="status">Setting up…</span> : null}
        {run ? <RunOutcome run={run} applied={props.applied} /> : null}
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          <span className="notice__message">{error.message}</span>
        </p>
      ) : null}
      {run?.outcome === 'could_not_run' && run.couldNotRun ? (
        <p className="notice notice--warning tests-could-not" role="note" aria-label="Why the tests could not run">
          <span className="notice__message">{run.couldNotRun.sentence}</span>
          <span className="notice__next">This is not a failure of the change: nothing here says whether the tests pass.</span>
        </p>
      ) : null}
      {run?.rerunOf ? <RerunNote run={run} /> : null}
      {run?.outcome === 'failed' && run.summary && (run.summary.failed.length > 0 || run.summary.firstError) ? (
        <FailureSummary run={run} />
      ) : null}
      {run?.rerun ? (
        <div className="change-row change-row--start">
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void runTests(props.draftId, { rerunFailing: true })}
          >
            {run.rerun.filtered ? `Rerun the ${plural(run.summary?.failed.length ?? 0, 'failing test')}` : 'Rerun the tests'}
          </button>
          <span className="muted">
            {run.rerun.filtered
              ? 'Only those, by the runner’s own filter: '
              : 'Gemba knows no filter for this runner, so the whole suite runs again: '}
            <code>{run.rerun.command}</code>
          </span>
        </div>
      ) : null}
      {output ? (
        <pre className="change-output" aria-label="Test output" tabIndex={0}>
          {output}
        </pre>
      ) : null}
    </section>
  )
}

function Readiness(props: { readiness: TestReadiness; busy: boolean; onSetup: () => Promise<void>; onCheck: () => Promise<void> }) {
  const { readiness } = props
  const pending = readiness.steps.filter((step) => step.done !== true)
  if (readiness.ready) {
    if (!readiness.ecosystem) return null
    return (
      <div className="tests-ready__ok">
        <p className="muted">Ready to run: {readiness.checked.join('; ')}.</p>
        {pending.length > 0 ? (
          <p className="muted">
            The team also runs {pending.map((step) => step.command).join(', then ')} first.{' '}
            <button type="button" className="button button--quiet" disabled={props.busy} onClick={() => void props.onSetup()}>
              Run the setup first
            </button>
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <div className="notice notice--warning tests-ready" role="group" aria-label="Before the tests can run">
      <div>
        <p className="notice__message">{readiness.blocked ? readiness.blocked.sentence : 'The tests cannot run here yet'}</p>
        {readiness.problems.length > 0 ? (
          <ul className="tests-ready__list">
            {readiness.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        {readiness.missing.length > 0 ? (
          <ul className="tests-ready__list" aria-label="Missing tools">
            {readiness.missing.map((tool) => (
              <li key={tool.tool}>
                <code>{tool.tool}</code> is not installed: {tool.how}.
              </li>
            ))}
          </ul>
        ) : null}
        {readiness.steps.length > 0 ? (
          <>
            <p className="notice__next">
              The setup, in the order the team runs it; it runs in the repository, only when you press the button:
            </p>
            <ol className="tests-ready__steps" aria-label="Setup steps">
              {readiness.steps.map((step) => (
                <li key={step.command}>
                  <code>{step.command}</code> <span className="muted">{step.done === true ? '— done' : `— ${step.why}`}</span>
                </li>
              ))}
            </ol>
          </>
        ) : readiness.missing.length === 0 ? (
          <p className="notice__next">Gemba knows no step that sets this up; set it up in your terminal, then check again.</p>
        ) : null}
      </div>
      <div className="change-row">
        {pending.length > 0 ? (
          <button type="button" className="button" disabled={props.busy} onClick={() => void props.onSetup()}>
            {pending.length === 1 ? `Run ${pending[0]!.command}` : `Run the ${plural(pending.length, 'setup step')}`}
          </button>
        ) : null}
        <button type="button" className="button button--quiet" disabled={props.busy} onClick={() => void props.onCheck()}>
          Check again
        </button>
      </div>
    </div>
  )
}

function SetupOutcome(props: { install: InstallResult }) {
  const last = props.install.steps.at(-1)
  if (!last) return null
  return (
    <p className={`notice ${last.outcome === 'could_not_run' ? 'notice--warning' : 'notice--error'}`} role="alert">
      <span className="notice__message">
        <code>{last.command}</code>{' '}
        {last.outcome === 'could_not_run'
          ? `could not run: ${last.couldNotRun?.sentence ?? ''}`
          : `failed (exit code ${last.exitCode}): the output below says why.`}
      </span>
    </p>
  )
}

function RunOutcome(props: { run: TestRunResult; applied: boolean }) {
  const { run } = props
  const where = run.onChange
    ? ` on this change (${run.commit?.slice(0, 10)})`
    : props.applied
      ? ' — not on the change as committed'
      : run.branch
        ? ` on ${run.branch}`
        : ''
  const figures =
    run.outcome === 'could_not_run'
      ? ''
      : `${run.exitCode !== null ? ` · exit code ${run.exitCode}` : ''} · ${(run.durationMs / 1000).toFixed(1)} s${where}`
  return (
    <span role="status" className={`pill change-outcome change-outcome--${run.outcome}`}>
      {OUTCOME[run.outcome]}
      {figures}
    </span>
  )
}

/** What a rerun of the failing tests came to: which it reran, and those that passed unchanged (flaky). */
function RerunNote(props: { run: TestRunResult }) {
  const { run } = props
  const reran = run.rerunOf!
  return (
    <section className="tests-rerun" aria-label="The rerun">
      <p>
        Reran {plural(reran.failed.length, 'failing test')}
        {reran.filtered ? ' alone, by the runner’s filter' : ' with the whole suite'}.
      </p>
      {run.flaky.length > 0 ? (
        <p className="notice notice--warning" role="note" aria-label="Flaky tests">
          <span className="notice__message">
            Flaky: {plural(run.flaky.length, 'test')} failed, then passed on the rerun with the code unchanged —{' '}
            {run.flaky.map((name, index) => (
              <span key={name}>
                {index > 0 ? ', ' : ''}
                <code>{name}</code>
              </span>
            ))}
            . Kept with the session’s test record.
          </span>
        </p>
      ) : null}
    </section>
  )
}

function FailureSummary(props: { run: TestRunResult }) {
  const summary = props.run.summary!
  return (
    <section className="tests-summary" aria-label="What failed">
      <p className="tests-summary__title">
        {summary.failed.length > 0
          ? summary.failed.length === 10
            ? '10+ failing tests'
            : plural(summary.failed.length, 'failing test')
          : 'The run stopped before any test finished'}
        {summary.counts ? <span className="muted"> · {summary.counts}</span> : null}
        {summary.runner ? <span className="muted"> · read from {summary.runner}’s output</span> : null}
      </p>
      {summary.failed.length > 0 ? (
        <ul className="tests-summary__failed">
          {summary.failed.map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {summary.firstError ? (
        <p className="tests-summary__error">
          First error: <code>{summary.firstError}</code>
        </p>
      ) : null}
    </section>
  )
}
