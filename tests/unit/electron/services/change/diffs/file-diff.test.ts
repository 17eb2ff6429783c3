// A file's change is its hunks; the text is rendered from them, as the `diff` package writes a patch,
// and what reads it back (the one parser) agrees with the hunks. Counted from the hunks, a line of code
// that starts with "++" or "--" is an addition or a removal like any other.
import { createTwoFilesPatch } from 'diff'
import { describe, expect, it } from 'vitest'
import { addedLines } from '../../../../../../electron/services/change/diffs/authorship.ts'
import { fileDiff } from '../../../../../../electron/services/change/diffs/file-diff.ts'
import { diffPaths, diffStats, parseDiff } from '../../../../../../shared/diff/unified-diff.ts'

const cases: [string, string | null, string | null][] = [
  ['src/a.ts', 'one\ntwo\nthree\n', 'one\n2\nthree\nfour'],
  ['src/new.ts', null, 'fresh\nlines\n'],
  ['src/gone.ts', 'old\n', null],
  ['src/long.ts', `${'x\n'.repeat(20)}a\n${'y\n'.repeat(20)}`, `${'x\n'.repeat(20)}b\n${'y\n'.repeat(20)}c\n`],
]

describe('fileDiff', () => {
  it('renders its hunks as the diff package writes the patch, and parses back to the same counts', () => {
    for (const [path, before, after] of cases) {
      const file = fileDiff(path, before, after)
      const expected = createTwoFilesPatch(
        before === null ? '/dev/null' : `a/${path}`,
        after === null ? '/dev/null' : `b/${path}`,
        before ?? '',
        after ?? '',
        undefined,
        undefined,
        { context: 3 },
      ).replace(/^(?:Index:.*\n)?=+\n/, '')
      expect(file.diff, path).toBe(expected)
      expect(diffStats(parseDiff(file.diff))).toEqual({ added: file.additions, removed: file.deletions })
      expect(diffPaths(file.diff)).toEqual([path])
    }
  })

  it('counts a line of code that starts with "++" or "--" as what it is', () => {
    const file = fileDiff('src/count.c', 'int i;\n-- a comment\n', 'int i;\n++i;\n')
    expect(file).toMatchObject({ additions: 1, deletions: 1 })
    expect(file.hunks.flatMap((hunk) => hunk.lines)).toEqual([' int i;', '--- a comment', '+++i;'])
    expect(addedLines([file])).toBe(1)
    expect(
      parseDiff(file.diff)
        .filter((line) => line.kind === 'add' || line.kind === 'del')
        .map((line) => line.text),
    ).toEqual(['-- a comment', '++i;'])
  })
})
