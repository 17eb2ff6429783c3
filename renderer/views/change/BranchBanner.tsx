// Where the leader's clone is, whenever Gemba left it on one of its branches: the branch, the one it
// was on before, and one button back. Shown on Today, on the repository and in the session, from the
// main process's record (so it is there after a restart and long after the commit).
import { useEffect } from 'react'
import { useStores } from '../../stores-context.tsx'

export function BranchBanner(props: { repoId?: string }) {
  const { useCheckouts } = useStores()
  const load = useCheckouts((state) => state.load)
  const checkouts = useCheckouts((state) => state.checkouts)
  const returning = useCheckouts((state) => state.returning)
  const error = useCheckouts((state) => state.error)
  const returnTo = useCheckouts((state) => state.returnTo)
  useEffect(() => void load(), [load, props.repoId])
  const shown = checkouts.filter((checkout) => checkout.onGembaBranch && (props.repoId === undefined || checkout.repoId === props.repoId))
  return (
    <>
      {shown.map((checkout) => (
        <section key={checkout.repoId} className="notice notice--branch" aria-label={`Where your clone of ${checkout.repoName} is`}>
          <div>
            <p className="notice__message">
              Your clone of {checkout.repoName} is on <code>{checkout.gembaBranch}</code>, the branch Gemba made for your change.
            </p>
            <p className="notice__next">
              It was on <code>{checkout.returnTo}</code> before. Your editor, builds and the team’s tools see this branch until you go back.
            </p>
            {error?.repoId === checkout.repoId ? (
              <p className="notice__next notice__error" role="alert">
                {error.error.message} {error.error.next ?? ''}
              </p>
            ) : null}
          </div>
          <button type="button" className="button" disabled={returning !== null} onClick={() => void returnTo(checkout.repoId)}>
            {returning === checkout.repoId ? 'Going back…' : `Return to ${checkout.returnTo}`}
          </button>
        </section>
      ))}
    </>
  )
}
