// One sentence per way a push fails, read from what git prints (in English: LC_ALL=C), for the cases
// no local remote can stage (DNS, SSH keys, a host's own wording); and no credential in any of them.
import { describe, expect, it } from 'vitest'
import { pushFailure, refStatus } from '../../../../../electron/services/git/push-failure.ts'
import type { GitRun } from '../../../../../electron/services/git/run-git.ts'

const BRANCH = 'gemba/2026-12-07-fix'
const attempt = { remote: 'origin', host: 'github.com', branch: BRANCH, timeoutMs: 120_000, secrets: ['ghp_TOKEN123456'] }
const exited = (stderr: string, stdout = ''): GitRun => ({ exitCode: 128, stdout, stderr, ended: 'exited' })

describe('pushFailure', () => {
  it.each([
    ["fatal: unable to access 'https://github.com/acme/shop.git/': Could not resolve host: github.com", 'network'],
    ['ssh: connect to host github.com port 22: Connection timed out\nfatal: Could not read from remote repository.', 'network'],
    ['Host key verification failed.\nfatal: Could not read from remote repository.', 'refused'],
    ['git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.', 'auth_failed'],
    ["remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/shop.git/'", 'auth_failed'],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'auth_failed'],
    ["remote: Repository not found.\nfatal: repository 'https://github.com/acme/gone.git/' not found", 'not_found'],
    ['fatal: the remote end hung up unexpectedly', 'unavailable'],
  ])('%s', (stderr, code) => {
    expect(pushFailure(exited(stderr), attempt).code).toBe(code)
  })

  it('reads a protected branch from the host’s words (GitLab’s)', () => {
    const stdout = `To gitlab.com:acme/shop.git\n!\trefs/heads/${BRANCH}:refs/heads/${BRANCH}\t[remote rejected] (pre-receive hook declined)\nDone\n`
    const stderr = 'remote: GitLab: You are not allowed to push code to protected branches on this project.\n'
    const error = pushFailure({ exitCode: 1, stdout, stderr, ended: 'exited' }, attempt)
    expect(error.message).toBe(`origin refused ${BRANCH} because branches like it are protected there, so nothing was pushed.`)
    expect(error.next).toBe('The server said: “GitLab: You are not allowed to push code to protected branches on this project.”')
  })

  it('says there is no git to push with', () => {
    expect(pushFailure({ exitCode: null, stdout: '', stderr: '', ended: 'missing' }, attempt).code).toBe('unavailable')
  })

  it('keeps credentials out of the sentence, the next step and the logged cause', () => {
    const stderr =
      "remote: token ghp_TOKEN123456 is not valid\nfatal: unable to access 'https://jo:ghp_TOKEN123456@github.com/acme/shop.git/': The requested URL returned error: 403"
    const error = pushFailure(exited(stderr), attempt)
    expect(error.code).toBe('auth_failed')
    expect(`${error.message} ${error.next} ${String((error.cause as Error).message)}`).not.toMatch(/ghp_TOKEN|jo:/)
    expect((error.cause as Error).message).toContain('https://github.com/acme/shop.git/')
  })
})

describe('refStatus', () => {
  it('reads the porcelain line of the pushed ref only', () => {
    const stdout = `To /srv/shop.git\n*\trefs/heads/${BRANCH}:refs/heads/${BRANCH}\t[new branch]\n!\trefs/heads/x:refs/heads/x\t[rejected] (fetch first)\nDone\n`
    expect(refStatus(stdout, BRANCH)).toEqual({ flag: '*', summary: '[new branch]', reason: null })
    expect(refStatus(stdout, 'gemba/2026-12-07-other')).toBeNull()
  })
})
