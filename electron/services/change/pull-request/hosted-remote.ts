// Where a remote lives on the web: the code host (GitHub, GitLab, Bitbucket, Azure DevOps, or one Gemba
// does not know), the web host and the repository's path there, read from the remote's URL in its https,
// ssh and scp-like (git@host:path) forms. Never keeps the URL's user or password: only the host and path
// come out. Pure.
import type { CodeHost } from '../../../../shared/models/change.ts'

export interface HostedRemote {
  readonly kind: CodeHost | null
  /** The host (with its port, for an https remote) the repository's web pages are on. */
  readonly webHost: string
  /** The repository's path on that host: owner/repo, group/subgroup/repo, org/project/_git/repo. */
  readonly webPath: string
}

const SCP_LIKE = /^(?:[^@/\s]+@)?([^@:/\s]{2,}):(?!\/)(.+)$/
const URL_PROTOCOLS = new Set(['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'])

/** The web side of a remote URL; null for a local path, a file:// URL or anything without owner/repo. */
export function hostedRemote(url: string): HostedRemote | null {
  const place = placeOf(url.trim())
  if (!place) return null
  const path = place.path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
  if (!path.includes('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) return null
  return webSide(place.host.toLowerCase(), place.port, path)
}

/** The machine a remote URL points at (no user, no password), or null for a local path. */
export function remoteHost(url: string): string | null {
  return placeOf(url.trim())?.host.toLowerCase() ?? null
}

interface Place {
  readonly host: string
  /** The port of an http(s) URL (the web pages are on it too); ssh ports say nothing about the web. */
  readonly port: string
  readonly path: string
}

function placeOf(url: string): Place | null {
  if (!url.includes('://')) {
    const scp = SCP_LIKE.exec(url)
    // Azure DevOps writes a space in a project's name as %20 here too.
    return scp?.[1] && scp[2] ? { host: scp[1], port: '', path: decoded(scp[2]) } : null
  }
  try {
    const parsed = new URL(url)
    if (!URL_PROTOCOLS.has(parsed.protocol) || !parsed.hostname) return null
    const web = parsed.protocol === 'https:' || parsed.protocol === 'http:'
    return { host: parsed.hostname, port: web ? parsed.port : '', path: decoded(parsed.pathname) }
  } catch {
    return null
  }
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

function webSide(host: string, port: string, path: string): HostedRemote | null {
  const webHost = port ? `${host}:${port}` : host
  // Azure DevOps over ssh: v3/org/project/repo on ssh.dev.azure.com or vs-ssh.visualstudio.com.
  if (host === 'ssh.dev.azure.com' || host === 'vs-ssh.visualstudio.com') {
    const parts = /^v3\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path)
    if (!parts) return null
    const [, org, project, repo] = parts
    return host === 'ssh.dev.azure.com'
      ? { kind: 'azure', webHost: 'dev.azure.com', webPath: `${org}/${project}/_git/${repo}` }
      : { kind: 'azure', webHost: `${org}.visualstudio.com`, webPath: `${project}/_git/${repo}` }
  }
  if (host === 'dev.azure.com' || host.endsWith('.visualstudio.com'))
    return path.includes('/_git/') ? { kind: 'azure', webHost, webPath: path } : null
  if (host === 'github.com' || host === 'ssh.github.com' || host.startsWith('github.'))
    return { kind: 'github', webHost: host === 'ssh.github.com' ? 'github.com' : webHost, webPath: path }
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return { kind: 'gitlab', webHost, webPath: path }
  if (host === 'bitbucket.org') return { kind: 'bitbucket', webHost, webPath: path }
  return { kind: null, webHost, webPath: path }
}
