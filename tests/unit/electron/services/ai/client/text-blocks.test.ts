import { describe, expect, it } from 'vitest'
import { blockSeparator } from '../../../../../../electron/services/ai/client/text-blocks.ts'

describe('blockSeparator', () => {
  it('puts a blank line before a heading, a list, a quote or a fence that starts a block', () => {
    expect(blockSeparator('Let me look first.', '## Plan')).toBe('\n\n')
    expect(blockSeparator('Three parts:', '- the router')).toBe('\n\n')
    expect(blockSeparator('See', '```ts\nconst a = 1\n```')).toBe('\n\n')
  })

  it('joins a sentence split around a citation as it is, and adds only a space after a full stop', () => {
    expect(blockSeparator('The router lives in ', 'src/router.ts')).toBe('')
    expect(blockSeparator('It routes.', 'Then it logs.')).toBe(' ')
    expect(blockSeparator('Done.\n', '## Next')).toBe('')
    expect(blockSeparator('', '## First')).toBe('')
  })
})
