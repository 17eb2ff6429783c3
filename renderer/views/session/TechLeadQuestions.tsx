// Questions for the tech lead: this session's (added, removed, marked answered) and those carried
// forward from earlier weeks until they are marked answered.
import { useState, type FormEvent } from 'react'
import type { SessionView } from '../../../shared/models/sessions.ts'
import { OpenQuestionList } from '../../components/OpenQuestionList.tsx'
import { useStores } from '../../stores-context.tsx'

export function TechLeadQuestions(props: { view: SessionView }) {
  const { useSessionRunner } = useStores()
  const mine = props.view.session.steps.reflect.payload.questionsForTechLead
  const carried = props.view.carriedQuestions
  const updateStep = useSessionRunner((state) => state.updateStep)
  const answer = useSessionRunner((state) => state.answerQuestion)
  const [text, setText] = useState('')
  const save = (next: readonly { id?: string; text: string }[]): void =>
    void updateStep('reflect', { questionsForTechLead: next.map((q) => ({ ...q })) })
  const add = (event: FormEvent): void => {
    event.preventDefault()
    if (!text.trim()) return
    save([...mine.map((q) => ({ id: q.id, text: q.text })), { text: text.trim() }])
    setText('')
  }
  return (
    <section className="card tech-lead" aria-labelledby="tech-lead-title">
      <h3 id="tech-lead-title">Questions for your tech lead</h3>
      {carried.length > 0 ? (
        <>
          <p className="muted">Still open from earlier weeks:</p>
          <OpenQuestionList questions={carried} onAnswer={(id) => void answer(id)} />
        </>
      ) : null}
      {mine.length > 0 ? (
        <ul className="question-list">
          {mine.map((question) => (
            <li key={question.id}>
              <p className={question.answeredAt ? 'question--answered' : undefined}>
                {question.text}
                {question.answeredAt ? <span className="muted"> (answered)</span> : null}
              </p>
              <div className="today-actions">
                {question.answeredAt ? null : (
                  <button type="button" className="button button--quiet" onClick={() => void answer(question.id)}>
                    Mark answered
                  </button>
                )}
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove “${question.text}”`}
                  onClick={() => save(mine.filter((q) => q.id !== question.id).map((q) => ({ id: q.id, text: q.text })))}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="tech-lead__add" onSubmit={add}>
        <label htmlFor="tech-lead-new">A new question</label>
        <input
          id="tech-lead-new"
          value={text}
          maxLength={2000}
          placeholder="What would you ask your tech lead?"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button" disabled={!text.trim()}>
          Add question
        </button>
      </form>
      <p className="muted">Open questions come back each week until you mark them answered.</p>
    </section>
  )
}
