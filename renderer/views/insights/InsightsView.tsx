// Insights: what the sessions say together, as pictures with a plain-text summary beside each: the
// year's weeks, effort calibration, friction, questions for tech leads and time per step.
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import '../../styles/insights.css'
import { CalibrationScatter, RatioTrend } from './CalibrationCharts.tsx'
import { ChartCard } from './ChartCard.tsx'
import { FrictionByRepository, FrictionLegend, FrictionOverTime } from './FrictionCharts.tsx'
import { HandsOnChart } from './HandsOnChart.tsx'
import { QuestionsChart, StepTimeChart } from './QuestionsAndSteps.tsx'
import { YearHeatmap } from './YearHeatmap.tsx'
import { useInsights } from '../../app-stores.ts'
import { useLoadOnShow } from '../use-load-on-show.ts'
import { GoToThisWeek } from '../today/GoToThisWeek.tsx'

/** Below this many sessions, trends would be noise. */
const ENOUGH_SESSIONS = 2

export function InsightsView() {
  const insights = useInsights((state) => state.insights)
  const year = useInsights((state) => state.year)
  const loading = useInsights((state) => state.loading)
  const error = useInsights((state) => state.error)
  const load = useInsights((state) => state.load)
  useLoadOnShow(load)

  const yearPicker = (
    <div className="insights-year" role="group" aria-label="Year">
      <button type="button" className="button" onClick={() => void load(year - 1)} aria-label={`Show ${year - 1}`}>
        ←
      </button>
      <span className="insights-year__label">{year}</span>
      <button type="button" className="button" onClick={() => void load(year + 1)} aria-label={`Show ${year + 1}`} disabled={year >= new Date().getFullYear()}>
        →
      </button>
    </div>
  )

  return (
    <div className="page page--wide insights">
      <PageHeader title="Insights" subtitle="What your sessions say together, from your journal files alone." actions={insights && insights.sessions >= ENOUGH_SESSIONS ? yearPicker : null} />
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {!insights ? (
        loading ? <p className="muted" role="status">Reading the journal…</p> : null
      ) : insights.sessions < ENOUGH_SESSIONS ? (
        <EmptyState
          title="Insights need a few finished sessions"
          action={<GoToThisWeek />}
        >
          <p>
            {insights.sessions === 0 ? 'There are no sessions in your journal yet.' : 'There is one session in your journal so far.'} After a few weekly hours you will see here how regularly you practise, how your
            estimates compare with the time changes really take, which friction keeps coming back in each team, and which questions are still open with your tech leads.
          </p>
        </EmptyState>
      ) : (
        <div className="insights-grid">
          <ChartCard title="Weeks practised" summary={insights.heatmap.summary} wide>
            <YearHeatmap heatmap={insights.heatmap} />
          </ChartCard>
          <ChartCard title="Effort calibration" summary={insights.calibration.summary} empty={insights.calibration.points.length === 0 ? 'No change has both an estimate and an actual time yet.' : null}>
            <div className="chart-pair">
              <CalibrationScatter calibration={insights.calibration} />
              {insights.calibration.trend.length > 0 ? <RatioTrend calibration={insights.calibration} /> : null}
            </div>
          </ChartCard>
          <ChartCard title="Whose hands wrote the changes" summary={insights.handsOn.summary} empty={insights.handsOn.weeks.length === 0 ? 'No committed change has recorded who wrote its lines yet.' : null}>
            <HandsOnChart handsOn={insights.handsOn} />
          </ChartCard>
          <ChartCard title="Friction" summary={insights.friction.summary} empty={insights.friction.byTag.length === 0 ? 'No friction tagged yet.' : null}>
            <h3 className="chart-card__subtitle">By month</h3>
            <FrictionOverTime friction={insights.friction} />
            <h3 className="chart-card__subtitle">By repository</h3>
            <FrictionByRepository friction={insights.friction} />
            <FrictionLegend byTag={insights.friction.byTag} />
          </ChartCard>
          <ChartCard title="Questions for tech leads" summary={insights.questions.summary} empty={insights.questions.open + insights.questions.answered === 0 ? 'No questions asked yet.' : null}>
            <QuestionsChart questions={insights.questions} />
          </ChartCard>
          <ChartCard title="Time per step" summary={insights.stepTime.summary}>
            <StepTimeChart stepTime={insights.stepTime} />
          </ChartCard>
        </div>
      )}
    </div>
  )
}
