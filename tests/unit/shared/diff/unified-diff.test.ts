import { describe, expect, it } from 'vitest'
import { diffStats, parseDiff } from '../../../../shared/diff/unified-diff.ts'

describe('parseDiff', () => {
  it('tells file and hunk headers, added, removed and context lines apart, with their line numbers', () => {
    const lines = parseDiff('diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -1,2 +1,2 @@\n keep\n-old\n+new\n')
    expect(lines.map((line) => line.kind)).toEqual(['file', 'file', 'file', 'hunk', 'ctx', 'del', 'add'])
    expect(lines.slice(4).map((line) => [line.text, line.oldNo, line.newNo])).toEqual([
      ['keep', 1, 1],
      ['old', 2, null],
      ['new', null, 2],
    ])
    expect(lines.every((line) => line.path === 'x.ts')).toBe(true)
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 })
  })

  it('follows each file of a whole change, new and deleted files included', () => {
    const diff = '--- /dev/null\n+++ b/test/new.test.js\n@@ -0,0 +1 @@\n+it()\n--- a/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x = 1\n'
    const lines = parseDiff(diff)
    expect(lines.filter((line) => line.kind === 'add').map((line) => line.path)).toEqual(['test/new.test.js'])
    expect(lines.filter((line) => line.kind === 'del').map((line) => line.path)).toEqual(['gone.py'])
  })

  it('reads a removed SQL comment as code, not as a file header, by counting the hunk', () => {
    const lines = parseDiff('--- a/q.sql\n+++ b/q.sql\n@@ -1,2 +1,1 @@\n--- old comment\n select 1\n')
    expect(lines.slice(3).map((line) => [line.kind, line.text])).toEqual([
      ['del', '-- old comment'],
      ['ctx', 'select 1'],
    ])
  })

  it('recovers after a hand-edited hunk whose counts are off, and skips "no newline" markers', () => {
    const lines = parseDiff(
      '@@ -1,9 +1,9 @@\n-a\n+b\n\\ No newline at end of file\ndiff --git a/y b/y\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n-c\n+d\n',
    )
    expect(lines.map((line) => line.kind)).toEqual(['hunk', 'del', 'add', 'file', 'file', 'file', 'hunk', 'del', 'add'])
    expect(lines.at(-1)?.path).toBe('y')
  })
})
