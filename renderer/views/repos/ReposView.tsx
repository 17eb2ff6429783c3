// Repositories: the teams' codebases the leader added, and what Gemba can tell about each one
// without any AI. An empty list is a first step, not an empty screen.
import { useEffect } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { AddRepoForm } from './AddRepoForm.tsx'
import { RepoDetail } from './RepoDetail.tsx'
import { RepoList, repoCardId } from './RepoList.tsx'
import { useStores } from '../../stores-context.tsx'
import { useLoadOnShow } from '../use-load-on-show.ts'

export function ReposView() {
  const { useAppInfo, useRepos } = useStores()
  const repos = useRepos((state) => state.repos)
  const loaded = useRepos((state) => state.loaded)
  const listError = useRepos((state) => state.listError)
  const selectedId = useRepos((state) => state.selectedId)
  const load = useRepos((state) => state.load)
  const select = useRepos((state) => state.select)
  const addError = useRepos((state) => state.addError)
  const addNotice = useRepos((state) => state.addNotice)
  const desktop = useAppInfo((state) => state.info?.mode === 'desktop')
  const selected = repos.find((repo) => repo.id === selectedId) ?? null

  useLoadOnShow(load)
  useEffect(() => {
    if (selectedId) select(selectedId)
  }, [selectedId, select])

  return (
    <div className="page page--wide">
      <PageHeader title="Repositories" subtitle="Your teams’ codebases, read on this computer." />
      {listError ? <ErrorNotice error={listError} onRetry={() => void load()} /> : null}
      {loaded && repos.length === 0 ? (
        <AddRepoForm desktop={desktop} autoFocus focusAfterAdd={repoCardId} />
      ) : (
        <div className="repos-layout">
          <div className="repos-layout__list">
            <RepoList />
            <details className="add-repo-disclosure" open={Boolean(addError) || addNotice !== null}>
              <summary className="button">Add another repository</summary>
              <AddRepoForm desktop={desktop} compact focusAfterAdd={repoCardId} />
            </details>
          </div>
          {selected ? <RepoDetail key={selected.id} repo={selected} /> : null}
        </div>
      )}
    </div>
  )
}
