// The file system isomorphic-git writes a team's repository through: every file it writes (objects,
// refs, HEAD, checked-out files) replaces the old one atomically, so a process killed mid-write never
// leaves an empty object, a torn ref or a half file behind. Reads go to node:fs.
import * as fs from 'node:fs'
import { writeFileAtomic } from '../fs/atomic-write.ts'

type WriteOptions = string | { readonly mode?: number } | undefined

export const gitFs = {
  promises: {
    ...fs.promises,
    writeFile: (path: string, data: string | Uint8Array, options?: WriteOptions): Promise<void> => {
      const mode = typeof options === 'object' ? options.mode : undefined
      return writeFileAtomic(path, data, mode === undefined ? {} : { mode })
    },
  },
}
