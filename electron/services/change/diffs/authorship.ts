// Whose hands wrote a change: the lines a diff adds that hold something (blank lines and the leader's
// TODO(human) marker do not count). Pure.
import type { FileChange } from '../../../../shared/models/change.ts'
import { LEADER_MARKER } from '../drafts/staged-copy.ts'

export function addedLines(files: readonly FileChange[]): number {
  let count = 0
  for (const file of files) {
    for (const line of file.diff.split('\n')) {
      if (!line.startsWith('+') || line.startsWith('+++')) continue
      const text = line.slice(1).trim()
      if (text !== '' && !text.includes(LEADER_MARKER)) count++
    }
  }
  return count
}
