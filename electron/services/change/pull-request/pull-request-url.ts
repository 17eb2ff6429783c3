// The host's new-pull-request page for a pushed branch, built from the remote's web side: GitHub's
// compare page, GitLab's new merge request, Bitbucket's and Azure DevOps' pull-request create pages.
// GitHub and GitLab take the title and description in the address; they go there only while the whole
// address stays within MAX_URL_LENGTH (servers refuse longer ones), else the leader pastes them. Always
// https on the remote's own host; pure.
import type { HostedRemote } from './hosted-remote.ts'

/** Well under the 8 KB request line most servers accept, with room for their redirects. */
export const MAX_URL_LENGTH = 6_000

export interface PullRequestText {
  readonly title: string
  readonly body: string
}

export interface PullRequestPage {
  readonly url: string
  /** True when the title and description are in the address. */
  readonly textInUrl: boolean
}

/** A commit id is no branch to compare with: the host's default branch is taken instead. */
const isCommitId = (base: string | null) => base === null || /^[0-9a-f]{40}$/.test(base)

/** null for a host Gemba does not know the page of. */
export function pullRequestPage(
  remote: HostedRemote,
  branch: string,
  base: string | null,
  text: PullRequestText | null = null,
): PullRequestPage | null {
  const target = isCommitId(base) ? null : base
  const repo = `https://${remote.webHost}/${remote.webPath.split('/').map(encodeURIComponent).join('/')}`
  const q = encodeURIComponent
  switch (remote.kind) {
    case 'github': {
      const range = target ? `${pathSafe(target)}...${pathSafe(branch)}` : pathSafe(branch)
      const page = `${repo}/compare/${range}?expand=1`
      return withText(page, text && [`title=${q(text.title)}`, `body=${q(text.body)}`])
    }
    case 'gitlab': {
      const page = `${repo}/-/merge_requests/new?merge_request%5Bsource_branch%5D=${q(branch)}${target ? `&merge_request%5Btarget_branch%5D=${q(target)}` : ''}`
      return withText(page, text && [`merge_request%5Btitle%5D=${q(text.title)}`, `merge_request%5Bdescription%5D=${q(text.body)}`])
    }
    case 'bitbucket':
      return { url: `${repo}/pull-requests/new?source=${q(branch)}${target ? `&dest=${q(target)}` : ''}`, textInUrl: false }
    case 'azure':
      return { url: `${repo}/pullrequestcreate?sourceRef=${q(branch)}${target ? `&targetRef=${q(target)}` : ''}`, textInUrl: false }
    default:
      return null
  }
}

function pathSafe(branch: string): string {
  return encodeURIComponent(branch).replaceAll('%2F', '/')
}

function withText(page: string, params: readonly [string, string] | null): PullRequestPage {
  if (params) {
    const full = `${page}&${params[0]}&${params[1]}`
    if (full.length <= MAX_URL_LENGTH) return { url: full, textInUrl: true }
  }
  return { url: page, textInUrl: false }
}

/** Only an https page on the remote's own web host is handed to the system browser. */
export function isRemotePage(url: string, remote: HostedRemote): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.host === remote.webHost && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}
