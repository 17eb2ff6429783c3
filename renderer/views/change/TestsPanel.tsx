// The team's tests, run only when the leader presses Run: the command (detected, editable, remembered
// per repository), output as it streams, a stop button, and the exit code and duration.
import { Field } from '../../components/Field.tsx'
import { useChange } from '../../app-stores.ts'

export function TestsPanel() {
  const command = useChange((s) => s.testCommand)
  const output = useChange((s) => s.testOutput)
  const run = useChange((s) => s.testRun)
  const busy = useChange((s) => s.busy)
  const { set, runTests, stop } = useChange.getState()
  const running = busy === 'tests'
  return (
    <section className="card" aria-labelledby="change-tests">
      <h3 id="change-tests">Run the team’s tests</h3>
      <Field label="Test command" hint="Detected from the manifests; your edit is remembered for this repository.">
        {({ id, describedBy }) => <input id={id} aria-describedby={describedBy} className="change-command-input" value={command} onChange={(e) => set({ testCommand: e.target.value })} />}
      </Field>
      <div className="change-row change-row--start">
        <button type="button" className="button button--primary" disabled={busy !== null || !command.trim()} onClick={() => void runTests()}>
          Run
        </button>
        {running ? (
          <button type="button" className="button" onClick={stop}>
            Stop
          </button>
        ) : null}
        {running ? <span role="status">Running…</span> : null}
        {run ? (
          <span role="status" className={`pill change-outcome change-outcome--${run.outcome}`}>
            {run.outcome === 'passed' ? 'Passed' : run.outcome === 'failed' ? 'Failed' : run.outcome === 'timed_out' ? 'Timed out' : 'Stopped'}
            {run.exitCode !== null ? ` · exit code ${run.exitCode}` : ''} · {(run.durationMs / 1000).toFixed(1)} s{run.branch ? ` · on ${run.branch}` : ''}
          </span>
        ) : null}
      </div>
      {output ? (
        <pre className="change-output" aria-label="Test output" tabIndex={0}>
          {output}
        </pre>
      ) : null}
    </section>
  )
}
