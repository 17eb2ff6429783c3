// Today: this week's hour, the programme (skip, pause for travel), questions still open for the tech
// lead, the calendar file, and the reminder when the hour starts. Starting a session hands over to
// the session runner store; this store never edits a session's steps.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { OpenQuestion, TodayView } from '../../shared/models/sessions.ts'
import { errorData } from '../bridge.ts'
import type { NavigationState } from './navigation-store.ts'
import type { ReposState } from './repos-store.ts'
import type { RunnerState } from './session-runner-store.ts'

export interface Reminder {
  readonly weekNumber: number
  readonly theme: string
  readonly startsAt: string
}

export type NotificationState = 'unsupported' | 'default' | 'granted' | 'denied'

export interface SessionsState {
  readonly today: TodayView | null
  readonly loadError: GembaErrorData | null
  /** The last action's error (start, skip, pause…), shown beside the controls. */
  readonly actionError: GembaErrorData | null
  readonly busy: 'start' | 'skip' | 'pause' | 'calendar' | null
  readonly questions: readonly OpenQuestion[]
  readonly reminder: Reminder | null
  readonly notifications: NotificationState
  load(): Promise<void>
  /**
   * Starts (or resumes) this week's hour, or a past-due week, then opens the Session screen. The hour
   * goes into `repoId` when the leader picked one, else into the repository Today names for the week.
   */
  start(programmeWeek?: number, repoId?: string): Promise<void>
  skipWeek(programmeWeek?: number): Promise<void>
  unskipWeek(programmeWeek: number): Promise<void>
  pauseProgramme(weeks: number | null): Promise<void>
  resumeProgramme(): Promise<void>
  answerQuestion(questionId: string): Promise<void>
  downloadCalendar(): Promise<void>
  /** Asks the browser for notification permission; call only from a click. */
  enableNotifications(): Promise<void>
  dismissReminder(): void
}

/** The stores starting an hour hands over to: the runner opens it, the navigation shows it. */
export interface SessionsStoreDeps {
  readonly navigation: { getState(): Pick<NavigationState, 'go'> }
  readonly repos: { getState(): Pick<ReposState, 'loaded' | 'load' | 'repos'> }
  readonly runner: { getState(): Pick<RunnerState, 'open'> }
}

function notificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

export function createSessionsStore(client: GembaApi, stores: SessionsStoreDeps) {
  return create<SessionsState>((set, get) => {
    const act = async (busy: SessionsState['busy'], work: () => Promise<TodayView | void>): Promise<void> => {
      set({ busy, actionError: null })
      try {
        const today = await work()
        set(today ? { today, busy: null } : { busy: null })
      } catch (error) {
        set({ busy: null, actionError: errorData(error) })
      }
    }

    client.subscribe('sessions.changed', () => void get().load())
    client.subscribe('calendar.reminder', (reminder) => {
      set({ reminder })
      if (notificationState() !== 'granted') return
      const notification = new Notification('Your weekly hour starts now', {
        body: `Week ${reminder.weekNumber}: ${reminder.theme}. Click to start.`,
        tag: `gemba-hour-${reminder.startsAt}`,
      })
      notification.onclick = () => {
        window.focus()
        notification.close()
        void get().start()
      }
    })
    client.subscribe('calendar.startRequested', () => void get().start())

    return {
      today: null,
      loadError: null,
      actionError: null,
      busy: null,
      questions: [],
      reminder: null,
      notifications: notificationState(),
      async load() {
        try {
          const [today, questions] = await Promise.all([client.invoke('sessions.today', {}), client.invoke('sessions.questions', {})])
          set({ today, questions, loadError: null })
        } catch (error) {
          set({ loadError: errorData(error) })
        }
      },
      start: (programmeWeek, picked) =>
        act('start', async () => {
          const today = get().today ?? (await client.invoke('sessions.today', {}))
          const active = today.activeSession
          if (active && (programmeWeek === undefined || active.programmeWeek === programmeWeek)) {
            await stores.runner.getState().open(active.id)
          } else {
            const repos = stores.repos.getState()
            if (!repos.loaded) await repos.load()
            const repoId =
              picked ??
              (programmeWeek === undefined ? today.week.repo?.id : today.pastDue.find((w) => w.programmeWeek === programmeWeek)?.repo?.id)
            const commit = stores.repos.getState().repos.find((repo) => repo.id === repoId)?.headCommit ?? null
            const view = await client.invoke('sessions.start', {
              ...(programmeWeek === undefined ? {} : { programmeWeek }),
              // The repository Today named (or the leader picked) is the one the hour goes into.
              ...(repoId === undefined ? {} : { repoId }),
              commit,
              offline: true,
            })
            await stores.runner.getState().open(view.session.id, view)
          }
          set({ reminder: null })
          stores.navigation.getState().go('session')
        }),
      skipWeek: (programmeWeek) =>
        act('skip', () => client.invoke('sessions.skipWeek', programmeWeek === undefined ? {} : { programmeWeek })),
      unskipWeek: (programmeWeek) => act('skip', () => client.invoke('sessions.unskipWeek', { programmeWeek })),
      pauseProgramme: (weeks) => act('pause', () => client.invoke('sessions.pauseProgramme', { weeks })),
      resumeProgramme: () => act('pause', () => client.invoke('sessions.resumeProgramme', {})),
      answerQuestion: (questionId) =>
        act(null, async () => {
          await client.invoke('sessions.answerQuestion', { questionId })
          set({ questions: get().questions.filter((question) => question.id !== questionId) })
        }),
      downloadCalendar: () =>
        act('calendar', async () => {
          const file = await client.invoke('calendar.ics', {})
          // A Blob and an <a download> work the same in the browser and in Electron's window.
          const url = URL.createObjectURL(new Blob([file.content], { type: 'text/calendar;charset=utf-8' }))
          const link = document.createElement('a')
          link.href = url
          link.download = file.filename
          document.body.append(link)
          link.click()
          link.remove()
          setTimeout(() => URL.revokeObjectURL(url), 10_000)
        }),
      async enableNotifications() {
        if (typeof Notification === 'undefined') return
        try {
          set({ notifications: await Notification.requestPermission() })
        } catch {
          set({ notifications: notificationState() })
        }
      },
      dismissReminder() {
        set({ reminder: null })
      },
    }
  })
}
