import { describe, expect, it } from 'vitest'
import { outlineExcerpt, signatureExcerpt } from '../../../../../../electron/services/ai/context/file-excerpt.ts'

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

describe('signatureExcerpt', () => {
  it('keeps the outermost declarations first when they do not all fit, and says how many it shows', () => {
    const lines = [
      '#include "x.h"',
      'struct Server {',
      ...Array.from({ length: 40 }, (_, i) => `  void method_${i}(int argument_${i});`),
      '};',
      'int server_start(void) { return 0; }',
    ]
    const definitions = [
      { name: 'Server', kind: 'class' as const, line: 2, endLine: 43, signature: 'struct Server' },
      ...Array.from({ length: 40 }, (_, i) => ({
        name: `method_${i}`,
        kind: 'method' as const,
        line: 3 + i,
        endLine: 3 + i,
        signature: `void method_${i}(int argument_${i})`,
      })),
      { name: 'server_start', kind: 'function' as const, line: 44, endLine: 44, signature: 'int server_start(void)' },
    ]
    const whole = signatureExcerpt(lines.join('\n'), definitions, 1)
    const cut = signatureExcerpt(lines.join('\n'), definitions, 1, 400)
    expect(whole.body).toContain('method_39')
    expect(cut.form).toBe('signatures')
    expect(cut.body.length).toBeLessThanOrEqual(400)
    expect(cut.body).toContain('2\tstruct Server')
    expect(cut.body).toContain('44\tint server_start(void)')
    expect(cut.body).not.toContain('method_39')
    expect(cut.body).toMatch(/of its 42 declarations, the outermost first/)
  })
})
