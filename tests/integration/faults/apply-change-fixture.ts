// The change the killed-apply test lands on the greeter, and the one way it is applied (in the child
// process and again in the test): recovery first, as ChangeService does, then the staged apply path;
// and the leader's own edit of the greeting, landed by the manual apply path.
import { applyStaged, applyWorking } from '../../../electron/services/change/landing/commit-change.ts'
import type { Landing } from '../../../electron/services/change/landing/crash-safe-landing.ts'
import { recoverInterruptedLanding } from '../../../electron/services/change/landing/crash-safe-landing.ts'
import { StagedCopy } from '../../../electron/services/change/drafts/staged-copy.ts'
import { describeRepo } from '../../../electron/services/repos/describe-repo.ts'
import type { AppliedChange } from '../../../shared/models/change.ts'
import { GREETER_FILES, SPELLING_TEST } from '../../fixtures/fake-anthropic/small-change-script.ts'

const created: Readonly<Record<string, string>> = {
  'test/greet-spelling.test.js': SPELLING_TEST,
  'docs/notes/greeting.md': '# Greeting\n\nIt says Hello, not Helo.\n',
}

export const CHANGE = {
  request: 'Fix the Helo typo in the greeting',
  paths: ['src/greet.js', ...Object.keys(created)],
  /** Every touched file as the finished branch must hold it. */
  final: { 'src/greet.js': GREETER_FILES['src/greet.js']!.replace("'Helo, '", "'Hello, '"), ...created } as Readonly<
    Record<string, string>
  >,
} as const

export async function applyGreeterChange(root: string, onStep?: Landing['onStep']): Promise<AppliedChange> {
  await recoverInterruptedLanding(root)
  const staged = new StagedCopy({ root })
  await staged.strReplace('src/greet.js', "'Helo, '", "'Hello, '")
  for (const [path, text] of Object.entries(created)) await staged.create(path, text)
  const repo = await describeRepo({ id: 'r', path: root, name: 'greeter', addedAt: '2026-11-24T09:00:00Z' })
  return applyStaged(
    {
      root,
      request: CHANGE.request,
      accepted: CHANGE.paths,
      message: 'Fix the spelling of the greeting',
      author: { name: 'Leader Person', email: 'leader@example.com' },
      changedInWorkingTree: repo.changedFiles,
      now: new Date('2026-11-24T10:00:00Z'),
      ...(onStep ? { onStep } : {}),
    },
    staged,
  )
}

/** The leader's own edit of the greeting, made in the working tree before the manual apply. */
export const LEADER_EDIT = { path: 'src/greet.js', text: GREETER_FILES['src/greet.js']!.replace("'Helo, '", "'Hi there, '") } as const

export async function applyLeaderEdit(root: string, onStep?: Landing['onStep']): Promise<AppliedChange> {
  await recoverInterruptedLanding(root)
  const repo = await describeRepo({ id: 'r', path: root, name: 'greeter', addedAt: '2026-11-24T09:00:00Z' })
  return applyWorking({
    root,
    request: 'Greet warmly',
    accepted: [LEADER_EDIT.path],
    message: 'Greet warmly',
    author: { name: 'Leader Person', email: 'leader@example.com' },
    changedInWorkingTree: repo.changedFiles,
    now: new Date('2026-11-24T10:00:00Z'),
    ...(onStep ? { onStep } : {}),
  })
}
