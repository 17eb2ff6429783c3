import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { ScheduleSection } from '../../../../../renderer/views/settings/ScheduleSection.tsx'
import { renderView } from '../../../../fixtures/render-view.tsx'
import { settingsView } from '../../../../fixtures/renderer-views.ts'

const VIEW = settingsView()

function schedule() {
  return renderView(() => <ScheduleSection view={VIEW} />, {
    handlers: { 'settings.update': (patch) => ({ ...VIEW, ...patch, scheduleChosen: true }) as typeof VIEW },
  })
}

describe('ScheduleSection: the time zone', () => {
  it('suggests zones as a city is typed, in any case, and takes the one picked with the keyboard', async () => {
    const { fake } = schedule()
    const field = page.getByRole('combobox', { name: 'Time zone' })
    await field.fill('new york')
    const options = page.getByRole('listbox', { name: 'Zones' }).getByRole('option')
    await expect.element(options.first()).toMatchTextContent(/^America\/New York/)
    await userEvent.keyboard('{Enter}')
    await expect.element(field).toHaveValue('America/New_York')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => fake.inputs('settings.update').map((patch) => patch.schedule?.timeZone)).toEqual(['America/New_York'])
  })

  it('lists every zone from the arrow key, the saved one chosen, and a pointer picks another', async () => {
    schedule()
    const field = page.getByRole('combobox', { name: 'Time zone' })
    await field.click()
    await userEvent.keyboard('{ArrowDown}')
    const list = page.getByRole('listbox', { name: 'Zones' })
    await expect.element(list.getByRole('option', { selected: true })).toMatchTextContent(/^Europe\/London/)
    expect(list.element().querySelectorAll('[role="option"]').length).toBeGreaterThan(300)
    await userEvent.keyboard('{Escape}')
    await expect.element(list).not.toBeInTheDocument()
    await field.fill('europe/par')
    await list.getByRole('option', { name: /Europe\/Paris/ }).click()
    await expect.element(field).toHaveValue('Europe/Paris')
  })

  it('saves a zone typed in lower case, or a city alone, as the zone it names', async () => {
    const { fake } = schedule()
    const field = page.getByRole('combobox', { name: 'Time zone' })
    await field.fill('europe/berlin')
    await page.getByRole('button', { name: 'Save' }).click()
    await field.fill('tokyo')
    await userEvent.keyboard('{Escape}')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(() => fake.inputs('settings.update').map((patch) => patch.schedule?.timeZone))
      .toEqual(['Europe/Berlin', 'Asia/Tokyo'])
    await field.fill('Atlantis')
    await expect.element(page.getByText('No time zone matches “Atlantis”.')).toBeVisible()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.element(page.getByText('Not a time zone this computer knows (try Europe/London).')).toBeVisible()
  })
})
