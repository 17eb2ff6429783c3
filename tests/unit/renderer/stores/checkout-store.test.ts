// Where Gemba left the leader's clones: read from the main process, followed on change.checkout, and
// the way back, with a refusal kept for the banner that asked.
import { describe, expect, it } from 'vitest'
import { BridgeError } from '../../../../renderer/bridge.ts'
import { createCheckoutStore, onGembaBranch } from '../../../../renderer/stores/checkout-store.ts'
import type { CheckoutView } from '../../../../shared/models/change.ts'
import { fakeClient } from '../../../fixtures/fake-client.ts'

const ON: CheckoutView = {
  repoId: 'r1',
  repoName: 'greeter',
  branch: 'gemba/2026-01-06-fix',
  gembaBranch: 'gemba/2026-01-06-fix',
  returnTo: 'main',
  onGembaBranch: true,
  sessionId: null,
  landedAt: '2026-01-06T09:00:00Z',
}
const BACK: CheckoutView = { ...ON, branch: 'main', onGembaBranch: false }

describe('the checkout store', () => {
  it('shows the clones on a Gemba branch, and follows change.checkout', async () => {
    let answer = [ON]
    const fake = fakeClient({ 'change.checkouts': () => answer })
    const store = createCheckoutStore(fake.client)
    await store.getState().load()
    expect(onGembaBranch(store.getState()).map((checkout) => checkout.repoId)).toEqual(['r1'])
    expect(onGembaBranch(store.getState(), 'r2')).toEqual([])
    answer = [BACK]
    fake.emit('change.checkout', { callId: 'x', repoId: 'r1' })
    await expect.poll(() => onGembaBranch(store.getState())).toEqual([])
  })

  it('goes back, and keeps a refusal for the repository that asked', async () => {
    let answer = [ON]
    const fake = fakeClient({
      'change.checkouts': () => answer,
      'change.returnTo': () => {
        answer = [BACK]
        return BACK
      },
    })
    const store = createCheckoutStore(fake.client)
    await store.getState().returnTo('r1')
    expect(fake.inputs('change.returnTo')).toEqual([{ repoId: 'r1' }])
    expect(store.getState()).toMatchObject({ returning: null, error: null, checkouts: [BACK] })
    fake.answer({
      'change.returnTo': () => {
        throw new BridgeError({
          code: 'dirty_working_tree',
          message: 'Switching to main would overwrite your edits to a.ts. Nothing was changed.',
        })
      },
    })
    await store.getState().returnTo('r1')
    expect(store.getState().error).toMatchObject({ repoId: 'r1', error: { code: 'dirty_working_tree' } })
  })
})
