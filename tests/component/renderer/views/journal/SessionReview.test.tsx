import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { JournalDriftView, JournalSessionRecord, JournalSessionView } from '../../../../../shared/models/journal.ts'
import type { RepoFileView } from '../../../../../shared/models/ai.ts'
import { SessionReview } from '../../../../../renderer/views/journal/SessionReview.tsx'
import { deferred } from '../../../../fixtures/fake-client.ts'
import { renderView } from '../../../../fixtures/render-view.tsx'
import { repoView } from '../../../../fixtures/renderer-views.ts'
import { buildSessionRecord } from '../../../../unit/electron/services/journal/fixtures/build-session-record.ts'

const RECORD = buildSessionRecord()
const DRIFT: JournalDriftView = {
  state: 'known',
  headCommit: 'feedface00112233445566778899aabbccddeeff',
  repositoryPath: RECORD.repository.path,
  drift: {
    total: 3,
    changed: 1,
    files: [],
    summary: 'Of the 3 cited places, 1 moved since this session.',
    anchors: [
      {
        path: 'src/ledger/post.ts',
        line: 7,
        endLine: null,
        status: 'moved',
        now: { path: 'src/ledger/posting.ts', line: 19, endLine: null },
      },
    ],
  },
}
const POSTING: RepoFileView = {
  kind: 'file',
  path: 'src/ledger/posting.ts',
  absolutePath: `${RECORD.repository.path}/src/ledger/posting.ts`,
  text: Array.from({ length: 30 }, (_, index) => (index === 18 ? 'export function post(entry: Entry) {' : `// line ${index + 1}`)).join(
    '\n',
  ),
  lines: 30,
  redactions: [],
  withheld: null,
  binary: false,
  truncated: false,
}

function review(record: JournalSessionRecord = RECORD, readFile: () => Promise<RepoFileView> = async () => POSTING) {
  const view: JournalSessionView = { fileName: '2026-11-24-payments-api.md', record, hasTranscript: true, modifiedAt: record.finishedAt }
  return renderView(() => <SessionReview id={record.id} />, {
    handlers: {
      'journal.get': () => view,
      'journal.drift': () => DRIFT,
      'journal.lookBack': () => null,
      'repos.list': () => [repoView(record.repository.id, { path: record.repository.path })],
      'journal.updateReflection': (input) => ({ ...view, record: { ...record, reflection: input.reflection } }),
      'ai.readFile': readFile,
    },
  })
}

describe('SessionReview', () => {
  it('reads like the journal file: the reflection and questions first, then the walkthrough, the architecture and the change', async () => {
    review()
    await expect.element(page.getByRole('heading', { level: 1, name: 'Follow one request end to end' })).toBeVisible()
    await expect.element(page.getByRole('heading', { level: 2, name: 'The change' })).toBeVisible()
    // Each part's own heading (a heading inside the walkthrough's Markdown is not a part).
    const parts = [...document.querySelectorAll('.session-section')].map((part) => part.querySelector('h2')?.textContent)
    expect(parts.slice(0, 5)).toEqual(['Reflection', 'Questions for tech leads', 'Walkthrough', 'Architecture', 'The change'])
    await expect.element(page.getByText('The tests take 41 seconds — the team lives with that every day.')).toBeVisible()
    const questions = page.getByRole('region', { name: 'Questions for tech leads' }).getByRole('listitem')
    await expect.element(questions.first()).toMatchTextContent(/^open\s*Why is there no staging environment\?$/)
    await expect.element(questions.nth(1)).toMatchTextContent(/^answered\s*Who owns the ledger\?\s*Dana$/)
  })

  it('draws the session’s diagram and shows its change as a diff with the test run', async () => {
    review()
    const architecture = page.getByRole('region', { name: 'Architecture' })
    await expect.poll(() => architecture.element().querySelector('svg')?.textContent ?? '').toContain('ledger')
    const change = page.getByRole('region', { name: 'The change' })
    await expect.element(change).toMatchTextContent(/“Reject negative amounts with a clear error”/)
    await expect.element(change).toMatchTextContent(/if \(amount < 0\) throw new Error\("negative"\)/)
    await expect.element(change).toMatchTextContent(/npm test/)
  })

  it('says how the cited code moved since, and opens a citation where the code is today', async () => {
    const { fake } = review()
    await expect.element(page.getByText('Of the 3 cited places, 1 moved since this session.')).toBeVisible()
    const walkthrough = page.getByRole('region', { name: 'Walkthrough' })
    await expect.element(walkthrough.getByText('moved to src/ledger/posting.ts:19')).toBeVisible()
    await walkthrough.getByRole('button', { name: 'src/ledger/post.ts:7' }).click()
    const viewer = page.getByRole('dialog')
    await expect.element(viewer.getByRole('heading', { name: /src\/ledger\/posting\.ts line 19/ })).toBeVisible()
    await expect.element(viewer.getByText('export function post(entry: Entry) {')).toBeVisible()
    expect(fake.inputs('ai.readFile')).toEqual([{ repoId: RECORD.repository.id, path: 'src/ledger/posting.ts' }])
  })

  it('keeps the session’s "(unverified)" mark on a citation the repository did not confirm, in the text and the cited code', async () => {
    const base = RECORD.walkthrough!
    const record = buildSessionRecord({
      walkthrough: {
        source: 'ai',
        markdown: 'Requests enter at src/http/router.ts:12, are checked in src/ledger/rules.ts:90 and logged by src/log/audit.ts:3.',
        // What the session kept: router confirmed, rules marked; audit (an older entry) was never confirmed.
        citations: [base.citations[0]!, { path: 'src/ledger/rules.ts', line: 90, mark: 'unverified' }],
      },
    })
    review(record)
    const walkthrough = page.getByRole('region', { name: 'Walkthrough' })
    await expect.element(walkthrough.getByRole('button', { name: 'src/http/router.ts:12' }).first()).toBeVisible()
    const prose = walkthrough.element().querySelector('.coach-markdown')!
    expect([...prose.querySelectorAll('.cite--unverified')].map((cite) => cite.textContent)).toEqual([
      'src/ledger/rules.ts:90 (unverified)',
      'src/log/audit.ts:3 (unverified)',
    ])
    expect([...prose.querySelectorAll('button.cite')].map((cite) => cite.textContent)).toEqual(['src/http/router.ts:12'])
    const list = walkthrough.element().querySelector('ul.citations')!
    expect(list.querySelector('li:nth-child(2)')?.textContent).toBe('src/ledger/rules.ts:90 (unverified)')
    expect(list.querySelectorAll('li:nth-child(2) button')).toHaveLength(0)
  })

  it('cancels the file read when the viewer is closed before the file arrives', async () => {
    const slow = deferred<RepoFileView>()
    const { fake } = review(RECORD, () => slow.promise)
    await page.getByRole('region', { name: 'Walkthrough' }).getByRole('button', { name: 'src/ledger/post.ts:7' }).click()
    await expect.element(page.getByText('Opening the file…')).toBeVisible()
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument()
    expect(fake.calls.find((call) => call.name === 'ai.readFile')?.options.signal?.aborted).toBe(true)
  })

  it('edits the reflection and saves it to the journal', async () => {
    const { fake } = review()
    await page.getByRole('button', { name: 'Edit reflection' }).click()
    const editor = page.getByRole('textbox').first()
    await editor.fill('Staging is the real problem.')
    await page.getByRole('button', { name: /^Save/ }).click()
    await expect
      .poll(() => fake.inputs('journal.updateReflection'))
      .toEqual([{ id: RECORD.id, reflection: 'Staging is the real problem.' }])
    await expect.element(page.getByText('Staging is the real problem.')).toBeVisible()
  })
})

describe('SessionReview: the developer loop', () => {
  it('shows the measured figures in a "Developer loop" section, and leaves out what was not measured', async () => {
    review({
      ...RECORD,
      loop: {
        firstTestRunMinutes: 12.4,
        testRuns: 2,
        suiteSeconds: 41,
        setup: [{ command: 'npm ci', ok: true, seconds: 83 }],
        flaky: ['cart > totals'],
      },
    })
    const section = page.getByRole('region', { name: 'Developer loop' })
    await expect.element(section).toBeVisible()
    const text = section.element().textContent
    expect(text).toContain('First test run that really ran12 min after starting the change')
    expect(text).toContain('Test suite41 s')
    expect(text).toContain('Setup stepnpm ci worked (83 s)')
    expect(text).toContain('Flaky testscart > totals failed, then passed unchanged on a rerun')
    expect(text).not.toContain('Waiting on the agent')
    expect(text).not.toContain('Build')
  })

  it('has no section for an older entry without figures', async () => {
    review()
    await expect.element(page.getByRole('region', { name: 'The change' })).toBeVisible()
    await expect.element(page.getByRole('region', { name: 'Developer loop' })).not.toBeInTheDocument()
  })
})
