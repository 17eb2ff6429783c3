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
          ...optional({ originalBranch: change.originalBranch, returned: change.returned, branchDeleted: change.branchDeleted, authorship: change.authorship }),
          testRun: change.testRun
            ? {
                command: change.testRun.command,
                exitCode: change.testRun.exitCode,
                durationMs: change.testRun.durationMs,
                ...optional({ commit: change.testRun.commit, onChange: change.testRun.onChange, failed: change.testRun.failed, firstError: change.testRun.firstError }),
              }
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
  const lines = ['## Change', `**Asked for:** ${oneLine(change.request)}`, `**Branch:** \`${change.branch}\` · **Commit:** ${commit}${change.manual ? ' · made by hand' : ''}`]
  const checkout = checkoutLine(change)
  if (checkout) lines.push(checkout)
  if (change.authorship) lines.push(`**Who wrote it:** you, ${change.authorship.leaderLines} line(s); the agent, ${change.authorship.agentLines} line(s).`)
  lines.push(renderRegion('diff', renderFence(change.diff, 'diff')), '### Test run')
  const run = change.testRun
  if (run) {
    lines.push(testRunLine(run))
    if (run.exitCode !== 0 && run.failed?.length) lines.push(run.failed.map((name) => `- ✗ ${oneLine(name)}`).join('\n'))
    if (run.exitCode !== 0 && run.firstError) lines.push(`First error: \`${oneLine(run.firstError).replaceAll('`', "'")}\``)
    lines.push(renderRegion('test-output', renderFence(run.outputTail, 'text')))
  } else {
    lines.push('_No test run: nothing here says the tests pass._')
  }
  lines.push('### Explanation', renderRegion('explanation', change.explanation))
  return lines.join('\n\n')
}

/** What happened to the leader's clone after the change landed. */
function checkoutLine(change: NonNullable<JournalSessionRecord['change']>): string | null {
  if (change.branchDeleted) {
    const back = change.commit ? ` (\`git branch ${change.branch} ${change.commit.slice(0, 12)}\` brings it back while git still has the commit)` : ''
    return `_The branch was deleted during the session; Gemba kept its commit until this entry was written${back}._`
  }
  if (!change.originalBranch || !change.commit) return null
  return change.returned
    ? `_The clone went back to \`${change.originalBranch}\` afterwards; the branch stays for review._`
    : `_The clone was left on \`${change.branch}\`; it was on \`${change.originalBranch}\` before (\`git switch ${change.originalBranch}\` goes back)._`
}

/** The run, honestly: a pass says so only when it ran on the change as committed. */
function testRunLine(run: NonNullable<NonNullable<JournalSessionRecord['change']>['testRun']>): string {
  const command = `\`${oneLine(run.command)}\``
  const took = `in ${(run.durationMs / 1000).toFixed(1)} s`
  const where = run.commit ? ` (commit \`${run.commit.slice(0, 12)}\`)` : ''
  if (run.exitCode === null) return `${command} did not finish${where}.`
  if (run.exitCode !== 0) return `${command} failed (exit ${run.exitCode})${run.onChange === false ? ' on another state of the code' : run.onChange ? ' on this change' : ''}${where} ${took}.`
  if (run.onChange === false) return `${command} passed ${took}, but not on the change as committed${where}: it does not show this change passes.`
  return `${command} passed${run.onChange ? ' on this change' : ''}${where} ${took}.`
}

/** The entries whose value is defined (front matter never carries `undefined`). */
function optional<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
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
