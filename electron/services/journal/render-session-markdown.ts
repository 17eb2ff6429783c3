// Turns a session record into its Markdown file: YAML front matter with the figures, then the
// leader's reflection and questions, then the hour's artefacts. Long text lives in marked regions so
// it reads back exactly; the transcript and the diagram's SVG go to the JSON sidecar, never here.
import { stringify } from 'yaml'
import type { JournalCitation, JournalSessionRecord } from '../../../shared/models/journal.ts'
import { isoWeekOf } from './iso-week.ts'
import { renderFence, renderRegion } from './markdown-regions.ts'
import { plural } from '../../../shared/plural.ts'
import { testOutcomeOf } from '../../../shared/models/change.ts'
import { loopFacts } from '../../../shared/developer-loop-facts.ts'

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
    ...(record.walkthrough?.source ? { walkthroughSource: record.walkthrough.source } : {}),
    ...(record.diagram?.source ? { diagramSource: record.diagram.source } : {}),
    change: change
      ? {
          request: change.request,
          branch: change.branch,
          commit: change.commit,
          manual: change.manual,
          ...optional({
            originalBranch: change.originalBranch,
            returned: change.returned,
            branchDeleted: change.branchDeleted,
            cloneOn: change.cloneOn,
            branchTip: change.branchTip,
            authorship: change.authorship,
            testLog: change.testLog,
          }),
          testRun: change.testRun
            ? {
                command: change.testRun.command,
                exitCode: change.testRun.exitCode,
                durationMs: change.testRun.durationMs,
                ...optional({
                  commit: change.testRun.commit,
                  onChange: change.testRun.onChange,
                  failed: change.testRun.failed,
                  firstError: change.testRun.firstError,
                  outcome: change.testRun.outcome,
                  couldNotRun: change.testRun.couldNotRun,
                }),
              }
            : null,
        }
      : null,
    questions: record.questions.map((question) => ({ ...question })),
    ...(record.questionsAsked && record.questionsAsked.length > 0 ? { questionsAsked: [...record.questionsAsked] } : {}),
    ...(record.loop ? { loop: { ...record.loop } } : {}),
    ...(record.viewed?.length ? { viewed: [...record.viewed] } : {}),
  }
}

/**
 * The entry reads like a page a leader would share: their own reflection first (with estimate
 * against actual, friction and time), their questions, then the artefacts of the hour in order
 * (walkthrough, architecture, change). Each section appears once; diagrams stay fenced Mermaid.
 */
export function renderSessionMarkdown(record: JournalSessionRecord): string {
  const yaml = stringify(frontMatterOf(record), { lineWidth: 0 })
  const parts = [`---\n${yaml}---`, renderTitle(record), renderReflection(record), renderQuestions(record)]
  parts.push(renderWalkthrough(record), renderDiagram(record), renderChange(record))
  const loop = renderLoop(record)
  if (loop) parts.push(loop)
  return `${parts.join('\n\n')}\n`
}

/** The developer loop as measured (only what was): figures of the front matter, said for a reader. */
function renderLoop(record: JournalSessionRecord): string | null {
  const facts = loopFacts(record.loop)
  if (facts.length === 0) return null
  return ['## Developer loop', facts.map((fact) => `- **${fact.label}:** ${oneLine(fact.value)}`).join('\n')].join('\n\n')
}

function renderTitle(record: JournalSessionRecord): string {
  const total = Object.values(record.stepMinutes).reduce((sum, value) => sum + value, 0)
  const mode = record.offline ? ' · offline' : ''
  return [
    `# Week ${record.week} · ${oneLine(record.theme.title)} — ${oneLine(record.repository.name)}`,
    '',
    `_${record.date} · commit \`${record.repository.commit.slice(0, 12)}\` · ${Math.round(total)} min${mode}_`,
  ].join('\n')
}

const SOURCE_LINE = {
  ai: (what: string) => `_Claude’s ${what}, kept as it came in this session._`,
  offline: (what: string) => `_The ${what} Gemba computed from the repository alone (no AI)._`,
  hand: (what: string) => `_Your own ${what}._`,
} as const

function renderWalkthrough(record: JournalSessionRecord): string {
  const walkthrough = record.walkthrough
  const parts = ['## Walkthrough']
  if (walkthrough) {
    if (walkthrough.source) parts.push(SOURCE_LINE[walkthrough.source](walkthrough.source === 'offline' ? 'tour' : 'walkthrough'))
    parts.push(renderRegion('walkthrough', walkthrough.markdown))
    const marked = walkthrough.citations.filter((citation) => citation.mark).length
    if (marked > 0)
      parts.push(
        `_${marked === 1 ? '1 citation' : `${marked} citations`} the repository did not confirm at this commit ${marked === 1 ? 'is' : 'are'} marked below, as in the session._`,
      )
    if (walkthrough.citations.length > 0)
      parts.push('### Cited code', renderRegion('citations', walkthrough.citations.map(renderCitation).join('\n')))
  }
  const asked = record.questionsAsked ?? []
  // Claude's walkthrough is headed by the questions themselves; otherwise they are listed here.
  if (asked.length > 0 && walkthrough?.source !== 'ai')
    parts.push('### Questions I asked Claude', asked.map((q) => `- ${oneLine(q)}`).join('\n'))
  if (record.notes?.explore) parts.push('### My notes', renderRegion('explore-notes', record.notes.explore))
  if (parts.length === 1) parts.push('_Not done in this session._')
  return parts.join('\n\n')
}

/** "- `src/ledger/post.ts:7` — label", with the session's mark when the repository did not confirm it: "(unverified)". */
export function renderCitation(citation: JournalCitation): string {
  const range = citation.line === undefined ? '' : `:${citation.line}${citation.endLine === undefined ? '' : `-${citation.endLine}`}`
  const mark = citation.mark ? ` (${citation.mark})` : ''
  const label = citation.label ? ` — ${oneLine(citation.label)}` : ''
  return `- \`${citation.path}${range}\`${mark}${label}`
}

function renderDiagram(record: JournalSessionRecord): string {
  const diagram = record.diagram
  const parts = ['## Architecture']
  if (diagram) {
    if (diagram.source) parts.push(SOURCE_LINE[diagram.source](diagram.source === 'offline' ? 'module diagram' : 'diagram'))
    parts.push(renderRegion('diagram', renderFence(diagram.mermaid, 'mermaid')))
    if (diagram.caption) parts.push(`_${oneLine(diagram.caption)}_`)
  }
  if (record.notes?.diagram) parts.push('### My notes', renderRegion('diagram-notes', record.notes.diagram))
  if (parts.length === 1) parts.push('_Not done in this session._')
  return parts.join('\n\n')
}

function renderChange(record: JournalSessionRecord): string {
  const change = record.change
  if (!change) return '## The change\n\n_Not done in this session._'
  const commit = change.commit ? `\`${change.commit.slice(0, 12)}\`` : '_not committed_'
  const lines = [
    '## The change',
    `**Asked for:** ${oneLine(change.request)}`,
    `**Branch:** \`${change.branch}\` · **Commit:** ${commit}${change.manual ? ' · made by hand' : ''}`,
  ]
  const checkout = checkoutLine(change)
  if (checkout) lines.push(checkout)
  if (change.authorship)
    lines.push(
      `**Who wrote it:** you, ${plural(change.authorship.leaderLines, 'line')}; the agent, ${plural(change.authorship.agentLines, 'line')}.`,
    )
  lines.push(renderRegion('diff', renderFence(change.diff, 'diff')), '### Test run')
  const run = change.testRun
  if (run) {
    const failed = testOutcomeOf(run).outcome === 'failed'
    lines.push(testRunLine(run))
    if (failed && run.failed?.length) lines.push(run.failed.map((name) => `- ✗ ${oneLine(name)}`).join('\n'))
    if (failed && run.firstError) lines.push(`First error: \`${oneLine(run.firstError).replaceAll('`', "'")}\``)
    lines.push(renderRegion('test-output', renderFence(run.outputTail, 'text')))
  } else {
    lines.push('_No test run: nothing here says the tests pass._')
  }
  // A change made by hand offline has no explanation: no empty heading stands for it.
  if (change.explanation.trim()) lines.push('### Explanation', renderRegion('explanation', change.explanation))
  return lines.join('\n\n')
}

/**
 * What happened to the leader's clone after the change landed. Entries written since the facts are
 * read from git (cloneOn, branchTip) say where the clone and the branch were as the entry was written;
 * older ones say what Gemba last did.
 */
function checkoutLine(change: NonNullable<JournalSessionRecord['change']>): string | null {
  const tip = change.branchTip ?? change.commit
  if (change.branchDeleted) {
    const back = tip ? ` (\`git branch ${change.branch} ${tip.slice(0, 12)}\` brings it back while git still has the commit)` : ''
    return `_The branch was deleted during the session; Gemba kept its commit until this entry was written${back}._`
  }
  if (!change.originalBranch || !change.commit) return null
  const movedOn =
    change.branchTip && change.branchTip !== change.commit
      ? ` The branch has moved on since: its tip is \`${change.branchTip.slice(0, 12)}\` (committed in git).`
      : ''
  const onGemba = change.cloneOn === undefined ? !change.returned : change.cloneOn === change.branch
  if (onGemba)
    return `_The clone was left on \`${change.branch}\`; it was on \`${change.originalBranch}\` before (\`git switch ${change.originalBranch}\` goes back).${movedOn}_`
  if (change.cloneOn === undefined || change.cloneOn === change.originalBranch)
    return `_The clone went back to \`${change.originalBranch}\` afterwards; the branch stays for review.${movedOn}_`
  const where = change.cloneOn === null ? 'a detached HEAD' : `\`${change.cloneOn}\``
  return `_The clone is on ${where} (it was on \`${change.originalBranch}\` before the change); the branch stays for review.${movedOn}_`
}

/**
 * The run, honestly: a pass says so only when it ran on the change as committed; a run that could not
 * run says why (the Tests panel's sentence) and is never a failure.
 */
function testRunLine(run: NonNullable<NonNullable<JournalSessionRecord['change']>['testRun']>): string {
  const command = `\`${oneLine(run.command)}\``
  const took = `in ${(run.durationMs / 1000).toFixed(1)} s`
  const where = run.commit ? ` (commit \`${run.commit.slice(0, 12)}\`)` : ''
  const { outcome, couldNotRun } = testOutcomeOf(run)
  if (outcome === 'could_not_run')
    return `${command} could not run${where}: ${oneLine(couldNotRun?.sentence ?? 'it did not finish.')} Nothing here says whether the tests pass.`
  if (outcome === 'failed')
    return `${command} failed (exit ${run.exitCode})${run.onChange === false ? ' on another state of the code' : run.onChange ? ' on this change' : ''}${where} ${took}.`
  if (run.onChange === false)
    return `${command} passed ${took}, but not on the change as committed${where}: it does not show this change passes.`
  return `${command} passed${run.onChange ? ' on this change' : ''}${where} ${took}.`
}

/** The entries whose value is defined (front matter never carries `undefined`). */
function optional<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
}

function renderReflection(record: JournalSessionRecord): string {
  const facts = [effortLine(record), frictionLine(record), timeLine(record)].filter((line) => line !== null)
  return [`## Reflection`, renderRegion('reflection', record.reflection), facts.join('  \n')].filter(Boolean).join('\n\n')
}

function effortLine(record: JournalSessionRecord): string | null {
  const { estimateMinutes, actualMinutes } = record.effort
  if (estimateMinutes === null && actualMinutes === null) return null
  if (estimateMinutes === null)
    return `**Estimate against actual:** no estimate written down; the change took ${minutes(actualMinutes ?? 0)}.`
  if (actualMinutes === null || actualMinutes < 1)
    return `**Estimate against actual:** ${minutes(estimateMinutes)} estimated; the change was not timed.`
  const ratio = estimateMinutes > 0 ? ` (${(actualMinutes / estimateMinutes).toFixed(1)}× the estimate)` : ''
  return `**Estimate against actual:** ${minutes(estimateMinutes)} estimated, ${minutes(actualMinutes)} taken${ratio}.`
}

function frictionLine(record: JournalSessionRecord): string | null {
  return record.frictionTags.length > 0 ? `**Friction:** ${record.frictionTags.map((tag) => `\`${tag}\``).join(', ')}` : null
}

const STEP_NAMES = { explore: 'explore', diagram: 'diagram', change: 'small change', reflect: 'reflect' } as const

function timeLine(record: JournalSessionRecord): string {
  const steps = (Object.keys(STEP_NAMES) as (keyof typeof STEP_NAMES)[]).map(
    (step) => `${STEP_NAMES[step]} ${minutes(record.stepMinutes[step])} of ${minutes(record.timeboxMinutes[step])}`,
  )
  return `**Time:** ${steps.join(' · ')}`
}

function minutes(value: number): string {
  return `${Math.round(value)} min`
}

function renderQuestions(record: JournalSessionRecord): string {
  if (record.questions.length === 0) return '## Questions for the tech lead\n\n_None this week._'
  const items = record.questions.map((question) => {
    const box = question.status === 'answered' ? '[x]' : '[ ]'
    const answer = question.answer ? `\n  - Answer: ${oneLine(question.answer)}` : ''
    return `- ${box} ${oneLine(question.text)}${answer}`
  })
  return `## Questions for the tech lead\n\n${items.join('\n')}`
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
