// Before anything is sent: the size and estimated cost of the next call (Gemba's estimate, or counted
// by Anthropic's token counter when the leader asks for it, and it says which), the coach's "what I
// already know" note, the exact text that will be sent ("What will be sent"), and the repository's
// context settings (scope folder, include and exclude patterns) that shape it.
import { useEffect, useRef, useState } from 'react'
import type { RepoContextSettings } from '../../../shared/models/ai.ts'
import { ErrorNotice } from '../../components/ErrorNotice.tsx'
import { formatTokens, formatUsd } from './format-usage.ts'
import { MemoryNote } from './MemoryNote.tsx'
import { useStores } from '../../stores-context.tsx'

const TOKEN_SOURCE = { counted: 'counted by Anthropic', estimated: 'Gemba’s estimate' } as const

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

export function ContextPreview(props: { panelKey: string }) {
  const { useCoach } = useStores()
  const panel = useCoach((state) => state.panels[props.panelKey])
  const loadPreview = useCoach((state) => state.loadPreview)
  const loadSettings = useCoach((state) => state.loadContextSettings)
  const [showing, setShowing] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  const status = panel?.previewStatus
  const hasThread = Boolean(panel?.thread)

  useEffect(() => {
    if (status === 'idle' && !hasThread) void loadPreview(props.panelKey)
  }, [status, hasThread, loadPreview, props.panelKey])
  // Asked once per panel: a failure is shown, never asked again in a loop (each answer changes the panel).
  const needsSettings = panel !== undefined && !panel.contextSettings
  useEffect(() => {
    if (needsSettings) void loadSettings(props.panelKey)
  }, [needsSettings, loadSettings, props.panelKey])
  useEffect(() => {
    if (showing) dialog.current?.showModal()
    else dialog.current?.close()
  }, [showing])
  if (!panel) return null
  const preview = panel.preview

  return (
    <div className="context-preview">
      {panel.thread ? (
        <p className="muted">
          This conversation carries about {formatTokens(panel.thread.estimatedPrefixTokens)} tokens of repository context
          {panel.thread.scope ? ` (scope ${panel.thread.scope}/)` : ''}, cached after the first call.
          {panel.nextCall ? (
            <span data-testid="next-call-estimate">
              {' '}
              Next question: about {formatTokens(panel.nextCall.tokens)} tokens ({formatTokens(panel.nextCall.cachedTokens)} from the
              cache), about {formatUsd(panel.nextCall.estimatedCostUsd)}.
            </span>
          ) : null}
        </p>
      ) : status === 'loading' ? (
        <p className="muted" role="status">
          Packing the repository context…
        </p>
      ) : preview ? (
        <p className="context-preview__summary" data-testid="next-call-estimate">
          Next call: <strong>{formatTokens(preview.tokens)} tokens</strong>{' '}
          <span className="muted" data-testid="token-source">
            ({TOKEN_SOURCE[preview.tokensSource]})
          </span>
          , about <strong>{formatUsd(preview.estimatedCostUsd)}</strong> with {preview.model}.{' '}
          <span className="muted">
            {preview.files.length} files{preview.redactions.length ? `, ${preview.redactions.length} lines redacted` : ''}
            {preview.excluded.length ? `, ${preview.excluded.length} files withheld` : ''}
            {preview.treeSummarised ? ', tree summarised' : ''}.
          </span>{' '}
          <button type="button" className="coach-link-button" onClick={() => setShowing(true)}>
            What will be sent
          </button>
        </p>
      ) : null}
      {panel.previewError ? <ErrorNotice error={panel.previewError} onRetry={() => void loadPreview(props.panelKey)} /> : null}
      <MemoryNote panelKey={props.panelKey} />
      <ContextSettingsForm panelKey={props.panelKey} />
      <dialog ref={dialog} className="sent-dialog" aria-labelledby="sent-dialog-title" onClose={() => setShowing(false)}>
        <header className="sent-dialog__header">
          <h2 id="sent-dialog-title">What will be sent</h2>
          <button type="button" className="button" onClick={() => setShowing(false)}>
            Close
          </button>
        </header>
        {preview ? (
          <>
            <p className="muted">
              Exactly this text goes first in every call of the conversation (then your questions and what the read-only tools return):{' '}
              {formatTokens(preview.tokens)} tokens for a {formatTokens(preview.budgetTokens)}-token repository budget
              {preview.budgetSource === 'model'
                ? ' chosen from the model’s context window'
                : preview.budgetSource === 'setting'
                  ? ' you set'
                  : ''}
              .
              {preview.citations
                ? ' The files go as search results Claude cites line by line; every citation is checked against the repository.'
                : ' This model does not cite search results, so the files go as plain text; citations are checked by path and line.'}
              {preview.prefixCacheTtl === '1h'
                ? ' It is cached for an hour, so a pause does not cost it again.'
                : ' It is cached for five minutes.'}
            </p>
            <p className="muted" role="status">
              {preview.tokensSource === 'counted' ? (
                'Counted by Anthropic’s token counter.'
              ) : (
                <>
                  {preview.countProblem
                    ? `Gemba’s estimate: ${preview.countProblem} `
                    : 'Gemba’s estimate, made without sending anything. '}
                  <button
                    type="button"
                    className="coach-link-button"
                    disabled={panel.previewStatus === 'loading'}
                    onClick={() => void loadPreview(props.panelKey, { count: true })}
                  >
                    Count exactly with Anthropic
                  </button>{' '}
                  (sends this text to Anthropic’s token counter, which generates nothing).
                </>
              )}
            </p>
            {preview.excluded.length ? (
              <p className="muted">Withheld entirely: {preview.excluded.map((e) => `${e.path} (${e.rule})`).join(', ')}.</p>
            ) : null}
            {preview.redactions.length ? (
              <p className="muted">Redacted lines: {preview.redactions.map((r) => `${r.path}:${r.line} (${r.rule})`).join(', ')}.</p>
            ) : null}
            <pre className="sent-dialog__text" tabIndex={0} aria-label="The text that will be sent">
              {preview.text}
            </pre>
          </>
        ) : null}
      </dialog>
    </div>
  )
}

function ContextSettingsForm(props: { panelKey: string }) {
  const { useCoach } = useStores()
  const settings = useCoach((state) => state.panels[props.panelKey]?.contextSettings ?? null)
  const [saved, setSaved] = useState(false)
  if (!settings) return null
  const summary = [
    settings.scope ? `scope ${settings.scope}/` : 'whole repository',
    settings.include.length ? `${settings.include.length} include` : '',
    settings.exclude.length ? `${settings.exclude.length} exclude` : '',
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <details className="context-settings">
      <summary>Context: {summary}</summary>
      <ContextSettingsFields
        key={JSON.stringify(settings)}
        panelKey={props.panelKey}
        settings={settings}
        saved={saved}
        onSaved={setSaved}
      />
    </details>
  )
}

function ContextSettingsFields(props: {
  panelKey: string
  settings: RepoContextSettings
  saved: boolean
  onSaved: (saved: boolean) => void
}) {
  const { useCoach } = useStores()
  const { settings } = props
  const save = useCoach((state) => state.saveContextSettings)
  const [scope, setScope] = useState(settings.scope ?? '')
  const [include, setInclude] = useState(settings.include.join('\n'))
  const [exclude, setExclude] = useState(settings.exclude.join('\n'))
  const { saved, onSaved: setSaved } = props
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void save(props.panelKey, { scope: scope.trim() || null, include: lines(include), exclude: lines(exclude) }).then(setSaved)
      }}
    >
      <div className="field">
        <label htmlFor={`${props.panelKey}-scope`}>Scope to a folder</label>
        <input
          id={`${props.panelKey}-scope`}
          value={scope}
          placeholder="Whole repository"
          spellCheck={false}
          onChange={(event) => (setScope(event.target.value), setSaved(false))}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${props.panelKey}-include`}>Include only (one pattern a line)</label>
          <textarea
            id={`${props.panelKey}-include`}
            rows={3}
            value={include}
            placeholder="src/**"
            spellCheck={false}
            onChange={(event) => (setInclude(event.target.value), setSaved(false))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${props.panelKey}-exclude`}>Leave out (one pattern a line)</label>
          <textarea
            id={`${props.panelKey}-exclude`}
            rows={3}
            value={exclude}
            placeholder="**/*.snap"
            spellCheck={false}
            onChange={(event) => (setExclude(event.target.value), setSaved(false))}
          />
        </div>
      </div>
      <button type="submit" className="button">
        Save for this repository
      </button>
      {saved ? (
        <span className="muted" role="status">
          {' '}
          Saved. New conversations use it.
        </span>
      ) : null}
    </form>
  )
}
