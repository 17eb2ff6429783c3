// What git has started in this working tree and not finished, read from the files it leaves in the
// git directory while it waits (as `git status` reads them): a rebase (rebase-merge/ or rebase-apply/),
// git am (rebase-apply/applying), a merge (MERGE_HEAD), a cherry-pick or revert (CHERRY_PICK_HEAD,
// REVERT_HEAD, or a sequencer with work left), a bisect (BISECT_LOG). Read-only.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { GitOperation } from '../../../shared/models/git.ts'
import type { GitRepo } from './repository.ts'

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

async function text(path: string): Promise<string> {
  return (await readFile(path, 'utf8').catch(() => '')).trim()
}

const short = (ref: string) => ref.replace(/^refs\/heads\//, '')
const abbrev = (oid: string) => (/^[0-9a-f]{40}$/.test(oid) ? oid.slice(0, 7) : oid)

export async function operationInProgress(repo: GitRepo): Promise<GitOperation | null> {
  const at = (name: string) => join(repo.gitdir, name)
  for (const folder of ['rebase-merge', 'rebase-apply']) {
    if (!(await exists(at(folder)))) continue
    if (folder === 'rebase-apply' && (await exists(at('rebase-apply/applying')))) {
      return {
        kind: 'am',
        summary: 'git am is applying patches and stopped part way.',
        finish: 'git am --continue',
        abort: 'git am --abort',
      }
    }
    const head = await text(at(`${folder}/head-name`))
    const onto = await text(at(`${folder}/onto`))
    const what = head && head !== 'detached HEAD' ? ` of ${short(head)}` : ''
    const where = onto ? ` onto ${abbrev(onto)}` : ''
    return {
      kind: 'rebase',
      summary: `A rebase${what}${where} is in progress.`,
      finish: 'git rebase --continue',
      abort: 'git rebase --abort',
    }
  }
  if (await exists(at('MERGE_HEAD'))) {
    const merging = (await text(at('MERGE_MSG'))).split('\n')[0] ?? ''
    return {
      kind: 'merge',
      summary: `A merge is in progress${merging ? ` (${merging})` : ''}.`,
      finish: 'git commit (once the conflicts are resolved)',
      abort: 'git merge --abort',
    }
  }
  const sequencer = (await text(at('sequencer/todo'))).split('\n')[0] ?? ''
  if ((await exists(at('CHERRY_PICK_HEAD'))) || /^(p|pick)\s/.test(sequencer)) {
    return {
      kind: 'cherry-pick',
      summary: 'A cherry-pick is in progress.',
      finish: 'git cherry-pick --continue',
      abort: 'git cherry-pick --abort',
    }
  }
  if ((await exists(at('REVERT_HEAD'))) || /^revert\s/.test(sequencer)) {
    return { kind: 'revert', summary: 'A revert is in progress.', finish: 'git revert --continue', abort: 'git revert --abort' }
  }
  if (await exists(at('BISECT_LOG'))) {
    return {
      kind: 'bisect',
      summary: 'A git bisect is in progress: HEAD is on a commit bisect chose.',
      finish: 'git bisect good / git bisect bad until it ends',
      abort: 'git bisect reset',
    }
  }
  return null
}
