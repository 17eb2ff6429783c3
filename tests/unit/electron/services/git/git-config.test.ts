// git's configuration as git reads it for a working tree: values parsed as git parses them (quotes,
// escapes, comments, continued lines, subsections), the global files, the repository's, includes and
// includeIf "gitdir:" conditions, each answer checked against `git config --get` in the same setting.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { configBool, parseGitConfig, readGitConfig } from '../../../../../electron/services/git/git-config.ts'
import { gitDirsOf } from '../../../../../electron/services/git/git-dir.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder | undefined
let home: string | undefined
afterEach(async () => {
  await repo?.cleanup()
  if (home) await rm(home, { recursive: true, force: true })
})

describe('parseGitConfig', () => {
  it('reads values as git does: quotes, escapes, comments, continued lines, and both subsection forms', () => {
    const text = [
      '[core]',
      '\texcludesFile = "~/my ignores" ; where mine are',
      '  ignoreCase',
      '[Status]',
      '    showUntrackedFiles = all # always',
      '[alias]',
      '\tlong = log \\',
      '\t\t--oneline',
      '\tquoted = "a;b#c" tail',
      '\tescaped = tab\\there\\\\',
      '[remote "Origin"]',
      '\turl = x',
      '[branch.Main]',
      '\tremote = origin',
    ].join('\n')
    expect(Object.fromEntries(parseGitConfig(text).map((entry) => [entry.key, entry.value]))).toEqual({
      'core.excludesfile': '~/my ignores',
      'core.ignorecase': '\0',
      'status.showuntrackedfiles': 'all',
      'alias.long': 'log \t\t--oneline',
      'alias.quoted': 'a;b#c tail',
      'alias.escaped': 'tab\there\\',
      'remote.Origin.url': 'x',
      'branch.main.remote': 'origin',
    })
    expect(configBool('\0')).toBe(true)
    expect(configBool('Off')).toBe(false)
  })
})

describe('readGitConfig', () => {
  async function setting() {
    repo = await buildRepo()
    home = await mkdtemp(join(tmpdir(), 'gemba-home-'))
    // git as the leader runs it: their home, their XDG folder, no system file (and no GIT_CONFIG_GLOBAL).
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, 'xdg'), GIT_CONFIG_NOSYSTEM: '1' }
    const git = async (key: string) =>
      (await promisify(execFile)('git', ['config', '--get', key], { cwd: repo!.dir, env }).catch(() => ({ stdout: '' }))).stdout.trim()
    const read = async () => readGitConfig(await gitDirsOf(repo!.dir), { home: home!, xdgConfigHome: join(home!, 'xdg') })
    return { git, read }
  }

  it('takes the repository over ~/.gitconfig over $XDG_CONFIG_HOME/git/config, and follows includes', async () => {
    const { git, read } = await setting()
    await mkdir(join(home!, 'xdg', 'git'), { recursive: true })
    await writeFile(join(home!, 'xdg', 'git', 'config'), '[core]\n\texcludesFile = /from/xdg\n[status]\n\tshowUntrackedFiles = no\n')
    await writeFile(join(home!, '.gitconfig'), '[include]\n\tpath = extra.inc\n')
    await writeFile(join(home!, 'extra.inc'), '[core]\n\texcludesFile = /from/include\n')
    expect(await git('core.excludesFile')).toBe('/from/include')
    expect((await read()).get('core.excludesFile')).toBe('/from/include')
    expect((await read()).get('status.showUntrackedFiles')).toBe(await git('status.showUntrackedFiles'))
    await repo!.git(['config', 'core.excludesFile', '/from/repo'])
    expect((await read()).get('core.excludesfile')).toBe(await git('core.excludesFile'))
  })

  it('includes a file only when its gitdir: condition holds', async () => {
    const { git, read } = await setting()
    const folder = repo!.dir.split('/').at(-1)!
    await writeFile(join(home!, 'match.inc'), '[core]\n\texcludesFile = /matched\n')
    await writeFile(join(home!, 'other.inc'), '[core]\n\texcludesFile = /other\n')
    await writeFile(
      join(home!, '.gitconfig'),
      `[includeIf "gitdir:${folder}/"]\n\tpath = match.inc\n[includeIf "gitdir:/nowhere/"]\n\tpath = other.inc\n`,
    )
    expect(await git('core.excludesFile')).toBe('/matched')
    expect((await read()).get('core.excludesFile')).toBe('/matched')
    await writeFile(join(home!, '.gitconfig'), `[includeIf "gitdir/i:${folder.toUpperCase()}/"]\n\tpath = match.inc\n`)
    expect((await read()).get('core.excludesFile')).toBe(await git('core.excludesFile'))
  })
})
