// Questions for the tech lead still open, from every session, until marked answered.
import { useSessions } from '../../app-stores.ts'

export function OpenQuestionsCard() {
  const questions = useSessions((state) => state.questions)
  const answer = useSessions((state) => state.answerQuestion)
  if (questions.length === 0) return null
  return (
    <section className="card open-questions" aria-labelledby="open-questions-title">
      <h2 id="open-questions-title">Questions for your tech lead</h2>
      <ul className="question-list">
        {questions.map((question) => (
          <li key={question.id}>
            <div>
              <p>{question.text}</p>
              <p className="muted question-list__meta">
                Week {question.weekNumber} · {question.repo.name}
              </p>
            </div>
            <button type="button" className="button button--quiet" onClick={() => void answer(question.id)}>
              Mark answered
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
