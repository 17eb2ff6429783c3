// How to share a Gemba branch: the push command and a compare (pull/merge request) link built from the
// remote's URL for the hosts pull-request/hosted-remote.ts knows; without a remote, no push command
// (there is nowhere to push) but how to add one. Pure; never pushes.
import type { PushHelp } from '../../../../shared/models/change.ts'
import { hostedRemote } from '../pull-request/hosted-remote.ts'
import { pullRequestPage } from '../pull-request/pull-request-url.ts'

export function pushHelp(remote: { name: string; url: string } | null, branch: string, base: string): PushHelp {
  if (!remote)
    return {
      remote: null,
      pushCommand: null,
      compareUrl: null,
      host: null,
      addRemote: `git remote add origin <the repository's URL>\ngit push -u origin ${branch}`,
    }
  const hosted = hostedRemote(remote.url)
  const page = hosted ? pullRequestPage(hosted, branch, base) : null
  return {
    remote: remote.name,
    pushCommand: `git push -u ${remote.name} ${branch}`,
    compareUrl: page?.url ?? null,
    host: page ? (hosted?.kind ?? null) : null,
    addRemote: null,
  }
}
