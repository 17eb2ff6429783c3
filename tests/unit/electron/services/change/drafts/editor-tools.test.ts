// The agent's tools over the staged copy: after an edit, read_file shows the staged text (as the
// editor's view does), redacted like any read; untouched files, reverted edits and ranges read as before.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SecretRedactor } from '../../../../../../electron/services/secrets/secret-redactor.ts'
import { createChangeTools, EDITOR_TOOL_NAME } from '../../../../../../electron/services/change/drafts/editor-tools.ts'
import { StagedCopy } from '../../../../../../electron/services/change/drafts/staged-copy.ts'
import type { ToolSet } from '../../../../../../electron/services/ai/tools/repo-tools.ts'

const signal = new AbortController().signal
const GREET = "export function greet(name) {\n  return 'Helo, ' + name + '!'\n}\n"
let root: string
let staged: StagedCopy
let tools: ToolSet

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gemba-'))
  await mkdir(join(root, '.git'))
  await mkdir(join(root, 'src'))
  await writeFile(join(root, 'src', 'greet.js'), GREET)
  await writeFile(join(root, 'src', 'other.js'), 'export const other = 1\n')
  staged = new StagedCopy({ root })
  tools = createChangeTools({ staged, redactor: new SecretRedactor(), listFiles: async () => ['src/greet.js', 'src/other.js'] })
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const edit = (input: Record<string, unknown>) => tools.execute(EDITOR_TOOL_NAME, input, signal)

describe('read_file in the small change', () => {
  it('shows the staged text of a file the agent edited, not the disk', async () => {
    const edited = await edit({ command: 'str_replace', path: 'src/greet.js', old_str: "'Helo, '", new_str: "'Hello, '" })
    expect(edited.isError).toBe(false)
    const read = await tools.execute('read_file', { path: 'src/greet.js' }, signal)
    expect(read.isError).toBe(false)
    expect(read.content).toContain("2\t  return 'Hello, ' + name + '!'")
    expect(read.content).not.toContain('Helo')
    expect(read.content).toContain('as staged with your edits')
    expect(read.summary).toContain('read src/greet.js lines 1-3')
    expect(await readFile(join(root, 'src', 'greet.js'), 'utf8')).toBe(GREET)
  })

  it('reads a file the agent created, which is not on disk, and honours the line range', async () => {
    await edit({ command: 'create', path: 'test/greet.test.js', file_text: 'line one\nline two\nline three\n' })
    const read = await tools.execute('read_file', { path: './test/greet.test.js', start_line: 2, end_line: 3 }, signal)
    expect(read.isError).toBe(false)
    expect(read.content).toBe('test/greet.test.js (lines 2-3 of 3, as staged with your edits)\n2\tline two\n3\tline three')
  })

  it('redacts a secret in the staged text like any read', async () => {
    const password = 'S3cretPa55'
    await edit({
      command: 'insert',
      path: 'src/other.js',
      insert_line: 1,
      insert_text: `const url = 'postgres://shop:${password}@db.internal/shop'\n`,
    })
    const read = await tools.execute('read_file', { path: 'src/other.js' }, signal)
    expect(read.content).toContain('[redacted by Gemba')
    expect(read.content).not.toContain(password)
    expect(read.redactions.length).toBeGreaterThan(0)
  })

  it('reads the disk for files the agent only looked at, and again once an edit is reverted', async () => {
    await edit({ command: 'view', path: 'src/other.js' })
    const untouched = await tools.execute('read_file', { path: 'src/other.js' }, signal)
    expect(untouched.content).toBe('src/other.js (lines 1-1 of 1)\n1\texport const other = 1')
    await edit({ command: 'str_replace', path: 'src/greet.js', old_str: "'Helo, '", new_str: "'Hello, '" })
    staged.revert('src/greet.js')
    const reverted = await tools.execute('read_file', { path: 'src/greet.js' }, signal)
    expect(reverted.content).toContain('Helo')
    expect(reverted.content).not.toContain('as staged')
  })

  it('still refuses a path outside the repository', async () => {
    const read = await tools.execute('read_file', { path: '../outside.txt' }, signal)
    expect(read.isError).toBe(true)
  })
})

describe('edits to lines that hold secrets', () => {
  it('are refused with a tool error that says why, and the refusal is reported for the leader', async () => {
    await writeFile(join(root, 'src', 'config.js'), `export const apiKey = '${'Zk8Qw3Rt6Yu9' + 'Lp2Xc7Vb'}'\nexport const retries = 3\n`)
    const refusals: unknown[] = []
    const guarded = new StagedCopy({ root, redactor: new SecretRedactor() })
    const agentTools = createChangeTools({
      staged: guarded,
      redactor: new SecretRedactor(),
      listFiles: async () => ['src/config.js'],
      onRefused: (refusal) => refusals.push(refusal),
    })
    const result = await agentTools.execute(
      EDITOR_TOOL_NAME,
      {
        command: 'str_replace',
        path: 'src/config.js',
        old_str: "export const apiKey = '",
        new_str: "export const apiKey = process.env.API_KEY ?? '",
      },
      signal,
    )
    expect(result.isError).toBe(true)
    expect(result.content).toMatch(
      /not found in the file as you see it \(lines holding a \[redacted by Gemba: …\] secret cannot be edited\)/,
    )
    expect(result.content).toMatch(/from lines without a redaction/)
    expect(refusals).toEqual([{ path: 'src/config.js', command: 'str_replace', reason: expect.stringMatching(/secret cannot be edited/) }])
    expect(guarded.changed()).toEqual([])
  })
})
