import { describe, expect, it } from 'vitest'
import { createNavigationStore, type AddressPort } from '../../../../renderer/stores/navigation-store.ts'

function address(initial: string): AddressPort & { readonly pushed: string[]; set(hash: string): void } {
  let hash = initial
  const pushed: string[] = []
  return {
    pushed,
    hash: () => hash,
    push: (next) => {
      pushed.push(next)
      hash = next
    },
    set: (next) => void (hash = next),
  }
}

describe('the navigation store', () => {
  it('starts on the screen the address names, and on Today for anything else', () => {
    expect(createNavigationStore(address('#/journal')).getState().screen).toBe('journal')
    expect(createNavigationStore(address('#/nowhere')).getState().screen).toBe('today')
    expect(createNavigationStore(address('')).getState().screen).toBe('today')
  })

  it('adds a history entry per screen change, not for the screen already shown', () => {
    const where = address('#/today')
    const store = createNavigationStore(where)
    store.getState().go('settings')
    store.getState().go('settings')
    expect(store.getState().screen).toBe('settings')
    expect(where.pushed).toEqual(['#/settings'])
  })

  it('counts every choice of a screen, the screen shown too (a screen with parts of its own starts over)', () => {
    const store = createNavigationStore(address('#/journal'))
    store.getState().go('journal')
    store.getState().go('journal')
    expect(store.getState().visits).toBe(2)
  })

  it('follows Back and Forward (the address changed under it)', () => {
    const where = address('#/settings')
    const store = createNavigationStore(where)
    where.set('#/repos')
    store.getState().syncFromLocation()
    expect(store.getState().screen).toBe('repos')
  })
})
