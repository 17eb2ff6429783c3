// Who the commit is by: user.name/user.email as git itself would take them: the repository's config
// (read in the common git folder, so a linked worktree sees the config it shares with its main
// checkout, then the worktree's own config.worktree when extensions.worktreeConfig is on), else the
// global one (~/.gitconfig, then $XDG_CONFIG_HOME/git/config). Read-only; the home folder comes in
// as an argument.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GitIdentity } from '../../../shared/models/change.ts'
import { configBool, parseGitConfig } from './git-config.ts'
import type { GitRepo } from './repository.ts'

interface ConfigValues {
  name?: string
  email?: string
  worktreeConfig?: boolean
}

/** The [user] name and email of a git config file's text (last value wins, as in git). */
export function parseUserSection(text: string): { name?: string; email?: string } {
  const { name, email } = parseConfig(text)
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) }
}

/** [user] name and email, and [extensions] worktreeConfig, of a config file's text (git-config.ts reads it). */
function parseConfig(text: string): ConfigValues {
  const found: ConfigValues = {}
  for (const { key, value } of parseGitConfig(text)) {
    if ((key === 'user.name' || key === 'user.email') && value.trim()) found[key === 'user.name' ? 'name' : 'email'] = value.trim()
    else if (key === 'extensions.worktreeconfig') found.worktreeConfig = configBool(value) === true
  }
  return found
}

async function configFile(path: string): Promise<ConfigValues> {
  return parseConfig(await readFile(path, 'utf8').catch(() => ''))
}

/** The repository's own values: the common config, then the worktree's config.worktree when enabled. */
async function repositoryConfig(repo: GitRepo): Promise<{ name?: string; email?: string }> {
  const common = await configFile(join(repo.commondir, 'config'))
  const own = common.worktreeConfig ? await configFile(join(repo.gitdir, 'config.worktree')) : {}
  const name = own.name ?? common.name
  const email = own.email ?? common.email
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) }
}

export async function readGitIdentity(repo: GitRepo, home: string, xdgConfigHome?: string): Promise<GitIdentity | null> {
  const { name, email } = await repositoryConfig(repo)
  if (name && email) return { name, email, source: 'repository' }
  const files = [join(xdgConfigHome ?? join(home, '.config'), 'git', 'config'), join(home, '.gitconfig')]
  const global: { name?: string; email?: string } = {}
  for (const file of files) Object.assign(global, parseUserSection(await readFile(file, 'utf8').catch(() => '')))
  const merged = { name: name ?? global.name, email: email ?? global.email }
  return merged.name && merged.email ? { name: merged.name, email: merged.email, source: name || email ? 'repository' : 'global' } : null
}
