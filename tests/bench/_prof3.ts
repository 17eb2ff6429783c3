import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { lintSource } from '@secretlint/core'
import { creator } from '@secretlint/secretlint-rule-preset-recommend'
const root = process.argv[2]!
const files = execFileSync('git', ['-C', root, 'ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(p => { try { const b = readFileSync(root + '/' + p); return b.length < 1e6 && !b.subarray(0, 8000).includes(0) ? { p, t: b.toString('utf8') } : null } catch { return null } }).filter(Boolean) as { p: string; t: string }[]
const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] }
let t0 = performance.now()
for (const f of files.slice(0, 300)) await lintSource({ source: { content: 'x', filePath: f.p, contentType: 'text' }, options: { config, maskSecrets: true, noPhysicFilePath: true } })
console.log('per-call overhead', ((performance.now() - t0) / 300).toFixed(2), 'ms')
const RUN = /[A-Za-z0-9+/_=-]{16,}/g
let kept = 0, total = 0, keptBytes = 0, bytes = 0
for (const f of files) for (const line of f.t.split('\n')) { total++; bytes += line.length; if (/:\/\/|-----|pass|pwd/i.test(line) || [...line.matchAll(RUN)].some(m => /\d/.test(m[0]) && /[A-Za-z]/.test(m[0]))) { kept++; keptBytes += line.length } }
console.log('kept lines', kept, '/', total, 'bytes', (keptBytes / bytes * 100).toFixed(1) + '%')
