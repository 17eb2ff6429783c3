// The reflection's first draft: the guided prompts as headings for the leader's own words, with any
// answers they already gave. It never copies the hour's artefacts (walkthrough, diagram, change,
// questions): the journal entry shows those in their own sections, so nothing appears twice and no
// diagram source ends up in prose. Pure; it only lays out prompts, it never writes an answer.
import type { CurriculumWeek } from '../../../shared/models/curriculum.ts'
import { REFLECT_PROMPTS, type Session } from '../../../shared/models/sessions.ts'

export function buildReflectDraft(session: Session, week: CurriculumWeek): string {
  const answers = session.steps.reflect.payload.answers
  const sections = REFLECT_PROMPTS.map((prompt) => promptSection(prompt.label, answers[prompt.key]))
  for (const prompt of week.steps.reflect.prompts) {
    if (!REFLECT_PROMPTS.some((guided) => guided.label === prompt)) sections.push(promptSection(prompt, ''))
  }
  return `${sections.join('\n\n')}\n`
}

function promptSection(label: string, answer: string): string {
  return `### ${oneLine(label)}\n\n${answer.trim()}`.trimEnd()
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
