import { describe, expect, it } from 'vitest'
import type { ModuleBox } from '../../../../../shared/module-view.ts'
import type { RepoVisits } from '../../../../../shared/models/sessions.ts'
import { boxHolds, boxVisits, visitsSentence } from '../../../../../renderer/views/repos/map-visits.ts'

const box = (kind: ModuleBox['kind'], path: string, members: string[] = []): ModuleBox => ({
  id: path.replace(/\W/g, '_'),
  path,
  label: path,
  kind,
  members,
  files: 1,
  lines: 1,
  language: null,
  role: 'source',
  supporting: false,
  drillable: false,
})

describe('boxHolds', () => {
  it('holds a folder’s whole subtree, a folder’s own files only, one file, or a group’s members', () => {
    expect(boxHolds(box('folder', 'src/api'), 'src/api/v2/x.ts')).toBe(true)
    expect(boxHolds(box('folder', 'src/api'), 'src/apiary/x.ts')).toBe(false)
    expect(boxHolds(box('files', 'src'), 'src/main.ts')).toBe(true)
    expect(boxHolds(box('files', 'src'), 'src/api/x.ts')).toBe(false)
    expect(boxHolds(box('file', 'src/main.ts'), 'src/main.ts')).toBe(true)
    const group = box('group', 'src', ['src/jobs', 'src/'])
    expect(boxHolds(group, 'src/jobs/nightly.ts')).toBe(true)
    expect(boxHolds(group, 'src/index.ts')).toBe(true)
    expect(boxHolds(group, 'src/api/x.ts')).toBe(false)
  })
})

describe('boxVisits', () => {
  const visits: RepoVisits = {
    repoId: 'r',
    hours: 2,
    from: null,
    to: null,
    paths: [
      { path: 'src/api/a.ts', read: 1, cited: 0, changed: 0 },
      { path: 'src/api/b.ts', read: 0, cited: 2, changed: 0 },
    ],
    truncated: false,
  }
  it('counts the files of each kind and shades by the deepest kind', () => {
    const api = boxVisits(box('folder', 'src/api'), visits)
    expect(api).toEqual({ read: 1, cited: 1, changed: 0, shade: 'cited' })
    expect(visitsSentence(api)).toBe('Here you were walked through 1 file and read 1 file.')
    expect(boxVisits(box('folder', 'src/db'), visits).shade).toBe('none')
  })
})
