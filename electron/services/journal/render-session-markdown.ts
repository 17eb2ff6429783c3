// Turns a session record into its Markdown file: YAML front matter with the figures, then one
// section per step. Long text lives in marked regions so it reads back exactly; the transcript and
// the diagram's SVG go to the JSON sidecar, never into the Markdown.
import { stringify } from 'yaml'
import type { JournalCitation, JournalSessionRecord } from '../../../shared/models/journal.ts'
import { isoWeekOf } from './iso-week.ts'
import { renderFence, renderRegion } from './markdown-regions.ts'

/** What the front matter holds: every figure, none of the long text. */
export function frontMatterOf(record: JournalSessionRecord): Record<string, unknown> {
  const change = record.change
  return {
    schemaVersion: record.schemaVersion,
    id: record.id,
    date: record.date,
    isoWeek: isoWeekOf(record.date),
    week: record.week,
    theme: { id: record.theme.id, title: record.theme.title },
    repository: { ...record.repository },
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    offline: record.offline,
    stepMinutes: { ...record.stepMinutes },
    timeboxMinutes: { ...record.timeboxMinutes },
    effort: { ...record.effort },
    frictionTags: [...record.frictionTags],
    usage: { ...record.usage },
    diagramCaption: record.diagram?.caption ?? null,
    change: change
      ? {
          request: change.request,
          branch: change.branch,
          commit: change.commit,
          manual: change.manual,
          testRun: change.testRun
            ? { command: change.testRun.command, exitCode: change.testRun.exitCode, durationMs: change.testRun.durationMs }
            : null,
        }
      : null,
    questions: record.questions.map((question) => ({ ...question })),
  }
}

export function renderSessionMarkdown(record: JournalSessionRecord): string {
  const yaml = stringify(frontMatterOf(record), { lineWidth: 0 })
  const parts = [`---\n${yaml}---`, renderTitle(record), renderWalkthrough(record), renderDiagram(record)]
  parts.push(renderChange(record), renderReflection(record), renderQuestions(record))
  return `${parts.join('\n\n')}\n`
}

function renderTitle(record: JournalSessionRecord): string {
  const minutes = Object.values(record.stepMinutes).reduce((sum, value) => sum + value, 0)
  const mode = record.offline ? ' · offline' : ''
  return [
    `# Week ${record.week} · ${oneLine(record.theme.title)} — ${oneLine(record.repository.name)}`,
    '',
    `_${record.date} · commit \`${record.repository.commit.slice(0, 12)}\` · ${Math.round(minutes)} min${mode}_`,
  ].join('\n')
}

function renderWalkthrough(record: JournalSessionRecord): string {
  if (!record.walkthrough) return '## Walkthrough\n\n_Not done in this session._'
  const citations = record.walkthrough.citations.map(renderCitation).join('\n')
  return [
    '## Walkthrough',
    renderRegion('walkthrough', record.walkthrough.markdown),
    '### Cited code',
    renderRegion('citations', citations),
  ].join('\n\n')
}

export function renderCitation(citation: JournalCitation): string {
  const range = citation.line === undefined ? '' : `:${citation.line}${citation.endLine === undefined ? '' : `-${citation.endLine}`}`
  const label = citation.label ? ` — ${oneLine(citation.label)}` : ''
  return `- \`${citation.path}${range}\`${label}`
}

function renderDiagram(record: JournalSessionRecord): string {
  if (!record.diagram) return '## Diagram\n\n_Not done in this session._'
  const caption = record.diagram.caption ? `\n\n_${oneLine(record.diagram.caption)}_` : ''
  return `## Diagram\n\n${renderRegion('diagram', renderFence(record.diagram.mermaid, 'mermaid'))}${caption}`
}

function renderChange(record: JournalSessionRecord): string {
  const change = record.change
  if (!change) return '## Change\n\n_Not done in this session._'
  const commit = change.commit ? `\`${change.commit.slice(0, 12)}\`` : '_not committed_'
  const lines = [
    '## Change',
    `**Asked for:** ${oneLine(change.request)}`,
    `**Branch:** \`${change.branch}\` · **Commit:** ${commit}${change.manual ? ' · made by hand' : ''}`,
    renderRegion('diff', renderFence(change.diff, 'diff')),
    '### Test run',
  ]
  const run = change.testRun
  if (run) {
    const outcome = run.exitCode === 0 ? 'passed' : run.exitCode === null ? 'did not finish' : `failed (exit ${run.exitCode})`
    lines.push(`\`${oneLine(run.command)}\` ${outcome} in ${(run.durationMs / 1000).toFixed(1)} s`)
    lines.push(renderRegion('test-output', renderFence(run.outputTail, 'text')))
  } else {
    lines.push('_No test run._')
  }
  lines.push('### Explanation', renderRegion('explanation', change.explanation))
  return lines.join('\n\n')
}

function renderReflection(record: JournalSessionRecord): string {
  return `## Reflection\n\n${renderRegion('reflection', record.reflection)}`
}

function renderQuestions(record: JournalSessionRecord): string {
  if (record.questions.length === 0) return '## Questions for the tech lead\n\n_None._'
  const items = record.questions.map((question) => {
    const box = question.status === 'answered' ? '[x]' : '[ ]'
    const answer = question.answer ? `\n  - Answer: ${oneLine(question.answer)}` : ''
    return `- ${box} ${oneLine(question.text)}${answer}`
  })
  return `## Questions for the tech lead\n\n${items.join('\n')}\n\n_(Kept in the front matter; edit them there.)_`
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
