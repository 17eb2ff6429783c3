// Questions for the tech lead across all sessions: they are stored in the session where they were
// asked and carried forward (listed in later sessions) until marked answered. Pure.
import type { OpenQuestion, Session } from '../../../shared/models/sessions.ts'

export function allQuestions(sessions: readonly Session[], includeAnswered: boolean): OpenQuestion[] {
  const out: OpenQuestion[] = []
  for (const session of sessions) {
    if (session.status === 'abandoned') continue
    for (const question of session.steps.reflect.payload.questionsForTechLead) {
      if (!includeAnswered && question.answeredAt !== null) continue
      out.push({
        ...question,
        sessionId: session.id,
        repo: { id: session.repo.id, name: session.repo.name },
        weekNumber: session.weekNumber,
      })
    }
  }
  return out.sort((a, b) => a.askedAt.localeCompare(b.askedAt))
}

/** Open questions from sessions other than `sessionId`, which a new session carries forward. */
export function carriedQuestions(sessions: readonly Session[], sessionId: string): OpenQuestion[] {
  return allQuestions(sessions, false).filter((question) => question.sessionId !== sessionId)
}

export function answerQuestion(session: Session, questionId: string, answer: string | null, reopen: boolean, now: Date): Session {
  const reflect = session.steps.reflect
  const questionsForTechLead = reflect.payload.questionsForTechLead.map((question) =>
    question.id !== questionId
      ? question
      : reopen
        ? { ...question, answeredAt: null, answer: null }
        : { ...question, answeredAt: now.toISOString(), answer: answer?.trim() ? answer.trim() : null },
  )
  return { ...session, steps: { ...session.steps, reflect: { ...reflect, payload: { ...reflect.payload, questionsForTechLead } } } }
}
