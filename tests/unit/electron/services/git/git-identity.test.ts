// The commit identity: the repository's config first, then the global files; a git config file's [user]
// section parsed the way git reads it; in a linked worktree, the config it shares with its main checkout
// (and its own config.worktree), checked against what git itself answers there.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseUserSection, readGitIdentity } from '../../../../../electron/services/git/git-identity.ts'
import { withRepository } from '../../../../../electron/services/git/repository.ts'
import { buildRepo, RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder | undefined
let home: string | undefined
let linked: string | undefined

afterEach(async () => {
  await repo?.cleanup()
  if (home) await rm(home, { recursive: true, force: true })
  if (linked) await rm(linked, { recursive: true, force: true })
  linked = undefined
})

describe('parseUserSection', () => {
  it('reads name and email from [user] only, ignoring comments and quotes', () => {
    const text = '[core]\n\tname = not me\n[user]\n\tname = "Grace Hopper" ; comment\n\temail = grace@example.com\n[user "x"]\n'
    expect(parseUserSection(text)).toEqual({ name: 'Grace Hopper', email: 'grace@example.com' })
  })
})

const identityOf = (path: string, home: string) => withRepository(path, (repo) => readGitIdentity(repo, home))

describe('readGitIdentity', () => {
  it('prefers the repository, falls back to the global file, and answers null when neither has one', async () => {
    repo = await buildRepo()
    home = await mkdtemp(join(tmpdir(), 'gemba-'))
    expect(await identityOf(repo.dir, home)).toBeNull()
    await writeFile(join(home, '.gitconfig'), '[user]\n  name = Global Person\n  email = global@example.com\n')
    expect(await identityOf(repo.dir, home)).toEqual({ name: 'Global Person', email: 'global@example.com', source: 'global' })
    await mkdir(join(home, 'xdg', 'git'), { recursive: true })
    await repo.git(['config', 'user.name', 'Repo Person'])
    await repo.git(['config', 'user.email', 'repo@example.com'])
    expect(await identityOf(repo.dir, home)).toEqual({ name: 'Repo Person', email: 'repo@example.com', source: 'repository' })
  })
})

describe('readGitIdentity in a linked worktree', () => {
  it('reads the config the worktree shares with its main checkout, as git does', async () => {
    repo = await buildRepo()
    home = await mkdtemp(join(tmpdir(), 'gemba-'))
    await repo.commit('first')
    await repo.git(['config', 'user.name', 'Shared Person'])
    await repo.git(['config', 'user.email', 'shared@example.com'])
    linked = join(await mkdtemp(join(tmpdir(), 'gemba-')), 'linked')
    await repo.git(['worktree', 'add', '-q', '-b', 'other', linked])
    const inLinked = new RepoBuilder(linked)
    expect((await inLinked.git(['config', 'user.name'])).trim()).toBe('Shared Person')
    expect(await identityOf(linked, home)).toEqual({ name: 'Shared Person', email: 'shared@example.com', source: 'repository' })
  })

  it("takes the worktree's own config.worktree over the shared one when worktreeConfig is on", async () => {
    repo = await buildRepo()
    home = await mkdtemp(join(tmpdir(), 'gemba-'))
    await repo.commit('first')
    await repo.git(['config', 'user.name', 'Shared Person'])
    await repo.git(['config', 'user.email', 'shared@example.com'])
    await repo.git(['config', 'extensions.worktreeConfig', 'true'])
    linked = join(await mkdtemp(join(tmpdir(), 'gemba-')), 'linked')
    await repo.git(['worktree', 'add', '-q', '-b', 'other', linked])
    const inLinked = new RepoBuilder(linked)
    await inLinked.git(['config', '--worktree', 'user.email', 'worktree@example.com'])
    expect((await inLinked.git(['config', 'user.email'])).trim()).toBe('worktree@example.com')
    expect((await repo.git(['config', 'user.email'])).trim()).toBe('shared@example.com')
    expect(await identityOf(linked, home)).toEqual({ name: 'Shared Person', email: 'worktree@example.com', source: 'repository' })
    expect(await identityOf(repo.dir, home)).toEqual({ name: 'Shared Person', email: 'shared@example.com', source: 'repository' })
  })
})
