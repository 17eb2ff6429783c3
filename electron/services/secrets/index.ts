// The secrets domain's public face: what counts as a credential and how it is kept on the machine
// (files withheld by name or by what a link resolves to, values redacted in place). Every other domain
// (ai, change, repos, log) imports from here, never from the files behind it. Pure; reads no disk.
export { findLineSecretSpans } from './secret-line-rules.ts'
export { redactCommitText } from './redact-commit-text.ts'
export { SecretRedactor, type Redactor } from './secret-redactor.ts'
export { applySpans, sweepRepeats } from './secret-spans.ts'
export { looksRandom } from './stray-tokens.ts'
export { withheldRule } from './withheld-rule.ts'
