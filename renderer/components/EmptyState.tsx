// A calm, honest empty state: what this place is for, and what to do next (when there is something).
import type { ReactNode } from 'react'

export function EmptyState(props: { title: string; children: ReactNode; action?: ReactNode; tone?: 'coming' | 'empty' }) {
  return (
    <section className={`empty-state ${props.tone === 'coming' ? 'empty-state--coming' : ''}`} aria-label={props.title}>
      {props.tone === 'coming' ? <p className="badge">Coming</p> : null}
      <h2>{props.title}</h2>
      <div className="empty-state__body">{props.children}</div>
      {props.action ? <div className="empty-state__action">{props.action}</div> : null}
    </section>
  )
}
