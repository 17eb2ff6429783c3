// Whose hands wrote a change: the lines its hunks add that hold something (blank lines and the leader's
// TODO(human) marker do not count). Pure.
import type { FileChange } from '../../../../shared/models/change.ts'
import { LEADER_MARKER } from '../drafts/staged-copy.ts'

export function addedLines(files: readonly Pick<FileChange, 'hunks'>[]): number {
  let count = 0
  for (const file of files)
    for (const hunk of file.hunks)
      for (const line of hunk.lines) {
        if (!line.startsWith('+')) continue
        const text = line.slice(1).trim()
        if (text !== '' && !text.includes(LEADER_MARKER)) count++
      }
  return count
}
