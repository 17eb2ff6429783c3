// One file's unified diff, syntax-coloured line by line (highlight.js, language from the extension),
// with added and removed lines marked by colour and by their +/- sign (never colour alone).
import hljs from 'highlight.js/lib/common'
import { useMemo } from 'react'
import type { FileChange } from '../../../shared/models/change.ts'

const BY_EXTENSION: Readonly<Record<string, string>> = { ts: 'typescript', tsx: 'typescript', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', py: 'python', rb: 'ruby', go: 'go', java: 'java', kt: 'kotlin', rs: 'rust', md: 'markdown', json: 'json', yml: 'yaml', yaml: 'yaml', css: 'css', html: 'xml', sh: 'bash' }

function languageOf(path: string): string | null {
  const language = BY_EXTENSION[path.split('.').pop()?.toLowerCase() ?? '']
  return language && hljs.getLanguage(language) ? language : null
}

interface DiffLine {
  readonly kind: 'add' | 'del' | 'ctx' | 'hunk'
  readonly html: string
  readonly oldNo: number | null
  readonly newNo: number | null
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

export function parseDiff(diff: string, language: string | null): DiffLine[] {
  const lines: DiffLine[] = []
  let oldNo = 0
  let newNo = 0
  for (const raw of diff.split('\n')) {
    if (raw.startsWith('---') || raw.startsWith('+++') || raw.startsWith('\\') || raw === '') continue
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(raw)
    if (hunk) {
      oldNo = Number(hunk[1])
      newNo = Number(hunk[2])
      lines.push({ kind: 'hunk', html: escape(raw), oldNo: null, newNo: null })
      continue
    }
    const sign = raw[0]
    const code = raw.slice(1)
    const html = language ? hljs.highlight(code, { language, ignoreIllegals: true }).value : escape(code)
    if (sign === '+') lines.push({ kind: 'add', html, oldNo: null, newNo: newNo++ })
    else if (sign === '-') lines.push({ kind: 'del', html, oldNo: oldNo++, newNo: null })
    else lines.push({ kind: 'ctx', html, oldNo: oldNo++, newNo: newNo++ })
  }
  return lines
}

const SIGN = { add: '+', del: '-', ctx: ' ', hunk: '' } as const

export function DiffView(props: { file: FileChange }) {
  const lines = useMemo(() => parseDiff(props.file.diff, languageOf(props.file.path)), [props.file])
  return (
    <div className="diff" role="region" aria-label={`Changes to ${props.file.path}`} tabIndex={0}>
      <table className="diff__table">
        <tbody>
          {lines.map((line, index) => (
            <tr key={index} className={`diff__line diff__line--${line.kind}`}>
              {line.kind === 'hunk' ? (
                <td colSpan={4} className="diff__hunk" dangerouslySetInnerHTML={{ __html: line.html }} />
              ) : (
                <>
                  <td className="diff__no" aria-hidden="true">{line.oldNo ?? ''}</td>
                  <td className="diff__no" aria-hidden="true">{line.newNo ?? ''}</td>
                  <td className="diff__sign">{SIGN[line.kind]}</td>
                  <td className="diff__code hljs">
                    <code dangerouslySetInnerHTML={{ __html: line.html || ' ' }} />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
