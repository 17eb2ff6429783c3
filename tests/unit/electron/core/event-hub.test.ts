import { describe, expect, it } from 'vitest'
import { EventHub } from '../../../../electron/core/event-hub.ts'

describe('EventHub', () => {
  it('delivers to every subscriber until it unsubscribes, and survives a throwing one', () => {
    const hub = new EventHub()
    const seen: string[] = []
    hub.subscribe(() => {
      throw new Error('closed window')
    })
    const off = hub.subscribe(({ event }) => seen.push(event))
    hub.emit('settings.changed', {})
    off()
    hub.emit('settings.changed', {})
    expect(seen).toEqual(['settings.changed'])
    expect(hub.size).toBe(1)
  })
})
