// How to share a Gemba branch: the push command and a compare (pull/merge request) link built from
// the remote's URL for GitHub, GitLab and Bitbucket, over https or ssh; without a remote, no push
// command (there is nowhere to push) but how to add one. Pure; never pushes.
import type { PushHelp } from '../../../../shared/models/change.ts'

interface HostedRepo {
  readonly host: string
  readonly path: string
}

/** https://host/owner/repo(.git), ssh://git@host(:port)/owner/repo.git, git@host:owner/repo.git. */
export function parseRemoteUrl(url: string): HostedRepo | null {
  const trimmed = url.trim()
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/.exec(trimmed)
  if (scp?.[1] && scp[2]) return { host: scp[1].toLowerCase(), path: scp[2] }
  try {
    const parsed = new URL(trimmed)
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) return null
    const path = parsed.pathname
      .replace(/^\/+/, '')
      .replace(/\.git\/?$/, '')
      .replace(/\/+$/, '')
    return path.includes('/') ? { host: parsed.hostname.toLowerCase(), path } : null
  } catch {
    return null
  }
}

export function pushHelp(remote: { name: string; url: string } | null, branch: string, base: string): PushHelp {
  if (!remote)
    return {
      remote: null,
      pushCommand: null,
      compareUrl: null,
      host: null,
      addRemote: `git remote add origin <the repository's URL>\ngit push -u origin ${branch}`,
    }
  const pushCommand = `git push -u ${remote.name} ${branch}`
  const hosted = parseRemoteUrl(remote.url)
  const none = { addRemote: null }
  if (!hosted) return { remote: remote.name, pushCommand, compareUrl: null, host: null, ...none }
  const b = encodeURIComponent(branch).replaceAll('%2F', '/')
  const t = encodeURIComponent(base).replaceAll('%2F', '/')
  if (hosted.host === 'github.com' || hosted.host.startsWith('github.')) {
    return {
      remote: remote.name,
      pushCommand,
      compareUrl: `https://${hosted.host}/${hosted.path}/compare/${t}...${b}?expand=1`,
      host: 'github',
      ...none,
    }
  }
  if (hosted.host === 'gitlab.com' || hosted.host.startsWith('gitlab.')) {
    const query = `merge_request%5Bsource_branch%5D=${encodeURIComponent(branch)}&merge_request%5Btarget_branch%5D=${encodeURIComponent(base)}`
    return {
      remote: remote.name,
      pushCommand,
      compareUrl: `https://${hosted.host}/${hosted.path}/-/merge_requests/new?${query}`,
      host: 'gitlab',
      ...none,
    }
  }
  if (hosted.host === 'bitbucket.org') {
    return {
      remote: remote.name,
      pushCommand,
      compareUrl: `https://bitbucket.org/${hosted.path}/pull-requests/new?source=${encodeURIComponent(branch)}&dest=${encodeURIComponent(base)}`,
      host: 'bitbucket',
      ...none,
    }
  }
  return { remote: remote.name, pushCommand, compareUrl: null, host: null, ...none }
}
