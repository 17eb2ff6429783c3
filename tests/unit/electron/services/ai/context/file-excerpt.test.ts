import { describe, expect, it } from 'vitest'
import { indentOutline, outlineExcerpt, signatureExcerpt } from '../../../../../../electron/services/ai/context/file-excerpt.ts'

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

describe('indentOutline', () => {
  it('gives a long build definition as its outermost lines, then the next level in file order while they fit, without comments', () => {
    const pom = [
      '<project>',
      '    <!-- the parent build -->',
      '    <artifactId>shop-parent</artifactId>',
      '    <modules>',
      '        <module>shop</module>',
      '        <module>shop-client</module>',
      '    </modules>',
      '    <build>',
      '        <plugins>',
      ...Array.from(
        { length: 60 },
        (_, i) => `            <plugin><artifactId>maven-plugin-${i}</artifactId><configuration>long settings</configuration></plugin>`,
      ),
      '        </plugins>',
      '    </build>',
      '</project>',
    ].join('\n')
    const outline = indentOutline(pom, 500)!
    expect(outline.form).toBe('signatures')
    const shown = outline.body.split('\n')
    expect(shown.slice(0, 8)).toEqual([
      '1\t<project>',
      '3\t    <artifactId>shop-parent</artifactId>',
      '4\t    <modules>',
      '5\t        <module>shop</module>',
      '6\t        <module>shop-client</module>',
      '7\t    </modules>',
      '8\t    <build>',
      '9\t        <plugins>',
    ])
    expect(shown.some((line) => line.includes('maven-plugin-59'))).toBe(false)
    expect(shown.at(-1)).toMatch(/^… \(72 lines; its outline by indentation/)
    expect(outline.body.length).toBeLessThanOrEqual(500)
  })

  it('keeps a crate root’s modules and re-exports and leaves its long doc comment out; null when not even the top level fits', () => {
    const root = [
      ...Array.from({ length: 80 }, (_, i) => `//! Line ${i} of the crate documentation, with an example.`),
      '#![forbid(unsafe_code)]',
      'pub mod routing;',
      'pub use self::routing::Router;',
    ].join('\n')
    expect(indentOutline(root, 400)?.body.split('\n').slice(0, 3)).toEqual([
      '81\t#![forbid(unsafe_code)]',
      '82\tpub mod routing;',
      '83\tpub use self::routing::Router;',
    ])
    expect(indentOutline(Array.from({ length: 100 }, (_, i) => `AC_CHECK_FUNC(function_${i})`).join('\n'), 400)).toBeNull()
  })
})
