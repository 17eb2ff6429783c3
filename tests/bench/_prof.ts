import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { findLineSecretSpans } from '../../electron/services/ai/redact/secret-line-rules.ts'
import { findTokenSpans } from '../../electron/services/ai/redact/token-patterns.ts'
import { findStructuredSecretSpans } from '../../electron/services/ai/redact/structured-secrets.ts'
import { findSecretSpans } from '../../electron/services/ai/redact/secret-redactor.ts'
import { fileKind } from '../../electron/services/ai/redact/file-kind.ts'
const root = process.argv[2]!
const files = execFileSync('git', ['-C', root, 'ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(p => { try { const b = readFileSync(root + '/' + p); return b.length < 1e6 && !b.subarray(0, 8000).includes(0) ? { p, t: b.toString('utf8') } : null } catch { return null } }).filter(Boolean) as { p: string; t: string }[]
const mb = files.reduce((s, f) => s + f.t.length, 0) / 1e6
const time = async (name: string, fn: (f: { p: string; t: string }) => unknown) => { const t0 = performance.now(); for (const f of files) await fn(f); const ms = performance.now() - t0; console.log(name.padEnd(12), (mb / (ms / 1000)).toFixed(1), 'MB/s') }
await time('tokens', f => findTokenSpans(f.t))
await time('lines', f => findLineSecretSpans(f.p, f.t))
await time('structure', f => findStructuredSecretSpans(f.p, f.t, fileKind(f.p)))
await time('all', f => findSecretSpans(f.p, f.t))
