// What a push that did not go through means, in one sentence for the leader: no git, the remote
// unreachable, an ssh host key not yet confirmed, credentials refused, the repository not there, a protected branch or a hook that said
// no, a different branch of the same name already there (Gemba never forces), stopped or timed out.
// Read from git's porcelain status line and its English messages (run-git.ts runs it with LC_ALL=C);
// every text is stripped of credentials before it is kept. Pure.
import { GembaError } from '../../../shared/errors.ts'
import type { GitRun } from './run-git.ts'
import { withoutCredentials } from './without-credentials.ts'

export interface PushAttempt {
  readonly remote: string
  /** The remote's host (no credentials), for "could not reach". */
  readonly host: string | null
  readonly branch: string
  readonly timeoutMs: number
  /** The remote URL's user and password, masked wherever git echoes them. */
  readonly secrets: readonly string[]
}

/** One porcelain line of the ref Gemba pushed: its flag and the summary in git's words. */
export interface RefStatus {
  readonly flag: string
  readonly summary: string
  readonly reason: string | null
}

/** `git push --porcelain`'s line for refs/heads/<branch>. */
export function refStatus(stdout: string, branch: string): RefStatus | null {
  const ref = `refs/heads/${branch}:refs/heads/${branch}`
  for (const line of stdout.split('\n')) {
    const [flag, refs, status] = line.split('\t')
    if (refs !== ref || flag === undefined || status === undefined) continue
    const parts = /^(\[[^\]]+\]|[^ ]+)(?: \((.*)\))?$/.exec(status.trim())
    return { flag, summary: parts?.[1] ?? status.trim(), reason: parts?.[2] ?? null }
  }
  return null
}

const NOTHING = 'so nothing was pushed'

export function pushFailure(run: GitRun, attempt: PushAttempt): GembaError {
  const clean = (text: string) => withoutCredentials(text, attempt.secrets)
  const output = clean(`${run.stderr}\n${run.stdout}`)
  const { remote, branch } = attempt
  const remoteSays = output
    .split('\n')
    .filter((line) => /^remote:\s*\S/.test(line))
    .map((line) => line.replace(/^remote:\s*/, '').trim())
    .filter((line) => !/^(error: )?(GH\d+: )?$/.test(line))
    .slice(0, 4)
    .join(' ')
    .slice(0, 400)
  const fail = (data: ConstructorParameters<typeof GembaError>[0]) =>
    new GembaError(data, { cause: new Error(clean(`git push exited ${run.exitCode ?? run.ended}: ${output.trim().slice(-2_000)}`)) })

  if (run.ended === 'missing')
    return fail({
      code: 'unavailable',
      message: `Gemba pushes with your own git, and there is no git on this computer’s PATH, ${NOTHING}.`,
      next: 'Install git (or put it on the PATH Gemba starts with), then try again.',
    })
  if (run.ended === 'cancelled') return fail({ code: 'cancelled', message: `The push of ${branch} was stopped.` })
  if (run.ended === 'timed_out')
    return fail({
      code: 'timeout',
      message: `The push to ${remote} did not finish within ${Math.round(attempt.timeoutMs / 1000)} seconds, so Gemba stopped it.`,
      next: `Check your network, then try again (or run \`git push ${remote} ${branch}\` yourself to see what it waits for).`,
    })
  const status = refStatus(run.stdout, branch)
  if (status?.summary === '[rejected]') {
    return fail({
      code: 'conflict',
      message: `${remote} already has a different ${branch}, and Gemba never force-pushes, ${NOTHING}.`,
      next: `Look at that branch (\`git fetch ${remote} ${branch}\`); delete it there if it is an old attempt, then try again.`,
    })
  }
  if (status?.summary === '[remote rejected]') {
    const protectedBranch = /protected/i.test(`${status.reason ?? ''} ${remoteSays}`)
    return fail({
      code: 'refused',
      message: protectedBranch
        ? `${remote} refused ${branch} because branches like it are protected there, ${NOTHING}.`
        : `${remote} refused ${branch}: a check on the server (a hook) said no, ${NOTHING}.`,
      next: remoteSays
        ? `The server said: “${remoteSays}”`
        : `Ask the team what ${remote} checks on a push (${status.reason ?? 'no reason given'}).`,
    })
  }
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i.test(output)) {
    return fail({
      code: 'refused',
      message: `ssh has not confirmed ${attempt.host ?? remote}’s host key, and Gemba cannot ask you to, ${NOTHING}.`,
      next: `Run \`git push ${remote} ${branch}\` once in a terminal and check the key it shows, then try again.`,
    })
  }
  if (
    /Authentication failed|could not read (Username|Password)|terminal prompts disabled|Permission denied \((publickey|keyboard)|returned error: 40[13]|HTTP Basic: Access denied|Invalid username or password|access denied|403 Forbidden|401 Unauthorized/i.test(
      output,
    )
  ) {
    return fail({
      code: 'auth_failed',
      message: `${remote} did not accept your credentials, ${NOTHING}.`,
      next: 'Check that `git push` works for you in a terminal in this repository (your credential helper, token or SSH key), then try again.',
    })
  }
  if (/Repository not found|does not appear to be a git repository|returned error: 404|not found/i.test(output)) {
    return fail({
      code: 'not_found',
      message: `${remote} has no repository at its address (or you may not see it), ${NOTHING}.`,
      next: `Check the remote with \`git remote -v\`.`,
    })
  }
  if (
    /Could not resolve host|Failed to connect|Connection refused|Connection timed out|Network is unreachable|No route to host|Operation timed out|Could not read from remote repository|unable to access|Connection reset|early EOF|SSL/i.test(
      output,
    )
  ) {
    return fail({
      code: 'network',
      message: `Gemba could not reach ${attempt.host ?? remote}, ${NOTHING}.`,
      next: 'Check your network or VPN, then try again.',
    })
  }
  const said = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(fatal|error):/.test(line))
    .at(-1)
  return fail({
    code: 'unavailable',
    message: `git could not push ${branch} to ${remote}, ${NOTHING}.`,
    next: said ? `git said: “${said.slice(0, 300)}”` : `Run \`git push ${remote} ${branch}\` in the repository to see why.`,
  })
}
