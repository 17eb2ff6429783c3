// Renders Markdown from the backend (tours, journal entries, Claude's answers) as sanitised HTML. The
// parser and the sanitiser (marked, DOMPurify) are loaded the first time Markdown is shown, so they
// never weigh on the first paint; until then the text shows as it is.
import { lazy, Suspense } from 'react'

const MarkdownHtml = lazy(() => import('./MarkdownHtml.tsx').then((module) => ({ default: module.MarkdownHtml })))

export function Markdown(props: { source: string; className?: string }) {
  return (
    <Suspense fallback={<div className={`markdown markdown--plain ${props.className ?? ''}`}>{props.source}</div>}>
      <MarkdownHtml source={props.source} {...(props.className === undefined ? {} : { className: props.className })} />
    </Suspense>
  )
}
