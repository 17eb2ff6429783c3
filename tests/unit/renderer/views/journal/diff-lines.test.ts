import { describe, expect, it } from 'vitest'
import { diffLines, diffStats } from '../../../../../renderer/views/journal/diff-lines.ts'

describe('diffLines', () => {
  it('tells added, removed, hunk, file and context lines apart', () => {
    const lines = diffLines('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n keep\n-old\n+new\n')
    expect(lines.map((line) => line.kind)).toEqual(['file', 'file', 'file', 'hunk', 'context', 'removed', 'added'])
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 })
  })
})
