// Who the commit is by: user.name/user.email from the repository's git config, else the global one
// (~/.gitconfig, then $XDG_CONFIG_HOME/git/config). Read-only; the home folder comes in as an argument.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { gitFs } from './git-fs.ts'
import type { GitIdentity } from '../../../shared/models/change.ts'

/** The [user] name and email of a git config file's text (last value wins, as in git). */
export function parseUserSection(text: string): { name?: string; email?: string } {
  let inUser = false
  const found: { name?: string; email?: string } = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)[#;].*$/, '').trim()
    const section = /^\[\s*([^\]\s"]+)(?:\s+"[^"]*")?\s*\]$/.exec(line)
    if (section) {
      inUser = section[1]?.toLowerCase() === 'user'
      continue
    }
    if (!inUser) continue
    const pair = /^(name|email)\s*=\s*(.*)$/i.exec(line)
    if (pair?.[1] && pair[2] !== undefined) {
      const value = pair[2].replace(/^"(.*)"$/, '$1').trim()
      if (value) found[pair[1].toLowerCase() as 'name' | 'email'] = value
    }
  }
  return found
}

export async function readGitIdentity(root: string, home: string, xdgConfigHome?: string): Promise<GitIdentity | null> {
  const name = (await git.getConfig({ fs: gitFs, dir: root, path: 'user.name' }).catch(() => undefined)) as string | undefined
  const email = (await git.getConfig({ fs: gitFs, dir: root, path: 'user.email' }).catch(() => undefined)) as string | undefined
  if (name && email) return { name, email, source: 'repository' }
  const files = [join(xdgConfigHome ?? join(home, '.config'), 'git', 'config'), join(home, '.gitconfig')]
  const global: { name?: string; email?: string } = {}
  for (const file of files) Object.assign(global, parseUserSection(await readFile(file, 'utf8').catch(() => '')))
  const merged = { name: name ?? global.name, email: email ?? global.email }
  return merged.name && merged.email ? { name: merged.name, email: merged.email, source: name || email ? 'repository' : 'global' } : null
}
