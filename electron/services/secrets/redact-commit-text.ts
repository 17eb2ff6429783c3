// Commit subjects and bodies as they may be shown or sent: a token pasted into a commit message is
// replaced like one in a file (`[redacted by Gemba: <kind>]`), by Gemba's line rules (vendor token
// shapes, URLs with passwords, assignments). Synchronous, so the history reader can apply it where a
// commit becomes a summary. Pure.
import { findLineSecretSpans } from './secret-line-rules.ts'
import { applySpans, sweepRepeats } from './secret-spans.ts'

export function redactCommitText(message: string): string {
  const spans = findLineSecretSpans('(commit message)', message, 'config')
  return spans.length === 0 ? message : applySpans('(commit message)', message, sweepRepeats(message, spans)).text
}
