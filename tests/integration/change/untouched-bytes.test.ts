// Untouched bytes stay: the agent's edits to files in Latin-1, UTF-16 (either byte order, behind its
// mark), UTF-8 with a mark, CRLF and mixed line endings land on the Gemba branch with every byte
// outside the edited lines as it was (checked against git's own view of the commit and the disk); new
// lines take the file's endings; a script stays executable; and where a file cannot be decoded
// faithfully, or cannot hold what the agent writes, the tool says so and nothing changes.
import { execFile } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { applyStaged } from '../../../electron/services/change/landing/commit-change.ts'
import { StagedCopy, stagedBytes } from '../../../electron/services/change/drafts/staged-copy.ts'
import { SecretRedactor } from '../../../electron/services/secrets/secret-redactor.ts'
import { buildRepo, type RepoBuilder } from '../../fixtures/repo-builder.ts'

const latin1 = (text: string) => Buffer.from(text, 'latin1')
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
const utf8 = (text: string) => Buffer.from(text, 'utf8')

interface Case {
  readonly path: string
  readonly before: Buffer
  readonly edit: (staged: StagedCopy) => Promise<unknown>
  readonly after: Buffer
}

const CASES: readonly Case[] = [
  {
    path: 'src/legacy.c',
    before: latin1('/* © 2019 Jürgen Müller */\nint size = 1;\nconst char *name = "Größe";\n'),
    edit: (staged) => staged.strReplace('src/legacy.c', 'int size = 1;', 'int size = 2;'),
    after: latin1('/* © 2019 Jürgen Müller */\nint size = 2;\nconst char *name = "Größe";\n'),
  },
  {
    path: 'src/Resources.cs',
    before: utf16le('// Größe\r\nclass R {\r\n  int a = 1;\r\n}\r\n'),
    edit: (staged) => staged.strReplace('src/Resources.cs', '  int a = 1;\n', '  int a = 1;\n  int b = 2;\n'),
    after: utf16le('// Größe\r\nclass R {\r\n  int a = 1;\r\n  int b = 2;\r\n}\r\n'),
  },
  {
    path: 'src/legacy.txt',
    before: utf16be('Größe: 1\nÜbersicht: 2\n'),
    edit: (staged) => staged.strReplace('src/legacy.txt', 'Größe: 1', 'Größe: 3'),
    after: utf16be('Größe: 3\nÜbersicht: 2\n'),
  },
  {
    path: 'src/App.config',
    before: utf8bom('<config>\r\n  <add key="a" value="1" />\r\n</config>\r\n'),
    edit: (staged) => staged.insert('src/App.config', 2, '  <add key="b" value="2" />'),
    after: utf8bom('<config>\r\n  <add key="a" value="1" />\r\n  <add key="b" value="2" />\r\n</config>\r\n'),
  },
  {
    path: 'src/mixed.txt',
    before: utf8('one\r\ntwo\nthree\r\nfour\nfive'),
    edit: (staged) => staged.strReplace('src/mixed.txt', 'three', 'THREE'),
    after: utf8('one\r\ntwo\nTHREE\r\nfour\nfive'),
  },
  {
    path: 'bin/run.sh',
    before: utf8('#!/bin/sh\r\necho one\r\n'),
    edit: (staged) => staged.insert('bin/run.sh', 2, 'echo two'),
    after: utf8('#!/bin/sh\r\necho one\r\necho two\r\n'),
  },
]

let repo: RepoBuilder | undefined
afterEach(async () => repo?.cleanup())

function gitBytes(builder: RepoBuilder, spec: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    execFile('git', ['cat-file', 'blob', spec], { cwd: builder.dir, encoding: 'buffer' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  )
}

describe('the agent’s edits keep every byte nobody edited', () => {
  it('lands Latin-1, UTF-16 LE and BE, UTF-8 with a mark, CRLF and mixed endings with only the edited lines changed', async () => {
    repo = await buildRepo()
    for (const { path, before } of CASES) await repo.write(path, before)
    await repo.chmod('bin/run.sh', 0o755)
    const base = await repo.commit('Files in their own encodings')
    const staged = new StagedCopy({ root: repo.dir, redactor: new SecretRedactor() })
    for (const { edit } of CASES) await edit(staged)
    const applied = await applyStaged(
      {
        root: repo.dir,
        request: 'Small edits',
        accepted: CASES.map((c) => c.path),
        message: 'Small edits',
        author: { name: 'Leader Person', email: 'leader@example.com' },
        changedInWorkingTree: [],
        now: new Date('2026-11-24T10:00:00Z'),
      },
      staged,
    )
    for (const { path, before, after } of CASES) {
      expect(await readFile(repo.path(path)), path).toEqual(after)
      expect(await gitBytes(repo, `${applied.branch}:${path}`), path).toEqual(after)
      expect(await gitBytes(repo, `${base}:${path}`), path).toEqual(before)
    }
    // git sees one line changed (or added) per file, as text: nothing else moved.
    const numstat = await repo.git(['diff', '--numstat', base, applied.branch])
    expect(numstat.trim().split('\n').sort()).toEqual(
      [
        '1\t0\tbin/run.sh',
        '1\t0\tsrc/App.config',
        '1\t1\tsrc/legacy.c',
        '1\t1\tsrc/mixed.txt',
        '-\t-\tsrc/Resources.cs',
        '-\t-\tsrc/legacy.txt',
      ].sort(),
    )
    expect((await stat(repo.path('bin/run.sh'))).mode & 0o777).toBe(0o755)
    expect(await repo.git(['status', '--porcelain'])).toBe('')
  })

  it('says so, and changes nothing, where a file cannot be decoded faithfully or cannot hold the new text', async () => {
    repo = await buildRepo()
    await repo.write('src/broken16.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x0a, 0x00]))
    await repo.write('src/legacy.c', latin1('/* © Müller */\nint a;\n'))
    await repo.commit('Odd files')
    const staged = new StagedCopy({ root: repo.dir, redactor: new SecretRedactor() })
    await expect(staged.strReplace('src/broken16.txt', 'A', 'B')).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(
        /cannot edit it without changing bytes nobody edited: it starts with a UTF-16LE mark but is not valid/,
      ),
    })
    await expect(staged.insert('src/legacy.c', 2, 'const char *jp = "日本";')).rejects.toMatchObject({
      message: expect.stringMatching(/the file is Windows-1252 \(Latin-1\), which cannot hold "日", "本"/),
    })
    expect(staged.changed()).toEqual([])
    await staged.insert('src/legacy.c', 2, 'const char *de = "Straße";')
    expect(Buffer.from(stagedBytes(staged.get('src/legacy.c')!))).toEqual(latin1('/* © Müller */\nint a;\nconst char *de = "Straße";\n'))
  })
})
