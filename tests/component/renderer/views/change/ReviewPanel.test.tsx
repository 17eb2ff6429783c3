import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { ChangeDraftView } from '../../../../../shared/models/change.ts'
import { ReviewPanel } from '../../../../../renderer/views/change/ReviewPanel.tsx'
import { draftView } from '../../../../fixtures/renderer-views.ts'
import { renderView } from '../../../../fixtures/render-view.tsx'

const TWO_FILES = draftView({
  summary: 'I fixed the greeting and added a test.',
  plan: '## Plan\n\nFix the typo in the greeting.\n\nI fixed the greeting and added a test.',
  files: [
    {
      path: 'src/greet.js',
      status: 'modified',
      additions: 1,
      deletions: 1,
      hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: ['-Helo', '+Hello'] }],
      diff: '@@ -1 +1 @@\n-Helo\n+Hello\n',
      hasLeaderMarker: false,
    },
    {
      path: 'test/greet.test.js',
      status: 'added',
      additions: 2,
      deletions: 0,
      hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2, lines: ['+test("greets", () => {})', '+// more'] }],
      diff: '@@ -0,0 +1,2 @@\n+test("greets", () => {})\n+// more\n',
      hasLeaderMarker: false,
    },
  ],
})

function review(draft: ChangeDraftView = TWO_FILES) {
  return renderView(() => <ReviewPanel />, {
    handlers: {
      'change.apply': () => draft,
      // The offline template: the subject, then one line per file it was asked about.
      'change.commitMessage': ({ acceptedPaths }) => ({
        source: 'offline',
        message: ['Fix the typo', '', ...(acceptedPaths ?? []).map((path) => `- ${path}`)].join('\n'),
      }),
    },
    prepare: (stores) => stores.useChange.setState({ repoId: 'r1', draft }),
  })
}

describe('ReviewPanel', () => {
  it('shows the agent’s plan apart from its last words, and every proposed file as its diff', async () => {
    review()
    await expect.element(page.getByRole('heading', { name: 'The agent’s plan' })).toBeVisible()
    await expect.element(page.getByText('Fix the typo in the greeting.')).toBeVisible()
    await expect.element(page.getByText('The agent says')).toBeVisible()
    const greet = page.getByRole('article', { name: 'src/greet.js' })
    await expect.element(greet).toMatchTextContent(/\(modified, \+1 −1\)/)
    await expect.element(greet.getByText('Hello', { exact: true })).toBeVisible()
    await expect.element(page.getByRole('article', { name: 'test/greet.test.js' })).toMatchTextContent(/\(added, \+2 −0\)/)
  })

  it('commits only the files the leader accepted, with the message they wrote', async () => {
    const { fake } = review()
    const apply = page.getByRole('button', { name: 'Apply 2 files on a new branch' })
    // No message yet: nothing to commit with.
    await expect.element(apply).toBeDisabled()
    await page.getByRole('group', { name: 'Decision for test/greet.test.js' }).getByRole('button', { name: 'Reject' }).click()
    await expect.element(page.getByRole('article', { name: 'test/greet.test.js' })).toHaveClass(/change-file--rejected/)
    await page.getByLabelText('Commit message').fill('Fix the greeting typo')
    await page.getByRole('button', { name: 'Apply 1 file on a new branch' }).click()
    await expect
      .poll(() => fake.inputs('change.apply'))
      .toEqual([{ draftId: TWO_FILES.draftId, acceptedPaths: ['src/greet.js'], message: 'Fix the greeting typo' }])
  })

  it('says why Apply cannot be pressed: no message yet, or every file rejected', async () => {
    review()
    const apply = page.getByRole('button', { name: 'Apply 2 files on a new branch' })
    await expect.element(apply).toBeDisabled()
    await expect.element(apply).toHaveAccessibleDescription('A commit needs a message: write one above, or press “Draft the message”.')
    await page.getByLabelText('Commit message').fill('Fix the greeting typo')
    await expect.element(apply).toBeEnabled()
    await expect.element(page.getByText(/A commit needs a message/)).not.toBeInTheDocument()
    for (const path of ['src/greet.js', 'test/greet.test.js'])
      await page
        .getByRole('group', { name: `Decision for ${path}` })
        .getByRole('button', { name: 'Reject' })
        .click()
    await expect
      .element(page.getByRole('button', { name: 'Apply 0 files on a new branch' }))
      .toHaveAccessibleDescription('Every file is rejected: accept at least one to commit.')
  })

  it('never keeps a drafted message that describes a file rejected since', async () => {
    const { fake } = review()
    const message = page.getByLabelText('Commit message')
    await page.getByRole('button', { name: 'Draft the message' }).click()
    await expect.element(message).toHaveValue('Fix the typo\n\n- src/greet.js\n- test/greet.test.js')
    const reject = (path: string) =>
      page
        .getByRole('group', { name: `Decision for ${path}` })
        .getByRole('button', { name: 'Reject' })
        .click()
    // As drafted: it goes, and the leader is told why.
    await reject('test/greet.test.js')
    await expect.element(message).toHaveValue('')
    await expect.element(page.getByText(/The drafted message described test\/greet\.test\.js, which you rejected/)).toBeVisible()
    await page.getByRole('button', { name: 'Draft the message' }).click()
    await expect.element(message).toHaveValue('Fix the typo\n\n- src/greet.js')
    expect(fake.inputs('change.commitMessage').at(-1)).toEqual({ draftId: TWO_FILES.draftId, acceptedPaths: ['src/greet.js'] })
    // Made their own, it stays, flagged.
    await page.getByRole('group', { name: 'Decision for test/greet.test.js' }).getByRole('button', { name: 'Accept' }).click()
    await page.getByRole('button', { name: 'Draft the message' }).click()
    await expect.element(message).toHaveValue('Fix the typo\n\n- src/greet.js\n- test/greet.test.js')
    await message.fill('Fix the typo and test it\n\n- src/greet.js\n- test/greet.test.js')
    await reject('test/greet.test.js')
    await expect.element(message).toHaveValue('Fix the typo and test it\n\n- src/greet.js\n- test/greet.test.js')
    await expect
      .element(page.getByText(/You rejected test\/greet\.test\.js after this message was drafted: check it does not describe it/))
      .toBeVisible()
  })

  it('has nothing to apply once every file is rejected', async () => {
    review()
    await page.getByLabelText('Commit message').fill('Fix it')
    for (const path of ['src/greet.js', 'test/greet.test.js'])
      await page
        .getByRole('group', { name: `Decision for ${path}` })
        .getByRole('button', { name: 'Reject' })
        .click()
    await expect.element(page.getByRole('button', { name: 'Apply 0 files on a new branch' })).toBeDisabled()
    await expect.element(page.getByRole('button', { name: 'Draft the message' })).toBeDisabled()
  })

  it('puts what Gemba found in the draft in front of the leader before they commit', async () => {
    review(
      draftView({
        checks: [{ kind: 'claimed_not_in_diff', message: 'The agent says it added a test, but no test file changed.' }],
      }),
    )
    await expect
      .element(page.getByRole('region', { name: 'What Gemba checked' }))
      .toMatchTextContent(/Not in the diff: The agent says it added a test, but no test file changed\./)
    await expect.element(page.getByText('Before you commit: Gemba found 1 thing to look at in the agent’s draft (above).')).toBeVisible()
  })
})

describe('ReviewPanel: the leader’s own edits after a test run', () => {
  it('lists what the run left apart, never as a file to accept, and applies only the leader’s edit', async () => {
    const manual = draftView({ mode: 'manual', files: [], plan: '', summary: '' })
    const { fake } = renderView(() => <ReviewPanel />, {
      handlers: { 'change.apply': () => manual },
      prepare: (stores) =>
        stores.useChange.setState({
          repoId: 'r1',
          draft: manual,
          working: {
            repoId: 'r1',
            branch: 'main',
            headCommit: 'c0ffee',
            skipped: [],
            files: [
              {
                path: 'src/greet.js',
                status: 'modified',
                additions: 1,
                deletions: 1,
                hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: ['-Helo', '+Hello'] }],
                diff: '@@ -1 +1 @@\n-Helo\n+Hello\n',
                hasLeaderMarker: false,
              },
            ],
            leftByRuns: [
              { path: '.hypothesis/', by: 'tests' },
              { path: 'coverage.json', by: 'tests' },
            ],
          },
        }),
    })
    await expect
      .element(page.getByRole('note'))
      .toHaveTextContent('Left by the test run, not part of your change and never committed: .hypothesis/, coverage.json.')
    await expect.element(page.getByRole('article', { name: 'coverage.json' })).not.toBeInTheDocument()
    await page.getByLabelText('Commit message').fill('Fix the greeting')
    await page.getByRole('button', { name: 'Apply 1 file on a new branch' }).click()
    await expect
      .poll(() => fake.inputs('change.apply'))
      .toEqual([{ draftId: manual.draftId, acceptedPaths: ['src/greet.js'], message: 'Fix the greeting' }])
  })
})
