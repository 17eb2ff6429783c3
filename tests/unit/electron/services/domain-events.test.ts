import { describe, expect, it } from 'vitest'
import { createDomainEvents } from '../../../../electron/services/domain-events.ts'

describe('domain events', () => {
  it('waits for every listener, and a failing one neither stops the others nor the one who announced', async () => {
    const failures: [string, unknown][] = []
    const events = createDomainEvents((event, error) => failures.push([event, error]))
    const heard: string[] = []
    events.on('journal.entryWritten', async ({ sessionId }) => {
      await new Promise((resolve) => setImmediate(resolve))
      heard.push(sessionId)
    })
    events.on('journal.entryWritten', () => {
      throw new Error('broken listener')
    })
    const unsubscribe = events.on('settings.journalFolderChanged', () => void heard.push('folder'))
    await events.emit('journal.entryWritten', { sessionId: 's1' })
    expect(heard).toEqual(['s1'])
    expect(failures).toEqual([['journal.entryWritten', new Error('broken listener')]])
    unsubscribe()
    await events.emit('settings.journalFolderChanged', { folder: '/x', create: false })
    expect(heard).toEqual(['s1'])
  })
})
