// The one diff view: a unified diff (one file's in the review, a whole change's in the journal) as a
// table with old and new line numbers, added and removed lines marked by colour and by their +/- sign
// (never colour alone), syntax-coloured per file once highlight.js has loaded that file's language.
import { useEffect, useMemo, useState } from 'react'
import { highlighterFor, type Highlight } from './highlight-code.ts'
import { escapeHtml, languageOfPath } from './highlight-lines.ts'
import { diffStats, parseDiff, type DiffLine } from '../../shared/diff/unified-diff.ts'
import '../styles/diff.css'

const SIGN = { add: '+', del: '-', ctx: ' ' } as const

export function DiffView(props: {
  diff: string
  /** Names the change: the file in the review, the branch in the journal. */
  label: string
  /** The +/− counts and the label above the diff (off where a card header already shows them). */
  caption?: boolean
  /** The ---/+++ header lines (off for a single file shown under its own name). */
  fileHeaders?: boolean
}) {
  const lines = useMemo(() => parseDiff(props.diff), [props.diff])
  const highlight = useHighlighters(lines)
  const stats = diffStats(lines)
  const shown = props.fileHeaders === false ? lines.filter((line) => line.kind !== 'file') : lines
  return (
    <figure className="diff">
      {props.caption === false ? null : (
        <figcaption className="diff__caption">
          <span className="diff__added">+{stats.added}</span> <span className="diff__removed">−{stats.removed}</span> {props.label}
        </figcaption>
      )}
      <div
        className="diff__body"
        role="region"
        aria-label={`Changes to ${props.label}: ${stats.added} lines added, ${stats.removed} removed`}
        tabIndex={0}
      >
        <table className="diff__table">
          {/* The columns' widths when printed: a file or hunk header spanning the first row cannot set them. */}
          <colgroup>
            <col className="diff__col-no" />
            <col className="diff__col-no" />
            <col className="diff__col-sign" />
            <col />
          </colgroup>
          <tbody>
            {shown.map((line, index) => (
              <tr key={index} className={`diff__line diff__line--${line.kind}`}>
                {line.kind === 'file' || line.kind === 'hunk' ? (
                  <td colSpan={4} className="diff__header">
                    {line.text}
                  </td>
                ) : (
                  <>
                    <td className="diff__no" aria-hidden="true">
                      {line.oldNo ?? ''}
                    </td>
                    <td className="diff__no" aria-hidden="true">
                      {line.newNo ?? ''}
                    </td>
                    <td className="diff__sign">{SIGN[line.kind]}</td>
                    <td className="diff__code hljs">
                      <code dangerouslySetInnerHTML={{ __html: codeHtml(line, highlight) || ' ' }} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

function codeHtml(line: DiffLine, highlight: ReadonlyMap<string, Highlight>): string {
  const language = line.path ? languageOfPath(line.path) : null
  const colour = language ? highlight.get(language) : undefined
  return colour ? colour(line.text) : escapeHtml(line.text)
}

/** Loads the highlighters of the diff's files' languages; plain text is shown until they arrive. */
function useHighlighters(lines: readonly DiffLine[]): ReadonlyMap<string, Highlight> {
  const languages = useMemo(
    () =>
      [...new Set(lines.map((line) => (line.path ? languageOfPath(line.path) : null)).filter((language) => language !== null))]
        .sort()
        .join(' '),
    [lines],
  )
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly map: ReadonlyMap<string, Highlight> }>({ key: '', map: new Map() })
  useEffect(() => {
    if (!languages) return
    let current = true
    void Promise.all(languages.split(' ').map(async (language) => [language, await highlighterFor(language)] as const)).then((pairs) => {
      const map = new Map(pairs.filter((pair): pair is readonly [string, Highlight] => pair[1] !== null))
      if (current) setLoaded({ key: languages, map })
    })
    return () => {
      current = false
    }
  }, [languages])
  return loaded.key === languages ? loaded.map : EMPTY
}

const EMPTY: ReadonlyMap<string, Highlight> = new Map()
