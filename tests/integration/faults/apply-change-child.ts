// Run by apply-killed.test.ts as its own process: prints "ready", then lands the greeter change (the
// agent's, or the leader's own edit) through the change service's apply path, or rolls back an
// interrupted landing, and prints "steps <the write steps it went through>" and "done". With a number
// N it kills itself with SIGKILL when it reaches its N-th write step (deterministic fault injection).
import { recoverInterruptedLanding, type LandingStep } from '../../../electron/services/change/landing/crash-safe-landing.ts'
import { applyGreeterChange, applyLeaderEdit } from './apply-change-fixture.ts'

const [root, killAt, mode = 'agent'] = process.argv.slice(2)
if (!root) throw new Error('usage: apply-change-child.ts <repo> [step number|step name|-] [agent|manual|recover]')
const say = (line: string) => new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()))

const steps: LandingStep[] = []
const onStep = (step: LandingStep) => {
  steps.push(step)
  if (killAt === step || Number(killAt) === steps.length) process.kill(process.pid, 'SIGKILL')
}

await say('ready')
if (mode === 'recover') {
  await recoverInterruptedLanding(root, { onStep })
  await say(`steps ${steps.join(',')}`)
  await say('done recovered')
} else {
  const applied = mode === 'manual' ? await applyLeaderEdit(root, onStep) : await applyGreeterChange(root, onStep)
  await say(`steps ${steps.join(',')}`)
  await say(`done ${applied.branch} ${applied.commit}`)
}
