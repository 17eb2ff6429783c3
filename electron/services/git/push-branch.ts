// Pushes one Gemba branch to a remote with the leader's own git: that branch only, by an explicit
// refspec (refs/heads/gemba/…:refs/heads/gemba/…), never forced, no tags, no submodules, no upstream
// written. The name is checked before git runs (a Gemba branch, present locally; a plain remote name),
// so nothing else can be pushed whatever the page asks. A push that fails changes nothing here: git
// moves the remote-tracking ref only when the remote took the branch. Every word about it is stripped
// of credentials (push-failure.ts).
import { GembaError } from '../../../shared/errors.ts'
import { GEMBA_BRANCH_PATTERN } from '../../../shared/models/change.ts'
import { branchCommit } from './head-ref.ts'
import { pushFailure, refStatus, type PushAttempt } from './push-failure.ts'
import type { GitRepo } from './repository.ts'
import { runGit } from './run-git.ts'
import { credentialsIn } from './without-credentials.ts'

export const DEFAULT_PUSH_TIMEOUT_MS = 120_000

export interface PushRequest {
  readonly repo: GitRepo
  readonly remote: { readonly name: string; readonly url: string }
  /** The remote's host without credentials, for the sentence when it cannot be reached. */
  readonly host: string | null
  readonly branch: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal: AbortSignal
  readonly timeoutMs?: number
  readonly killGraceMs?: number
}

export interface Pushed {
  readonly status: 'pushed' | 'up_to_date'
  readonly commit: string
  /** The command run, as the leader would type it. */
  readonly command: string
}

/** The refspec of a Gemba branch: itself to itself, without the + that would force it. */
export function gembaRefspec(branch: string): string {
  return `refs/heads/${branch}:refs/heads/${branch}`
}

export async function pushGembaBranch(request: PushRequest): Promise<Pushed> {
  const { branch, remote } = request
  if (!GEMBA_BRANCH_PATTERN.test(branch))
    throw new GembaError({ code: 'refused', message: `Gemba pushes only the branches it made (gemba/…), not ${branch}.` })
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(remote.name) || remote.name.includes('..'))
    throw new GembaError({ code: 'refused', message: 'Gemba pushes only to a remote with a plain name.', next: 'Check `git remote -v`.' })
  const commit = await branchCommit(request.repo, branch)
  if (commit === null)
    throw new GembaError({
      code: 'not_found',
      message: `There is no branch ${branch} in this repository any more, so there is nothing to push.`,
      next: 'Restore the branch first, if you deleted it.',
    })
  const timeoutMs = request.timeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS
  const args = ['push', '--porcelain', '--no-follow-tags', '--recurse-submodules=no', remote.name, gembaRefspec(branch)]
  const run = await runGit(args, {
    cwd: request.repo.root,
    env: request.env,
    timeoutMs,
    signal: request.signal,
    ...(request.killGraceMs === undefined ? {} : { killGraceMs: request.killGraceMs }),
  })
  const attempt: PushAttempt = { remote: remote.name, host: request.host, branch, timeoutMs, secrets: credentialsIn(remote.url) }
  const status = run.ended === 'exited' && run.exitCode === 0 ? refStatus(run.stdout, branch) : null
  // Pushed: a new branch (*), a fast-forward ( ), or the remote had this very commit already (=).
  if (!status || !['*', ' ', '='].includes(status.flag)) throw pushFailure(run, attempt)
  return { status: status.flag === '=' ? 'up_to_date' : 'pushed', commit, command: `git push ${remote.name} ${branch}` }
}
