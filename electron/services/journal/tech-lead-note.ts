// The note a leader takes to a repository's tech lead: the facts of their last hours there (what
// they looked at and changed, how the developer loop went, as measured), the friction they noted and
// the questions still open. Written plainly and about the work, never about people: it names tools,
// steps and tests, not who wrote them. Pure; the journal service reads the entries.
import type { JournalSessionRecord, TechLeadNote } from '../../../shared/models/journal.ts'
import { REFLECT_PROMPTS } from '../../../shared/models/sessions.ts'
import { loopFacts } from '../../../shared/developer-loop-facts.ts'
import { slugify } from '../../../shared/slug.ts'
import { plural } from '../../../shared/plural.ts'

/** The hours a note covers: the newest ones in the repository. */
export const NOTE_HOURS = 4

const FRICTION_PROMPT = REFLECT_PROMPTS.find((prompt) => prompt.key === 'friction')!.label

/** `records` newest first, all from one repository. */
export function techLeadNote(records: readonly JournalSessionRecord[], today: string): TechLeadNote {
  const newest = records[0]
  if (!newest) throw new Error('A note needs at least one hour in the repository.')
  const name = newest.repository.name
  const hours = records.slice(0, NOTE_HOURS)
  const lines = [
    `# Notes from my hands-on hours in ${name}`,
    '',
    `_${plural(hours.length, 'hour')} between ${hours.at(-1)!.date} and ${newest.date}, written with Gemba. The figures are what the timers and test runs recorded; the rest is what I noticed. None of it is about anyone’s work: it is what the code and the tools were like for a newcomer._`,
  ]
  lines.push('', '## What I did')
  for (const record of hours) lines.push(...hourLines(record))
  const tags = [...new Set(hours.flatMap((record) => record.frictionTags))]
  const notes = hours.map((record) => ({ date: record.date, text: frictionNote(record.reflection) })).filter((note) => note.text)
  if (tags.length > 0 || notes.length > 0) {
    lines.push('', '## Friction I ran into')
    if (tags.length > 0) lines.push('', `Tagged: ${tags.map((tag) => `\`${tag}\``).join(', ')}.`)
    for (const note of notes) lines.push('', `_${note.date}:_ ${note.text}`)
  }
  const open = openQuestions(records)
  if (open.length > 0) {
    lines.push('', '## Questions I would like to talk through')
    for (const question of open) lines.push(`- ${oneLine(question)}`)
  }
  return {
    repositoryId: newest.repository.id,
    repositoryName: name,
    markdown: `${lines.join('\n')}\n`,
    fileName: `gemba-note-${slugify(name, { maxLength: 40, fallback: 'repository' })}-${today}.md`,
    sessions: hours.length,
  }
}

function hourLines(record: JournalSessionRecord): string[] {
  const minutes = Math.round(Object.values(record.stepMinutes).reduce((sum, value) => sum + value, 0))
  const lines = ['', `### ${record.date} · ${oneLine(record.theme.title)} (${minutes} min)`]
  const cited = record.walkthrough?.citations.length ?? 0
  if (record.walkthrough) lines.push(`- Walked through the code${cited ? ` (${plural(cited, 'place')} cited)` : ''}.`)
  if (record.change) {
    const run = record.change.testRun
    const tests = run ? `; \`${oneLine(run.command)}\` ${testWord(run)}` : '; no test run'
    lines.push(`- Made a small change: “${oneLine(record.change.request)}”${tests}.`)
  }
  for (const fact of loopFacts(record.loop)) lines.push(`- ${fact.label}: ${oneLine(fact.value)}.`)
  return lines
}

/** What a run came to, read tolerantly (an older entry has only its exit code). */
function testWord(run: { readonly exitCode: number | null; readonly outcome?: string }): string {
  const outcome = run.outcome ?? (run.exitCode === 0 ? 'passed' : run.exitCode === null ? 'could_not_run' : 'failed')
  return outcome === 'passed' ? 'passed' : outcome === 'failed' ? 'failed' : 'could not run here'
}

/** The leader's own words under the friction prompt of their reflection, when they wrote any. */
export function frictionNote(reflection: string): string {
  const lines = reflection.replace(/\r\n/g, '\n').split('\n')
  const start = lines.findIndex((line) => /^#{2,4}\s+/.test(line) && oneLine(line.replace(/^#+\s+/, '')) === FRICTION_PROMPT)
  if (start < 0) return ''
  const body: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) break
    body.push(line)
  }
  return oneLine(body.join(' ')).slice(0, 2_000)
}

/** Questions still open as the newest entry carrying each says, each once. */
function openQuestions(records: readonly JournalSessionRecord[]): string[] {
  const latest = new Map<string, { text: string; open: boolean }>()
  for (const record of records)
    for (const question of record.questions)
      if (!latest.has(question.id)) latest.set(question.id, { text: question.text, open: question.status === 'open' })
  return [...latest.values()].filter((question) => question.open).map((question) => question.text)
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
