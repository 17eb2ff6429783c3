// A quarter at a glance: themes, repositories, friction, effort calibration and the questions still
// open, with the sessions behind them (each opens) and an export of the quarter.
import { useEffect } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { shiftQuarter } from '../../stores/journal-share-store.ts'
import { ExportPanel } from './ExportPanel.tsx'
import { formatDay } from './journal-format.ts'
import { BackToList } from './BackToList.tsx'
import { useStores } from '../../stores-context.tsx'

function CountList(props: { title: string; items: readonly { key: string; label: string; count: number }[]; empty: string }) {
  const max = Math.max(1, ...props.items.map((item) => item.count))
  return (
    <section className="card rollup-block" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.items.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="count-list">
          {props.items.map((item) => (
            <li key={item.key}>
              <span className="count-list__label">{item.label}</span>
              <span className="count-list__bar" aria-hidden="true">
                <span style={{ width: `${(item.count / max) * 100}%` }} />
              </span>
              <span className="count-list__count">{item.count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function QuarterRollup() {
  const { useJournal, useJournalShare } = useStores()
  const quarter = useJournalShare((state) => state.quarter)
  const rollup = useJournalShare((state) => state.rollup)
  const rollupError = useJournalShare((state) => state.rollupError)
  const loadRollup = useJournalShare((state) => state.loadRollup)
  const open = useJournal((state) => state.open)

  useEffect(() => {
    void loadRollup(quarter ?? undefined)
    // Load once on entering; the buttons below move between quarters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadRollup])

  const ratio = rollup?.calibration.medianRatio ?? null
  return (
    <div className="page page--wide rollup printable">
      <BackToList />
      <header className="page-header">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            Quarter roll-up{rollup ? `: ${rollup.quarter}` : ''}
          </h1>
          {rollup ? (
            <p className="page-header__subtitle">
              {formatDay(rollup.from)} to {formatDay(rollup.to)}
            </p>
          ) : null}
        </div>
        {rollup ? (
          <div className="page-header__actions no-print">
            <button type="button" className="button" onClick={() => void loadRollup(shiftQuarter(rollup.quarter, -1))}>
              ← {shiftQuarter(rollup.quarter, -1)}
            </button>
            <button
              type="button"
              className="button"
              disabled={rollup.to >= new Date().toISOString().slice(0, 10)}
              onClick={() => void loadRollup(shiftQuarter(rollup.quarter, 1))}
            >
              {shiftQuarter(rollup.quarter, 1)} →
            </button>
          </div>
        ) : null}
      </header>
      {rollupError ? <ErrorNotice error={rollupError} onRetry={() => void loadRollup(quarter ?? undefined)} /> : null}
      {rollup ? (
        <>
          <p className="rollup-summary" role="status">
            {rollup.summary}
          </p>
          {rollup.sessions.length > 0 ? (
            <>
              <div className="rollup-grid">
                <CountList
                  title="Themes"
                  items={rollup.themes.map((t) => ({ key: t.id, label: t.title, count: t.count }))}
                  empty="No themes."
                />
                <CountList
                  title="Repositories"
                  items={rollup.repositories.map((r) => ({ key: r.id, label: r.name, count: r.count }))}
                  empty="No repositories."
                />
                <CountList
                  title="Friction"
                  items={rollup.friction.map((f) => ({ key: f.tag, label: f.tag, count: f.count }))}
                  empty="No friction tagged this quarter."
                />
                <section className="card rollup-block" aria-label="Calibration">
                  <h2>Calibration</h2>
                  <p>
                    {ratio === null
                      ? 'No timed changes this quarter.'
                      : `Changes took ${ratio.toFixed(1)}× the estimate (median of ${rollup.calibration.count}).`}
                  </p>
                </section>
              </div>
              <section className="card rollup-block" aria-label="Open questions">
                <h2>Open questions</h2>
                {rollup.openQuestions.length === 0 ? (
                  <p className="muted">None open.</p>
                ) : (
                  <ul className="questions">
                    {rollup.openQuestions.map((question) => (
                      <li key={question.id}>
                        {question.text}{' '}
                        <span className="muted">
                          ({question.repositoryName}, {formatDay(question.lastSeen)})
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="card rollup-block" aria-label="Sessions this quarter">
                <h2>Sessions</h2>
                <ul className="rollup-sessions">
                  {rollup.sessions.map((entry) => (
                    <li key={entry.id}>
                      <button type="button" className="button button--quiet" onClick={() => open(entry.id)}>
                        {formatDay(entry.date)} · {entry.theme.title} — {entry.repository.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
              <ExportPanel
                title={`Export ${rollup.quarter}`}
                target={{ from: rollup.from, to: rollup.to }}
                pdfFileName={`gemba-${rollup.quarter}.pdf`}
              />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
