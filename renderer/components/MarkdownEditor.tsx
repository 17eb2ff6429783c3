// A Markdown editor people enjoy writing in: the guided prompts inline (each shows whether it is
// answered; a click puts the caret under it), a toolbar and the usual shortcuts (Ctrl+B, Ctrl+I,
// Ctrl+K, lists that continue on Enter), and a preview drawn by the caller, so it can be exactly
// what the journal shows. Write, Preview, or both side by side.
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { applyShortcut, continueList, promptStates, writeUnderPrompt, type EditResult, type Shortcut } from './markdown-shortcuts.ts'

const TOOLS: readonly { readonly shortcut: Shortcut; readonly label: string; readonly text: string; readonly keys?: string }[] = [
  { shortcut: 'bold', label: 'Bold', text: 'B', keys: 'Ctrl+B' },
  { shortcut: 'italic', label: 'Italic', text: 'I', keys: 'Ctrl+I' },
  { shortcut: 'heading', label: 'Heading', text: 'H' },
  { shortcut: 'list', label: 'Bulleted list', text: '•' },
  { shortcut: 'task', label: 'Checklist', text: '☐' },
  { shortcut: 'code', label: 'Code', text: '</>' },
  { shortcut: 'link', label: 'Link', text: 'Link', keys: 'Ctrl+K' },
]

const KEYS: Readonly<Record<string, Shortcut>> = { b: 'bold', i: 'italic', k: 'link' }

export type EditorMode = 'write' | 'preview' | 'split'

export function MarkdownEditor(props: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  /** Ctrl+S / Cmd+S. */
  onSave?: () => void
  /** The guided prompts, shown inline above the text. */
  prompts?: readonly string[]
  preview: (value: string) => ReactNode
  hint?: ReactNode
  autoFocus?: boolean
  defaultMode?: EditorMode
}) {
  const area = useRef<HTMLTextAreaElement>(null)
  const [mode, setMode] = useState<EditorMode>(props.defaultMode ?? 'write')
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null)

  // After an edit made here, the caret goes where the edit says (once React has put the text in).
  useLayoutEffect(() => {
    if (!selection || !area.current) return
    area.current.focus()
    area.current.setSelectionRange(selection.start, selection.end)
    setSelection(null)
  }, [selection])

  const apply = (result: EditResult): void => {
    props.onChange(result.text)
    setSelection({ start: result.start, end: result.end })
  }
  const shortcut = (kind: Shortcut): void => {
    const element = area.current
    if (element) apply(applyShortcut(props.value, element.selectionStart, element.selectionEnd, kind))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    const mod = event.ctrlKey || event.metaKey
    if (mod && event.key.toLowerCase() === 's' && props.onSave) {
      event.preventDefault()
      props.onSave()
      return
    }
    const kind = mod && !event.altKey && !event.shiftKey ? KEYS[event.key.toLowerCase()] : undefined
    if (kind) {
      event.preventDefault()
      shortcut(kind)
      return
    }
    if (event.key === 'Enter' && !mod && !event.shiftKey && !event.altKey) {
      const element = event.currentTarget
      if (element.selectionStart !== element.selectionEnd) return
      const continued = continueList(props.value, element.selectionStart)
      if (continued) {
        event.preventDefault()
        apply(continued)
      }
    }
  }
  const prompts = props.prompts ? promptStates(props.value, props.prompts) : []
  const open = prompts.filter((prompt) => !prompt.answered).length

  return (
    <div className={`md-editor md-editor--${mode}`}>
      <div className="md-editor__bar">
        <div className="tabs md-editor__modes" role="tablist" aria-label="Write or preview">
          {(['write', 'preview', 'split'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${props.id}-tab-${name}`}
              aria-selected={mode === name}
              aria-controls={`${props.id}-panel`}
              className="tab"
              onClick={() => {
                props.onBlur?.()
                setMode(name)
              }}
            >
              {name === 'write' ? 'Write' : name === 'preview' ? 'Preview' : 'Side by side'}
            </button>
          ))}
        </div>
        {mode !== 'preview' ? (
          <div className="md-editor__tools" role="toolbar" aria-label="Formatting" aria-controls={props.id}>
            {TOOLS.map((tool) => (
              <button
                key={tool.shortcut}
                type="button"
                className={`md-editor__tool md-editor__tool--${tool.shortcut}`}
                title={tool.keys ? `${tool.label} (${tool.keys})` : tool.label}
                aria-label={tool.label}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => shortcut(tool.shortcut)}
              >
                {tool.text}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {prompts.length > 0 && mode !== 'preview' ? (
        <div className="md-editor__prompts" role="group" aria-label="Prompts to answer">
          <span className="muted">{open === 0 ? 'Every prompt has an answer.' : `${open} of ${prompts.length} prompts still open:`}</span>
          {prompts.map((prompt) => (
            <button
              key={prompt.prompt}
              type="button"
              className={`prompt-chip ${prompt.answered ? 'prompt-chip--answered' : ''}`}
              aria-label={`${prompt.prompt}${prompt.answered ? ' (answered)' : ''}: write under it`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => apply(writeUnderPrompt(props.value, prompt.prompt))}
            >
              <span aria-hidden="true">{prompt.answered ? '✓' : '○'}</span> {prompt.prompt}
            </button>
          ))}
        </div>
      ) : null}
      <div id={`${props.id}-panel`} className="md-editor__panes" role="tabpanel" aria-labelledby={`${props.id}-tab-${mode}`}>
        {mode !== 'preview' ? (
          <textarea
            ref={area}
            id={props.id}
            className="md-editor__text"
            aria-label={props.label}
            value={props.value}
            spellCheck
            autoFocus={props.autoFocus}
            onChange={(event) => props.onChange(event.target.value)}
            onBlur={props.onBlur}
            onKeyDown={onKeyDown}
          />
        ) : null}
        {mode !== 'write' ? (
          <div className="md-editor__preview" aria-label="Preview">
            {props.preview(props.value)}
          </div>
        ) : null}
      </div>
      {props.hint ? <p className="field__hint">{props.hint}</p> : null}
    </div>
  )
}
