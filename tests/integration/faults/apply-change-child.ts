// Run by apply-killed.test.ts as its own process: prints "ready", applies the greeter change through
// the change service's apply path, then prints "done <branch> <commit>". With a landing step as the
// second argument it kills itself with SIGKILL when the landing reaches that step.
import { applyGreeterChange } from './apply-change-fixture.ts'

const [root, killAt] = process.argv.slice(2)
if (!root) throw new Error('usage: apply-change-child.ts <repo> [step]')
const say = (line: string) => new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()))

await say('ready')
const applied = await applyGreeterChange(root, (step) => {
  if (step === killAt) process.kill(process.pid, 'SIGKILL')
})
await say(`done ${applied.branch} ${applied.commit}`)
