import { mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listFolders } from '../../../../../../electron/services/repos/folders/list-folders.ts'
import { suggestFolders } from '../../../../../../electron/services/repos/folders/suggest-folders.ts'
import { GembaError } from '../../../../../../shared/errors.ts'
import { makeTempFolder } from '../../../../../fixtures/repo-builder.ts'

let home: string
let outside: string

beforeEach(async () => {
  home = await realpath(await makeTempFolder())
  outside = await realpath(await makeTempFolder())
  // ~/code/{payments (a repo), notes}, ~/work/team/api (a repo two levels down), a hidden folder,
  // a file, a link to a folder inside home, and links that lead out of it.
  for (const folder of ['code/payments/.git', 'code/notes', 'work/team/api/.git', '.cache/big', 'Documents'])
    await mkdir(join(home, folder), { recursive: true })
  await mkdir(join(outside, 'secret-repo', '.git'), { recursive: true })
  await writeFile(join(home, 'todo.txt'), 'x')
  await symlink(join(home, 'code'), join(home, 'my-code'))
  await symlink(outside, join(home, 'elsewhere'))
  await symlink(join(outside, 'secret-repo'), join(home, 'code', 'linked-out'))
})

afterEach(async () => {
  await rm(home, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

describe('listFolders', () => {
  it('lists the home folder’s folders (links inside it too), marks repositories, and hides the rest', async () => {
    const listing = await listFolders(home, undefined)
    expect(listing).toMatchObject({ path: home, parent: null, home, truncated: false })
    expect(listing.folders.map((folder) => folder.name)).toEqual(['code', 'Documents', 'my-code', 'work'])
    const code = await listFolders(home, '~/code')
    expect(code.parent).toBe(home)
    expect(code.folders).toEqual([
      { name: 'notes', path: join(home, 'code', 'notes'), repository: false },
      { name: 'payments', path: join(home, 'code', 'payments'), repository: true },
    ])
  })

  it('never lists a folder outside the home folder, by path or through a link', async () => {
    for (const path of [outside, '~/elsewhere', '~/../', '~/code/linked-out']) {
      const error = await listFolders(home, path).then(
        () => null,
        (caught: unknown) => caught,
      )
      expect(error, path).toBeInstanceOf(GembaError)
      expect((error as GembaError).code).toBe('refused')
    }
    expect((await listFolders(home, '~/my-code')).folders.map((folder) => folder.name)).toEqual(['notes', 'payments'])
  })
})

describe('suggestFolders', () => {
  it('finds repositories within two levels of the code folders, never through a link out of home', async () => {
    const suggestions = await suggestFolders(home, [])
    expect(suggestions.found.map((folder) => folder.path)).toEqual([join(home, 'code', 'payments'), join(home, 'work', 'team', 'api')])
  })

  it('leaves out repositories already added and offers the folders they live in', async () => {
    const added = [{ id: 'r1', name: 'payments', path: join(home, 'code', 'payments'), addedAt: '2026-01-01T00:00:00Z' }]
    const suggestions = await suggestFolders(home, added)
    expect(suggestions.found.map((folder) => folder.name)).toEqual(['api'])
    expect(suggestions.recent).toEqual([{ name: 'code', path: join(home, 'code'), repository: false }])
  })
})
