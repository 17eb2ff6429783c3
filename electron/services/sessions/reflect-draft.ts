// The reflection's first draft: the guided prompts as headings for the leader's own words, with any
// answers they already gave. It never copies the hour's artefacts (walkthrough, diagram, change,
// questions): the journal entry shows those in their own sections, so nothing appears twice and no
// diagram source ends up in prose. Pure; it only lays out prompts, it never writes an answer.
import type { CurriculumWeek } from '../../../shared/models/curriculum.ts'
import { REFLECT_PROMPTS, type Session } from '../../../shared/models/sessions.ts'

/** Every prompt the draft may hold for this week, in order: the guided ones, then the week's own. */
export function reflectPromptsFor(week: CurriculumWeek): string[] {
  return [...new Set([...REFLECT_PROMPTS.map((prompt) => prompt.label), ...week.steps.reflect.prompts])]
}

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

/**
 * The reflection as the journal keeps it: the draft's prompts the leader left unanswered are dropped
 * (a heading with nothing under it reads as a gap); every word the leader wrote stays as written.
 */
export function tidyReflection(markdown: string, prompts: readonly string[]): string {
  const known = new Set(prompts.map((prompt) => oneLine(prompt).toLowerCase()))
  const lines = markdown.replace(/\r\n/g, '\n').split('\n')
  const kept: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{2,4}\s+(.+?)\s*#*\s*$/.exec(lines[i] ?? '')
    if (heading && known.has(oneLine(heading[1] ?? '').toLowerCase()) && bodyIsEmpty(lines, i + 1)) continue
    kept.push(lines[i] ?? '')
  }
  return `${kept.join('\n').replace(/\n{3,}/g, '\n\n').trim()}${kept.some((line) => line.trim()) ? '\n' : ''}`
}

/** Nothing but blank lines until the next heading (or the end). */
function bodyIsEmpty(lines: readonly string[], from: number): boolean {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (/^#{1,6}\s/.test(line)) return true
    if (line.trim()) return false
  }
  return true
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
