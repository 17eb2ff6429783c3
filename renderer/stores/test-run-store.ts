// The team's tests in the small change: the command (the team's own way, with where it was read;
// editable, remembered by the backend), whether it can run here (checked before Run: tools, dependencies)
// and the setup steps that run, in order, only when pressed, the output as it streams, the outcome
// (passed, failed with its short summary, or could not run with its reason), and Stop. Follows its own
// calls' output by call id; the call under way and its controller are part of the state. No disk.
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import type { InstallResult, TestReadiness, TestRunResult } from '../../shared/models/change.ts'
import { trackedCall } from './tracked-call.ts'

export interface TestRunState {
  readonly repoId: string | null
  readonly sessionId: string | null
  readonly command: string
  /** Where the detected command was read ("the `test` job of .github/workflows/ci.yml"); null once edited or remembered. */
  readonly from: string | null
  readonly readiness: TestReadiness | null
  /** The command the readiness was checked for (a stale check is not shown as current). */
  readonly readinessFor: string | null
  readonly output: string
  readonly run: TestRunResult | null
  readonly install: InstallResult | null
  readonly busy: 'checking' | 'installing' | 'running' | null
  readonly error: GembaErrorData | null
  readonly callId: string | null
  readonly controller: AbortController | null
  open(repoId: string, sessionId: string | null): void
  setCommand(command: string): void
  check(): Promise<void>
  installDependencies(): Promise<void>
  /**
   * `draftId`: the change being looked at, so the run says whether it was on that change as committed.
   * `rerunFailing`: only the tests that failed in the run shown (the runner's own filter where it has one).
   */
  runTests(draftId: string | null, options?: { rerunFailing?: boolean }): Promise<void>
  stop(): void
}

export function createTestRunStore(client: GembaApi) {
  return create<TestRunState>((set, get) => {
    client.subscribe('change.testOutput', (event) => {
      if (event.callId === get().callId) set({ output: (get().output + event.text).slice(-100_000) })
    })

    const call = trackedCall<NonNullable<TestRunState['busy']>, TestRunState>(get, set)

    /** Nothing run yet, for no repository: the start, and what opening another repository returns to. */
    const fresh = {
      command: '',
      from: null,
      readiness: null,
      readinessFor: null,
      output: '',
      run: null,
      install: null,
      busy: null,
      error: null,
      callId: null,
      controller: null,
    } satisfies Partial<TestRunState>

    return {
      repoId: null,
      sessionId: null,
      ...fresh,
      open(repoId, sessionId) {
        if (get().repoId === repoId && get().sessionId === sessionId) return
        get().controller?.abort()
        set({ repoId, sessionId, ...fresh })
        void client.invoke('change.testCommand', { repoId }).then(
          (view) => {
            if (get().repoId !== repoId || get().command) return
            set({ command: view.command ?? '', from: view.from })
            if (view.command) void get().check()
          },
          () => undefined,
        )
      },
      setCommand: (command) => set({ command, from: null }),
      async check() {
        const { repoId, command } = get()
        if (!repoId || !command.trim()) return
        const readiness = await client.invoke('change.testReadiness', { repoId, command }).catch(() => null)
        if (readiness && get().repoId === repoId) set({ readiness, readinessFor: command })
      },
      async installDependencies() {
        const { repoId, command, sessionId } = get()
        if (!repoId) return
        set({ output: '', install: null })
        const install = await call('installing', (options) =>
          client.invoke('change.installDependencies', { repoId, command, ...(sessionId ? { sessionId } : {}) }, options),
        )
        if (install) set({ install, readiness: install.readiness, readinessFor: command })
      },
      async runTests(draftId, runOptions) {
        const { repoId, command, sessionId } = get()
        if (!repoId) return
        set({ output: '', run: null })
        const run = await call('running', (options) =>
          client.invoke(
            'change.runTests',
            {
              repoId,
              command,
              ...(sessionId ? { sessionId } : {}),
              ...(draftId ? { draftId } : {}),
              ...(runOptions?.rerunFailing ? { rerunFailing: true } : {}),
            },
            options,
          ),
        )
        if (run) set({ run })
      },
      stop: () => get().controller?.abort(),
    }
  })
}
