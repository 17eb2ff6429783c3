// Commit message and explanation written without AI (no key, offline): a template from the request and
// the per-file diff stats, clearly labelled; the tests are described as Gemba measured them (a pass
// only when they ran on this change and passed). Pure.
import type { FileChange } from '../../../../shared/models/change.ts'
import { plural } from '../../../../shared/plural.ts'

export function offlineCommitMessage(request: string, files: readonly FileChange[]): string {
  const subject = request.split('\n')[0]!.trim().replace(/\.$/, '')
  const short = subject.length > 60 ? `${subject.slice(0, 57).trimEnd()}...` : subject
  const body = files.map((file) => `- ${file.path} (+${file.additions} -${file.deletions})`)
  return [short.charAt(0).toUpperCase() + short.slice(1), '', ...body].join('\n')
}

export function offlineExplanation(request: string, files: readonly FileChange[], tests: string): string {
  const testFiles = files.filter((file) => /(^|\/)(tests?|spec|__tests__)\/|[._-](test|spec)\./i.test(file.path))
  return [
    '_Written by Gemba from the diff alone (no AI)._',
    '',
    `**What was asked:** ${request.trim()}`,
    '',
    '**What changed:**',
    ...files.map((file) => `- \`${file.path}\` — ${file.status}, ${plural(file.additions, 'line')} added, ${file.deletions} removed`),
    '',
    testFiles.length > 0
      ? `**How it is tested:** ${testFiles.map((file) => `\`${file.path}\``).join(', ')} exercise${testFiles.length === 1 ? 's' : ''} the change. ${tests}`
      : `**How it is tested:** no test file changed; ask the tech lead where a test for this belongs. ${tests}`,
  ].join('\n')
}
