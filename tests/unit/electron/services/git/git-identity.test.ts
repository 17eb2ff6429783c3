// The commit identity: the repository's config first, then the global files; a git config file's [user]
// section parsed the way git reads it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseUserSection, readGitIdentity } from '../../../../../electron/services/git/git-identity.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder | undefined
let home: string | undefined

afterEach(async () => {
  await repo?.cleanup()
  if (home) await rm(home, { recursive: true, force: true })
})

describe('parseUserSection', () => {
  it('reads name and email from [user] only, ignoring comments and quotes', () => {
    const text = '[core]\n\tname = not me\n[user]\n\tname = "Grace Hopper" ; comment\n\temail = grace@example.com\n[user "x"]\n'
    expect(parseUserSection(text)).toEqual({ name: 'Grace Hopper', email: 'grace@example.com' })
  })
})

describe('readGitIdentity', () => {
  it('prefers the repository, falls back to the global file, and answers null when neither has one', async () => {
    repo = await buildRepo()
    home = await mkdtemp(join(tmpdir(), 'gemba-'))
    expect(await readGitIdentity(repo.dir, home)).toBeNull()
    await writeFile(join(home, '.gitconfig'), '[user]\n  name = Global Person\n  email = global@example.com\n')
    expect(await readGitIdentity(repo.dir, home)).toEqual({ name: 'Global Person', email: 'global@example.com', source: 'global' })
    await mkdir(join(home, 'xdg', 'git'), { recursive: true })
    await repo.git(['config', 'user.name', 'Repo Person'])
    await repo.git(['config', 'user.email', 'repo@example.com'])
    expect(await readGitIdentity(repo.dir, home)).toEqual({ name: 'Repo Person', email: 'repo@example.com', source: 'repository' })
  })
})
