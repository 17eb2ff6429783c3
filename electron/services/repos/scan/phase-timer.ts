// Times the phases of a scan and reports progress for them; owns no scan logic.
import type { ScanPhase } from '../../../../shared/models/repos.ts'

export type ProgressReporter = (phase: ScanPhase, done: number, total: number) => void

export class PhaseTimer {
  readonly timings: Record<string, number> = {}
  private readonly report: ProgressReporter

  constructor(report: ProgressReporter) {
    this.report = report
  }

  async run<T>(phase: ScanPhase, work: (progress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
    const started = performance.now()
    this.report(phase, 0, 1)
    try {
      return await work((done, total) => this.report(phase, done, total))
    } finally {
      this.add(phase, performance.now() - started)
    }
  }

  add(phase: string, ms: number): void {
    this.timings[phase] = Math.round(((this.timings[phase] ?? 0) + ms) * 10) / 10
  }
}
