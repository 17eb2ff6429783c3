// Today names the repository this week's hour goes into (with four repositories, the one not visited
// for longest), lets the leader pick another before starting, and offers an extra hour once the week
// is done, counted as an hour, not as another week.
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { buildToday } from '../../../../../electron/services/sessions/today-view.ts'
import { EMPTY_PROGRAMME } from '../../../../../electron/services/sessions/programme.ts'
import { defaultCurriculum } from '../../../../../shared/curriculum/load-curriculum.ts'
import { DEFAULT_TIMEBOXES, type Session, type TodayView, type WeekFit } from '../../../../../shared/models/sessions.ts'
import { ThisWeekCard } from '../../../../../renderer/views/today/ThisWeekCard.tsx'
import { NOW, repoView, session, sessionView } from '../../../../fixtures/renderer-views.ts'
import { renderView } from '../../../../fixtures/render-view.tsx'

const REPOS = [
  { id: 'r1', name: 'payments', path: '/code/payments', addedAt: '2025-11-01T00:00:00Z' },
  { id: 'r2', name: 'search', path: '/code/search', addedAt: '2025-11-02T00:00:00Z' },
  { id: 'r3', name: 'mobile-app', path: '/code/mobile', addedAt: '2025-11-03T00:00:00Z' },
  { id: 'r4', name: 'billing', path: '/code/billing', addedAt: '2025-11-04T00:00:00Z' },
]

/** An hour finished in `repoId` at `at` in programme week `programmeWeek`, every step done (practised). */
function hour(repoId: string, at: string, programmeWeek = 1): Session {
  const repo = REPOS.find((candidate) => candidate.id === repoId)!
  const base = session(`hour-${repoId}-${at}`, { programmeWeek, createdAt: at })
  const steps = Object.fromEntries(Object.entries(base.steps).map(([key, step]) => [key, { ...step, status: 'done' }])) as Session['steps']
  return { ...base, repo: { ...repo, commit: 'c0ffee' }, status: 'finished', finishedAt: at, steps }
}

function today(sessions: Session[], programme = EMPTY_PROGRAMME): TodayView {
  return buildToday({
    now: NOW,
    schedule: { day: 'tuesday', start: '09:00', minutes: 60, timeZone: 'Europe/London' },
    timeboxes: DEFAULT_TIMEBOXES,
    programme,
    sessions,
    repos: REPOS,
    curriculum: defaultCurriculum(),
    notices: [],
  })
}

function card(view: TodayView, weekFit: WeekFit | null = null) {
  return renderView(() => <ThisWeekCard today={view} />, {
    handlers: {
      'sessions.weekFit': () => weekFit,
      'repos.list': () => REPOS.map((repo) => repoView(repo.id, { name: repo.name, path: repo.path })),
      'sessions.start': () => sessionView(),
      'sessions.get': () => sessionView(),
      'sessions.today': () => view,
    },
    prepare: (stores) => stores.useSessions.setState({ today: view }),
  })
}

describe('ThisWeekCard: the hour’s repository', () => {
  it('names the one not visited for longest with four repositories, and starts there', async () => {
    // Weeks 1 to 3 in payments, search and billing; mobile-app never. This is week 6.
    const earlier = [hour('r1', '2025-12-02T09:00:00Z', 1), hour('r2', '2025-12-09T09:00:00Z', 2), hour('r4', '2025-12-16T09:00:00Z', 3)]
    const view = today(earlier, { ...EMPTY_PROGRAMME, startWeekOf: '2025-12-01' })
    expect(view.week).toMatchObject({ programmeWeek: 6, repo: { id: 'r3' } })
    const { fake } = card(view)
    const picker = page.getByLabelText('This hour goes into')
    await expect.element(picker).toHaveValue('r3')
    await expect.element(page.getByText('Not visited yet; the hours rotate between your teams.')).toBeVisible()
    await page.getByRole('button', { name: 'Start this week’s hour' }).click()
    await expect.poll(() => fake.inputs('sessions.start')).toEqual([{ repoId: 'r3', commit: 'r3-head', offline: true }])
  })

  it('lets the leader pick another team’s repository before starting', async () => {
    const { fake } = card(today([]))
    const picker = page.getByLabelText('This hour goes into')
    await expect.element(picker).toHaveValue('r1')
    await picker.selectOptions('r4')
    await expect.element(page.getByText('Your pick for this hour.')).toBeVisible()
    await page.getByRole('button', { name: 'Start this week’s hour' }).click()
    await expect.poll(() => fake.inputs('sessions.start')).toEqual([{ repoId: 'r4', commit: 'r4-head', offline: true }])
  })

  it('offers an extra hour once the week is done, in the next repository of the rotation, counted as an hour', async () => {
    const programme = { ...EMPTY_PROGRAMME, startWeekOf: '2026-01-05' }
    const done = today([hour('r1', '2026-01-06T08:00:00Z'), hour('r2', '2026-01-06T08:30:00Z')], programme)
    expect(done.outcome).toBe('practised')
    expect(done.consistency).toMatchObject({ practised: 1 })
    const { fake } = card(done)
    await expect.element(page.getByText('2 hours this week; the week counts once.', { exact: false })).toBeVisible()
    await expect.element(page.getByLabelText('An extra hour goes into')).toHaveValue('r3')
    await page.getByRole('button', { name: 'Take an extra hour' }).click()
    await expect.poll(() => fake.inputs('sessions.start')).toEqual([{ repoId: 'r3', commit: 'r3-head', offline: true }])
  })
})

describe('ThisWeekCard: the week for the kind of codebase', () => {
  const programme = { ...EMPTY_PROGRAMME, startWeekOf: '2025-12-29' }
  const library: WeekFit = {
    programmeWeek: 2,
    repoId: 'r1',
    kind: { kind: 'library', reason: 'it publishes a package and runs no server' },
    theme: 'Follow one call through the public API',
    goal: 'Trace one call a typical user makes, from the public function they call to the result they get back.',
    whyItMatters: 'Users judge a library by its most common call.',
    sentence:
      'This repository reads as a library (it publishes a package and runs no server), so this week is “Follow one call through the public API”.',
  }

  it('shows the week’s text for a library and says which kind it read', async () => {
    const view = today([], programme)
    expect(view.week).toMatchObject({ programmeWeek: 2, theme: 'Follow one request end to end', repo: { id: 'r1' } })
    const { fake } = card(view, library)
    await expect.element(page.getByRole('heading', { name: 'Follow one call through the public API' })).toBeVisible()
    await expect.element(page.getByText(library.sentence)).toBeVisible()
    await expect.element(page.getByText(library.goal)).toBeVisible()
    expect(page.getByText('Follow one request end to end').elements()).toHaveLength(0)
    expect(fake.inputs('sessions.weekFit')).toEqual([{}])
  })

  it('keeps the week’s own text when the reading is for another week or repository', async () => {
    card(today([], programme), { ...library, repoId: 'r2' })
    await expect.element(page.getByRole('heading', { name: 'Follow one request end to end' })).toBeVisible()
    expect(page.getByText(library.sentence).elements()).toHaveLength(0)
  })
})
