// The developer loop of an hour said as short facts, one wording for the entry view, its Markdown and
// its PDF: "First test run that really ran: 12 min after starting the change". Only the figures the
// hour measured appear; a missing one is left out, never shown as 0.
import type { DeveloperLoop } from './models/journal.ts'
import { plural } from './plural.ts'

export interface LoopFact {
  readonly label: string
  readonly value: string
}

const formatMinutes = (value: number) => (value < 1 ? `${Math.round(value * 60)} s` : `${Math.round(value)} min`)
const formatSeconds = (value: number) => (value < 90 ? `${value.toFixed(value < 10 ? 1 : 0)} s` : `${Math.round(value / 60)} min`)

export function loopFacts(loop: DeveloperLoop | undefined | null): LoopFact[] {
  if (!loop) return []
  const facts: LoopFact[] = []
  if (loop.firstTestRunMinutes !== undefined)
    facts.push({ label: 'First test run that really ran', value: `${formatMinutes(loop.firstTestRunMinutes)} after starting the change` })
  if (loop.firstGreenMinutes !== undefined)
    facts.push({ label: 'First passing run', value: `${formatMinutes(loop.firstGreenMinutes)} after starting the change` })
  if (loop.testRuns !== undefined || loop.couldNotRun !== undefined) {
    const ran = loop.testRuns === undefined ? null : plural(loop.testRuns, 'run')
    const not = loop.couldNotRun === undefined ? null : `${plural(loop.couldNotRun, 'try', 'tries')} that could not run`
    facts.push({ label: 'Test runs', value: [ran, not].filter(Boolean).join(', ') })
  }
  if (loop.suiteSeconds !== undefined) facts.push({ label: 'Test suite', value: formatSeconds(loop.suiteSeconds) })
  if (loop.buildSeconds !== undefined) facts.push({ label: 'Build or type-check', value: formatSeconds(loop.buildSeconds) })
  if (loop.setup?.length) {
    const steps = loop.setup.map((step) => `\`${step.command}\` ${step.ok ? 'worked' : 'did not work'} (${formatSeconds(step.seconds)})`)
    facts.push({ label: loop.setup.length === 1 ? 'Setup step' : `Setup steps (${loop.setup.length})`, value: steps.join('; ') })
  }
  if (loop.flaky?.length)
    facts.push({
      label: 'Flaky tests',
      value: `${loop.flaky.map((name) => `\`${name}\``).join(', ')} failed, then passed unchanged on a rerun`,
    })
  if (loop.agentWaitMinutes !== undefined) {
    const own = loop.leaderWorkMinutes === undefined ? '' : ` against ${formatMinutes(loop.leaderWorkMinutes)} of your own work`
    facts.push({ label: 'Waiting on the agent', value: `${formatMinutes(loop.agentWaitMinutes)}${own}` })
  }
  return facts
}
