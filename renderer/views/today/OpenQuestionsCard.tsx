// Questions for the tech lead still open, from every session, until marked answered.
import { OpenQuestionList } from '../../components/OpenQuestionList.tsx'
import { useStores } from '../../stores-context.tsx'

export function OpenQuestionsCard() {
  const { useSessions } = useStores()
  const questions = useSessions((state) => state.questions)
  const answer = useSessions((state) => state.answerQuestion)
  if (questions.length === 0) return null
  return (
    <section className="card open-questions" aria-labelledby="open-questions-title">
      <h2 id="open-questions-title">Questions for your tech lead</h2>
      <OpenQuestionList questions={questions} onAnswer={(id) => void answer(id)} />
    </section>
  )
}
