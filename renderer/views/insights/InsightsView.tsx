// Insights: what the latest hour showed (from the first session on), then what the sessions say
// together, as pictures with a plain-text summary beside each: the year's weeks, effort calibration,
// friction, questions for tech leads and time per step. Trends wait for a second session.
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
import { useStores } from '../../stores-context.tsx'
import { useLoadOnShow } from '../use-load-on-show.ts'
import { GoToThisWeek } from '../today/GoToThisWeek.tsx'
import { LatestHourCard } from './LatestHourCard.tsx'
import { RepoLoopCard } from './RepoLoopCard.tsx'

/** Below this many sessions, trends would be noise. */
const ENOUGH_SESSIONS = 2

export function InsightsView() {
  const { useInsights } = useStores()
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
      <button
        type="button"
        className="button"
        onClick={() => void load(year + 1)}
        aria-label={`Show ${year + 1}`}
        disabled={year >= new Date().getFullYear()}
      >
        →
      </button>
    </div>
  )

  return (
    <div className="page page--wide insights">
      <PageHeader
        title="Insights"
        subtitle="What your sessions say together, from your journal files alone."
        actions={insights && insights.sessions >= ENOUGH_SESSIONS ? yearPicker : null}
      />
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {!insights ? (
        loading ? (
          <p className="muted" role="status">
            Reading the journal…
          </p>
        ) : null
      ) : insights.sessions === 0 || !insights.latest ? (
        <EmptyState title="Insights start with your first hour" action={<GoToThisWeek />}>
          <p>
            There are no sessions in your journal yet. After your first hour you will see here how its time split across the steps, how your
            estimate compared with the time the change really took, and the friction you noticed; as weeks add up, how regularly you
            practise and whether your estimates get closer.
          </p>
        </EmptyState>
      ) : insights.sessions < ENOUGH_SESSIONS ? (
        <div className="insights-grid">
          <LatestHourCard latest={insights.latest} only />
          {insights.loopByRepository?.map((card) => (
            <RepoLoopCard key={card.repositoryId} card={card} />
          ))}
          <ChartCard title="Weeks practised" summary={insights.heatmap.summary} wide>
            <YearHeatmap heatmap={insights.heatmap} />
          </ChartCard>
          <p className="muted insights-later">
            Trends start with your second hour: whether your estimates get closer, which friction keeps coming back in each team, and which
            questions stay open with your tech leads.
          </p>
        </div>
      ) : (
        <div className="insights-grid">
          <LatestHourCard latest={insights.latest} only={false} />
          {insights.loopByRepository?.map((card) => (
            <RepoLoopCard key={card.repositoryId} card={card} />
          ))}
          <ChartCard title="Weeks practised" summary={insights.heatmap.summary} wide>
            <YearHeatmap heatmap={insights.heatmap} />
          </ChartCard>
          <ChartCard
            title="Effort calibration"
            summary={insights.calibration.summary}
            empty={insights.calibration.points.length === 0 ? 'No change has both an estimate and an actual time yet.' : null}
          >
            <div className="chart-pair">
              <CalibrationScatter calibration={insights.calibration} />
              {insights.calibration.trend.length > 0 ? <RatioTrend calibration={insights.calibration} /> : null}
            </div>
          </ChartCard>
          <ChartCard
            title="Whose hands wrote the changes"
            summary={insights.handsOn.summary}
            empty={insights.handsOn.weeks.length === 0 ? 'No committed change has recorded who wrote its lines yet.' : null}
          >
            <HandsOnChart handsOn={insights.handsOn} />
          </ChartCard>
          <ChartCard
            title="Friction"
            summary={insights.friction.summary}
            empty={insights.friction.byTag.length === 0 ? 'No friction tagged yet.' : null}
          >
            <h3 className="chart-card__subtitle">By month</h3>
            <FrictionOverTime friction={insights.friction} />
            <h3 className="chart-card__subtitle">By repository</h3>
            <FrictionByRepository friction={insights.friction} />
            <FrictionLegend byTag={insights.friction.byTag} />
          </ChartCard>
          <ChartCard
            title="Questions for tech leads"
            summary={insights.questions.summary}
            empty={insights.questions.open + insights.questions.answered === 0 ? 'No questions asked yet.' : null}
          >
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
