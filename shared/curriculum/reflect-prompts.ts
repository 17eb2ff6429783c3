// The reflection's prompts and how an answered reflection is kept, shared by the sessions domain (the
// draft, the journal entry) and the page (the editor's inline prompts, its preview). Pure.
import type { CurriculumWeek } from '../models/curriculum.ts'
import { REFLECT_PROMPTS } from '../models/sessions.ts'

/** Every prompt the draft may hold for this week, in order: the guided ones, then the week's own. */
export function reflectPromptsFor(week: CurriculumWeek): string[] {
  return [...new Set([...REFLECT_PROMPTS.map((prompt) => prompt.label), ...week.steps.reflect.prompts])]
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
  return `${kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}${kept.some((line) => line.trim()) ? '\n' : ''}`
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
