// The team's tests, run only when the leader presses Run: the command (detected, editable, remembered
// per repository); whether it can run here, with the install it needs as a visible step that runs only
// when pressed; the output as it streams, with a short summary of a failure above it (which tests, the
// first error); and whether the run was on the change as committed.
import { useEffect } from 'react'
import type { TestRunResult } from '../../../shared/models/change.ts'
import { Field } from '../../components/Field.tsx'
import { useStores } from '../../stores-context.tsx'
import { plural } from '../../../shared/plural.ts'

const OUTCOME = { passed: 'Passed', failed: 'Failed', timed_out: 'Timed out', stopped: 'Stopped' } as const

export function TestsPanel(props: { repoId: string; sessionId: string | null; draftId: string | null; applied: boolean }) {
  const { useTestRun } = useStores()
  const command = useTestRun((s) => s.command)
  const readiness = useTestRun((s) => (s.readinessFor === s.command ? s.readiness : null))
  const output = useTestRun((s) => s.output)
  const run = useTestRun((s) => s.run)
  const install = useTestRun((s) => s.install)
  const busy = useTestRun((s) => s.busy)
  const error = useTestRun((s) => s.error)
  const { open, setCommand, check, installDependencies, runTests, stop } = useTestRun.getState()
  useEffect(() => open(props.repoId, props.sessionId), [open, props.repoId, props.sessionId])
  const notReady = readiness !== null && !readiness.ready

  return (
    <section className="card" aria-labelledby="change-tests">
      <h3 id="change-tests">Run the team’s tests</h3>
      <Field label="Test command" hint="Detected from the manifests; your edit is remembered for this repository.">
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
      {notReady ? (
        <div className="notice notice--warning tests-ready" role="group" aria-label="Before the tests can run">
          <div>
            <p className="notice__message">The tests cannot run here yet</p>
            <ul className="tests-ready__list">
              {readiness.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
            {readiness.install ? (
              <p className="notice__next">
                {readiness.install.why} It runs in the repository, only when you press the button:
                <code className="tests-ready__command">{readiness.install.command}</code>
              </p>
            ) : (
              <p className="notice__next">Gemba knows no command that installs this; set it up in your terminal, then check again.</p>
            )}
          </div>
          <div className="change-row">
            {readiness.install ? (
              <button type="button" className="button" disabled={busy !== null} onClick={() => void installDependencies()}>
                {busy === 'installing' ? 'Installing…' : `Run ${readiness.install.command}`}
              </button>
            ) : null}
            <button type="button" className="button button--quiet" disabled={busy !== null} onClick={() => void check()}>
              Check again
            </button>
          </div>
        </div>
      ) : readiness?.ready && readiness.ecosystem ? (
        <p className="muted tests-ready__ok">Ready to run: {readiness.checked.join('; ')}.</p>
      ) : null}
      {install && install.outcome !== 'passed' ? (
        <p className="notice notice--error" role="alert">
          <span className="notice__message">
            <code>{install.command}</code> {install.outcome === 'failed' ? `failed (exit code ${install.exitCode})` : 'did not finish'}: the
            output below says why.
          </span>
        </p>
      ) : null}
      <div className="change-row change-row--start">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null || !command.trim()}
          onClick={() => void runTests(props.draftId)}
        >
          {notReady ? 'Run anyway' : 'Run'}
        </button>
        {busy === 'running' || busy === 'installing' ? (
          <button type="button" className="button" onClick={stop}>
            Stop
          </button>
        ) : null}
        {busy === 'running' ? <span role="status">Running…</span> : null}
        {run ? <RunOutcome run={run} applied={props.applied} /> : null}
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          <span className="notice__message">{error.message}</span>
        </p>
      ) : null}
      {run?.summary && (run.summary.failed.length > 0 || run.summary.firstError) ? <FailureSummary run={run} /> : null}
      {output ? (
        <pre className="change-output" aria-label="Test output" tabIndex={0}>
          {output}
        </pre>
      ) : null}
    </section>
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
  return (
    <span role="status" className={`pill change-outcome change-outcome--${run.outcome}`}>
      {OUTCOME[run.outcome]}
      {run.exitCode !== null ? ` · exit code ${run.exitCode}` : ''} · {(run.durationMs / 1000).toFixed(1)} s{where}
    </span>
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
