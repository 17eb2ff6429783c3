import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { ApiKeySection } from '../../../../../renderer/views/settings/ApiKeySection.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'
import { settingsView } from '../../../../fixtures/renderer-views.ts'

const SAVED = settingsView({ apiKey: { ...settingsView().apiKey, set: true, source: 'settings', hint: '…7777' } })

describe('ApiKeySection', () => {
  it('after "Remove saved key" says the key is gone, and nothing said about the old key stays', async () => {
    const { fake } = renderView(() => <ApiKeySection />, {
      handlers: {
        'ai.testKey': () => ({
          status: 'no_network',
          message: 'Gemba could not reach api.anthropic.com.',
          next: 'Check the network and try again.',
          models: 0,
          endpointHost: 'api.anthropic.com',
        }),
        'settings.clearApiKey': () => settingsView(),
      },
      prepare: (stores) => stores.useSettings.setState({ view: SAVED, saved: { key: true } }),
    })
    await page.getByRole('button', { name: 'Test the saved key' }).click()
    await expect.element(page.getByText('Gemba could not reach api.anthropic.com.', { exact: false })).toBeVisible()
    await page.getByRole('button', { name: 'Remove saved key' }).click()
    await expect.element(page.getByText('No key yet. Every step still works offline, from the repository itself.')).toBeVisible()
    expect(fake.inputs('settings.clearApiKey')).toHaveLength(1)
    await expect.element(page.getByText('could not reach', { exact: false })).not.toBeInTheDocument()
    const status = page.getByRole('status').filter({ hasText: /Saved|removed/ })
    await expect.element(status).toHaveTextContent('Key removed')
  })
})
