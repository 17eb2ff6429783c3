import { describe, expect, it } from 'vitest'
import { anchorSentence, codeDrift } from '../../../../../electron/services/journal/code-drift.ts'

describe('codeDrift', () => {
  const citations = [{ path: 'src/a.ts', line: 1 }, { path: 'src/a.ts', line: 40 }, { path: './src/b.ts' }, { path: 'src/c.ts' }]

  it('counts each cited file once and asks the callback between the two commits', async () => {
    const asked: string[] = []
    const drift = await codeDrift({
      citations,
      fromCommit: 'old',
      toCommit: 'new',
      changed: async (path, from, to) => {
        asked.push(`${path}@${from}..${to}`)
        return path !== 'src/b.ts'
      },
    })
    expect(asked).toEqual(['src/a.ts@old..new', 'src/b.ts@old..new', 'src/c.ts@old..new'])
    expect(drift).toMatchObject({ total: 3, changed: 2, summary: '2 of the 3 cited files changed since this session.' })
  })

  it('says which files could not be checked, and that nothing changed on the same commit', async () => {
    const unknown = await codeDrift({
      citations,
      fromCommit: 'a',
      toCommit: 'b',
      changed: async (path) => (path === 'src/c.ts' ? null : false),
    })
    expect(unknown.summary).toBe('None of the 3 cited files changed since this session. 1 could not be checked.')
    const same = await codeDrift({ citations, fromCommit: 'a', toCommit: 'a', changed: async () => true })
    expect(same.changed).toBe(0)
    expect((await codeDrift({ citations: [], fromCommit: 'a', toCommit: 'b', changed: async () => true })).summary).toBe(
      'This session cited no files.',
    )
  })
})

describe('anchorSentence', () => {
  const at = (status: 'unchanged' | 'moved' | 'changed' | 'vanished' | 'unknown') => ({
    path: 'a.ts',
    line: 1,
    endLine: 1,
    status,
    now: null,
  })
  it('says how many cited places moved, changed or vanished, and which could not be checked', () => {
    expect(anchorSentence([at('moved'), at('moved'), at('changed'), at('vanished'), at('unchanged')])).toBe(
      'Of the 5 cited places, 2 moved, 1 changed and 1 vanished since this session.',
    )
    expect(anchorSentence([at('vanished'), at('unknown')])).toBe(
      'Of the 2 cited places, 1 vanished since this session. 1 could not be checked.',
    )
    expect(anchorSentence([at('unchanged'), at('unchanged')])).toBe('The 2 cited places are where they were.')
    expect(anchorSentence([at('unchanged'), at('unknown')])).toBe(
      'The cited place that could be checked is where it was. 1 could not be checked.',
    )
    expect(anchorSentence([at('unchanged')])).toBe('The cited place is where it was.')
  })
})
