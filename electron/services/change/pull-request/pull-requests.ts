// The change as a pull request, only on the leader's press: the draft of its title and description
// (from the hour), then — when the leader has edited it and pressed — the Gemba branch pushed with the
// leader's own git (the git layer's pushGembaBranch: that branch only, never forced) and the host's
// new-pull-request page opened in the system browser (desktop) or linked (browser mode). Only a branch
// this change landed on can be pushed; a failure is one sentence and changes nothing. Nothing about the
// remote reaches the page, the log or an error with the user or password its URL may carry.
import { GembaError } from '../../../../shared/errors.ts'
import { GEMBA_BRANCH_PATTERN, type PullRequestDraft, type PullRequestOpened } from '../../../../shared/models/change.ts'
import { firstRemote, pushGembaBranch, withGitErrors, withoutCredentials, withRepository } from '../../git/git-layer.ts'
import type { Redactor } from '../../secrets/index.ts'
import type { ChangeDraft } from '../drafts/change-draft.ts'
import { describeChange } from './describe-change.ts'
import { hostedRemote, remoteHost } from './hosted-remote.ts'
import { isRemotePage, pullRequestPage } from './pull-request-url.ts'

export interface PullRequestsDeps {
  readonly redactor: Redactor
  /** The leader's environment, which their git runs in (PATH, HOME, SSH agent, credential helper). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Opens an https page in the system browser (the desktop app); browser mode links to it instead. */
  readonly openExternal?: ((url: string) => Promise<void>) | undefined
  readonly pushTimeoutMs?: number
  readonly killGraceMs?: number
}

export interface OpenInput {
  readonly branch: string
  readonly title: string
  readonly body: string
}

export class PullRequests {
  readonly #deps: PullRequestsDeps

  constructor(deps: PullRequestsDeps) {
    this.#deps = deps
  }

  async draft(draft: ChangeDraft): Promise<PullRequestDraft> {
    const applied = landedOf(draft)
    const remote = await withGitErrors('read the remote', () => withRepository(draft.root, firstRemote))
    const hosted = remote ? hostedRemote(remote.url) : null
    const text = describeChange({
      request: draft.request,
      commitMessage: draft.commitMessage,
      applied,
      files: draft.committedFiles,
      lastTestRun: draft.lastTestRun,
      explanation: draft.explanation,
      authorship: draft.authorship,
    })
    // Credentials in the diff's words or the explanation stay out of what goes to the host, as for Claude.
    const body = (await this.#deps.redactor.redact('PULL_REQUEST.md', text.body)).text
    return {
      branch: applied.branch,
      base: applied.originalBranch,
      remote: remote ? { name: remote.name, url: withoutCredentials(remote.url) } : null,
      host: hosted?.kind ?? null,
      title: text.title,
      body,
      blocked: remote ? null : noRemote(applied.branch).message,
      opened: draft.pullRequest,
    }
  }

  async open(draft: ChangeDraft, input: OpenInput, signal: AbortSignal): Promise<PullRequestOpened> {
    const applied = landedOf(draft)
    if (input.branch !== applied.branch || !GEMBA_BRANCH_PATTERN.test(applied.branch))
      throw new GembaError({
        code: 'refused',
        message: `Gemba pushes only the branch this change landed on (${applied.branch}).`,
        next: 'Reload the change and try again.',
      })
    const remote = await withGitErrors('read the remote', () => withRepository(draft.root, firstRemote))
    if (!remote) throw noRemote(applied.branch)
    const hosted = hostedRemote(remote.url)
    const pushed = await withRepository(draft.root, (repo) =>
      pushGembaBranch({
        repo,
        remote,
        host: remoteHost(remote.url),
        branch: applied.branch,
        env: this.#deps.env,
        signal,
        ...(this.#deps.pushTimeoutMs === undefined ? {} : { timeoutMs: this.#deps.pushTimeoutMs }),
        ...(this.#deps.killGraceMs === undefined ? {} : { killGraceMs: this.#deps.killGraceMs }),
      }),
    )
    const page = hosted ? pullRequestPage(hosted, applied.branch, applied.originalBranch, { title: input.title, body: input.body }) : null
    const url = page && hosted && isRemotePage(page.url, hosted) ? page.url : null
    let opened = false
    if (url && this.#deps.openExternal) {
      // Pushed is pushed: a browser that will not open leaves the link on the page.
      opened = await this.#deps.openExternal(url).then(
        () => true,
        () => false,
      )
    }
    const result: PullRequestOpened = {
      branch: applied.branch,
      remote: remote.name,
      status: pushed.status,
      commit: pushed.commit,
      host: url ? (hosted?.kind ?? null) : null,
      url,
      textInUrl: url !== null && (page?.textInUrl ?? false),
      opened,
      command: pushed.command,
    }
    draft.pullRequest = result
    draft.activity.push({
      kind: 'note',
      text: `${pushed.status === 'pushed' ? 'Pushed' : 'Already on'} ${remote.name}: ${applied.branch} at ${pushed.commit.slice(0, 10)}.`,
    })
    return result
  }
}

function landedOf(draft: ChangeDraft) {
  const applied = draft.applied
  if (!applied)
    throw new GembaError({ code: 'conflict', message: 'This change has not been committed on a branch yet.', next: 'Apply it first.' })
  if (applied.deleted)
    throw new GembaError({
      code: 'conflict',
      message: `${applied.branch} was deleted, so there is nothing to push.`,
      ...(applied.restorable ? { next: 'Restore the branch first.' } : {}),
    })
  return applied
}

function noRemote(branch: string): GembaError {
  return new GembaError({
    code: 'not_found',
    message: `This repository has no remote, so there is nowhere to push ${branch}.`,
    next: 'Add the team’s repository as a remote (`git remote add origin <its URL>`), then try again.',
  })
}
