// The pull request's title and description, drafted from the hour: what changed and why (the commit
// message, the request, the files), the team's tests and their outcome as Gemba measured them (never a
// claim it did not measure), the explanation, who wrote which lines, and a line saying it was made in a
// Gemba hour. The leader edits it before anything is pushed. Pure; the caller redacts it.
import type { AppliedChange, Authorship, FileChange, TestRunResult } from '../../../../shared/models/change.ts'
import { plural } from '../../../../shared/plural.ts'
import { testVerdict } from '../team-tests/test-verdict.ts'

export interface HourOfChange {
  readonly request: string
  readonly commitMessage: string | null
  readonly applied: AppliedChange
  readonly files: readonly Pick<FileChange, 'path' | 'status' | 'additions' | 'deletions'>[]
  readonly lastTestRun: TestRunResult | null
  readonly explanation: string | null
  readonly authorship: Authorship | null
}

const MAX_TITLE = 120
const MAX_FILES_LISTED = 30

export function describeChange(hour: HourOfChange): { title: string; body: string } {
  const [subject = '', ...rest] = (hour.commitMessage ?? '').trim().split('\n')
  const title = shorten(subject.trim() || firstLine(hour.request), MAX_TITLE)
  const commitBody = rest.join('\n').trim()
  const sections: string[] = []
  sections.push(`## What changed and why\n\n${commitBody || hour.request.trim()}`)
  if (commitBody && commitBody !== hour.request.trim()) sections.push(`Asked for in the hour:\n\n${quoted(hour.request)}`)
  if (hour.files.length > 0) {
    const listed = hour.files
      .slice(0, MAX_FILES_LISTED)
      .map((file) => `- \`${file.path}\` (${file.status}, +${file.additions} −${file.deletions})`)
    if (hour.files.length > MAX_FILES_LISTED) listed.push(`- and ${plural(hour.files.length - MAX_FILES_LISTED, 'more file')}`)
    sections.push(listed.join('\n'))
  }
  sections.push(`## Tests\n\n${testVerdict(hour.applied, hour.lastTestRun).sentence}`)
  if (hour.explanation?.trim()) sections.push(`## Explanation\n\n${hour.explanation.trim()}`)
  sections.push(`---\n${madeIn(hour.authorship)}`)
  return { title, body: sections.join('\n\n') }
}

function madeIn(authorship: Authorship | null): string {
  const line = "Made in a Gemba hour: an engineering leader's weekly hands-on hour in the team's code."
  if (!authorship) return line
  if (authorship.agentLines === 0) return `${line} The leader wrote every line.`
  return `${line} The leader wrote ${plural(authorship.leaderLines, 'line')}; Claude, as an AI pair, drafted ${plural(authorship.agentLines, 'line')}, which the leader reviewed before committing.`
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? ''
}

function quoted(text: string): string {
  return shorten(text.trim(), 600)
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n')
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
