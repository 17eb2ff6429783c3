// Reflect: the pre-filled draft in a Markdown editor (autosaved), the guided prompts, effort
// estimate vs actual, friction tags, and questions for the tech lead that carry forward.
import { useState } from 'react'
import { REFLECT_PROMPTS, type SessionView } from '../../../shared/models/sessions.ts'
import { Markdown } from '../../components/Markdown.tsx'
import { wholeMinutes, type LiveTimer } from '../../stores/session-clock.ts'
import { curriculumWeek } from './curriculum-week.ts'
import { EffortFields } from './EffortFields.tsx'
import { FrictionTags } from './FrictionTags.tsx'
import { TechLeadQuestions } from './TechLeadQuestions.tsx'
import { useSessionRunner } from '../../app-stores.ts'

export function ReflectStep(props: { view: SessionView; live: LiveTimer }) {
  const { session } = props.view
  const [mode, setMode] = useState<'write' | 'preview'>('write')
  const draft = useSessionRunner((state) => state.drafts['reflect.markdown'])
  const type = useSessionRunner((state) => state.type)
  const flush = useSessionRunner((state) => state.flush)
  const weekPrompts = curriculumWeek(session.programmeWeek).steps.reflect
  return (
    <div className="step-panel reflect">
      <div className="reflect__layout">
        <section className="card reflect__editor" aria-labelledby="reflection-title">
          <h3 id="reflection-title">Your reflection</h3>
          <div className="tabs" role="tablist" aria-label="Reflection editor">
            <button type="button" role="tab" id="reflect-tab-write" aria-selected={mode === 'write'} aria-controls="reflect-panel" className="tab" onClick={() => setMode('write')}>
              Write
            </button>
            <button
              type="button"
              role="tab"
              id="reflect-tab-preview"
              aria-selected={mode === 'preview'}
              aria-controls="reflect-panel"
              className="tab"
              onClick={() => {
                void flush('reflect.markdown')
                setMode('preview')
              }}
            >
              Preview
            </button>
          </div>
          <div id="reflect-panel" role="tabpanel" aria-labelledby={mode === 'write' ? 'reflect-tab-write' : 'reflect-tab-preview'}>
            {mode === 'write' ? (
              <textarea
                className="reflect__textarea"
                aria-label="Reflection (Markdown)"
                value={draft}
                rows={22}
                spellCheck
                onChange={(event) => type('reflect.markdown', event.target.value)}
                onBlur={() => void flush('reflect.markdown')}
              />
            ) : (
              <Markdown source={draft} className="reflect__preview" />
            )}
          </div>
          <p className="field__hint">Pre-filled from what you did this hour. Markdown; saved as you type.</p>
        </section>
        <aside className="reflect__aside" aria-label="Prompts">
          <section className="card">
            <h3>Prompts</h3>
            <ul className="reflect__prompts">
              {REFLECT_PROMPTS.map((prompt) => (
                <li key={prompt.key}>{prompt.label}</li>
              ))}
              {weekPrompts.prompts.map((prompt) => (
                <li key={prompt}>{prompt}</li>
              ))}
            </ul>
            <p className="muted">{weekPrompts.brief}</p>
          </section>
          <section className="card" aria-labelledby="effort-title">
            <h3 id="effort-title">Effort: estimate vs actual</h3>
            <EffortFields session={session} measuredMinutes={wholeMinutes(props.live.steps.change.elapsedMs)} show="both" />
          </section>
        </aside>
      </div>
      <FrictionTags session={session} />
      <TechLeadQuestions view={props.view} />
    </div>
  )
}
