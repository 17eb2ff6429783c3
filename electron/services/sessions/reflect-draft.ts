// The reflection's first draft, built from what the session produced, so the leader edits rather
// than starts blank. Pure; it only summarises, it never invents an answer for the leader.
import type { CurriculumWeek } from '../../../shared/models/curriculum.ts'
import { REFLECT_PROMPTS, type OpenQuestion, type Session } from '../../../shared/models/sessions.ts'
import { stepElapsedMs } from './session-timer.ts'

export function buildReflectDraft(session: Session, week: CurriculumWeek, carried: readonly OpenQuestion[], now: Date): string {
  const { explore, diagram } = session.steps
  const lines: string[] = [`# Week ${session.weekNumber}: ${session.theme} — ${session.repo.name}`, '', `Goal: ${week.goal}`, '']

  lines.push('## What I explored', '')
  if (explore.payload.questionsAsked.length > 0) {
    lines.push('Questions I asked:', ...explore.payload.questionsAsked.map((question) => `- ${oneLine(question)}`), '')
  }
  const citations = explore.payload.citations.slice(0, 8).map((c) => `\`${c.path}${c.line ? `:${c.line}` : ''}\`${c.label ? ` (${c.label})` : ''}`)
  if (citations.length > 0) lines.push(`Places I looked at: ${citations.join(', ')}`, '')
  if (explore.payload.notes.trim()) lines.push(explore.payload.notes.trim(), '')
  if (lines.at(-2) === '## What I explored') lines.push('_Nothing recorded in the explore step._', '')

  lines.push('## The architecture', '')
  if (diagram.payload.mermaid.trim()) {
    if (diagram.payload.caption.trim()) lines.push(diagram.payload.caption.trim(), '')
    lines.push('```mermaid', diagram.payload.mermaid.trim(), '```', '')
  } else lines.push('_No diagram this week._', '')

  lines.push('## The change', '')
  lines.push(...describeChange(session, now), '')

  lines.push('## Reflection', '')
  for (const prompt of REFLECT_PROMPTS) {
    const answer = session.steps.reflect.payload.answers[prompt.key].trim()
    lines.push(`### ${prompt.label}`, '', answer || '', '')
  }
  for (const prompt of week.steps.reflect.prompts) lines.push(`### ${prompt}`, '', '')

  const open = [...carried.map((q) => q.text), ...session.steps.reflect.payload.questionsForTechLead.filter((q) => q.answeredAt === null).map((q) => q.text)]
  lines.push('## Open questions for my tech lead', '')
  lines.push(...(open.length > 0 ? open.map((text) => `- [ ] ${oneLine(text)}`) : ['_None yet._']), '')
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`
}

function describeChange(session: Session, now: Date): string[] {
  const change = session.steps.change.payload
  const measured = Math.round(stepElapsedMs(session, 'change', now) / 60_000)
  const out: string[] = []
  if (change.request.trim()) out.push(`What I asked for: ${oneLine(change.request)}`)
  if (!change.request.trim() && !change.diff.trim()) return ['_No change this week._']
  const actual = change.actualMinutes ?? measured
  out.push(`Estimate: ${change.estimateMinutes === null ? 'not written down' : `${change.estimateMinutes} min`}; actual: ${actual} min${change.actualMinutes === null ? ' (from the timer)' : ''}.`)
  if (change.branch) out.push(`Branch \`${change.branch}\`${change.commit ? `, commit \`${change.commit.slice(0, 12)}\`` : ', not committed'}.`)
  if (change.diff.trim()) {
    const files = [...change.diff.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((match) => match[1])
    if (files.length > 0) out.push(`Files changed: ${files.map((file) => `\`${file}\``).join(', ')}.`)
  }
  const run = change.testRun
  if (run) {
    const verdict = run.exitCode === 0 ? 'passed' : run.exitCode === null ? 'did not finish' : `failed (exit ${run.exitCode})`
    out.push(`Tests: \`${run.command}\` ${verdict} in ${Math.round(run.durationMs / 1000)} s.`)
  } else out.push('Tests: not run in Gemba.')
  return out
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat
}
