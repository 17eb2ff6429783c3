// Questions for the tech lead still open from earlier sessions, each with the week and repository it
// came from and a "Mark answered" button: on Today and in the session's reflection alike.
import type { OpenQuestion } from '../../shared/models/sessions.ts'

export function OpenQuestionList(props: { questions: readonly OpenQuestion[]; onAnswer: (questionId: string) => void }) {
  return (
    <ul className="question-list">
      {props.questions.map((question) => (
        <li key={question.id}>
          <div>
            <p>{question.text}</p>
            <p className="muted question-list__meta">
              Week {question.weekNumber} · {question.repo.name}
            </p>
          </div>
          <button type="button" className="button button--quiet" onClick={() => props.onAnswer(question.id)}>
            Mark answered
          </button>
        </li>
      ))}
    </ul>
  )
}
