// What adding a repository says when it cannot: the backend's sentence and next step, with the
// command it names shown as code rather than between raw backticks.
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { AddRepoForm } from '../../../../../renderer/views/repos/AddRepoForm.tsx'
import { failWith } from '../../../../fixtures/fake-client.ts'
import { renderView } from '../../../../fixtures/render-view.tsx'

describe('AddRepoForm', () => {
  it('shows a bare repository’s next step with its command as code, not backticks', async () => {
    renderView(() => <AddRepoForm desktop={false} focusAfterAdd={(repoId) => `repo-${repoId}`} />, {
      handlers: {
        // As electron/services/git/locate-repo.ts answers for a bare repository.
        'repos.add': ({ path }) =>
          failWith({
            code: 'not_a_repository',
            message: `${path} is a bare repository: a bare repository has no working tree to explore.`,
            next: 'Clone it into a working folder (`git clone <path> <folder>`) and choose that folder.',
          }),
      },
    })
    await page.getByLabelText('Folder').fill('/srv/git/payments.git')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    const alert = page.getByRole('alert')
    await expect.element(alert).toMatchTextContent('Clone it into a working folder (git clone <path> <folder>) and choose that folder.')
    expect(alert.element().textContent).not.toContain('`')
    await expect.element(alert.getByText('git clone <path> <folder>', { exact: true })).toBeVisible()
    expect(alert.getByText('git clone <path> <folder>', { exact: true }).element().tagName).toBe('CODE')
  })
})
