import { describe, expect, it } from 'vitest'
import { outlineExcerpt } from '../../../../../../electron/services/ai/context/file-excerpt.ts'

describe('outlineExcerpt', () => {
  it('gives a long document as its headings with their first lines, at their real line numbers', () => {
    const text = [
      'Title',
      '=====',
      '',
      'What this is.',
      '',
      '## Install',
      '',
      '```sh',
      '# not a heading',
      '```',
      'Run the installer.',
      '',
      'Usage',
      '-----',
      'Call it.',
    ].join('\n')
    const outline = outlineExcerpt(text)
    expect(outline.form).toBe('signatures')
    expect(outline.body.split('\n')).toEqual([
      '1\tTitle',
      '4\tWhat this is.',
      '6\t## Install',
      '11\tRun the installer.',
      '13\tUsage',
      '15\tCall it.',
      "… (15 lines; headings and each section's first line only, read_file shows the rest)",
    ])
  })
})
