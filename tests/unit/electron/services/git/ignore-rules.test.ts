// Gemba's reading of ignore rules against git's own, on generated trees: random files, random
// .gitignore lines at the root and in folders (negations, anchors, folder-only lines, `*`, `?`, `**`,
// brackets, escapes, non-ASCII names), random .git/info/exclude lines, with and without
// core.ignoreCase. Whatever git lists as untracked (each file, `-uall`), Gemba lists.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIgnoreFile } from '../../../../../electron/services/git/ignore-rules.ts'
import { readWorkingState, withRepository } from '../../../../../electron/services/git/git-layer.ts'
import { buildRepo, type RepoBuilder } from '../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder
beforeAll(async () => {
  repo = await buildRepo()
})
afterAll(async () => repo.cleanup())

const NAMES = ['a', 'b', 'ab', 'x.log', 'A.LOG', '.h', 'd e', 'ü', 'b.txt', '#n']
const FOLDERS = ['', 'a/', 'b/', 'a/b/', 'a/b/c/', 'd/', 'ü/']
const ATOMS = [
  'a',
  'b',
  'ab',
  'c',
  'ü',
  '*',
  '?',
  '**',
  '[ab]',
  '[!a]',
  '[a-c]',
  '*.log',
  '*.LOG',
  '.h',
  'd e',
  '\\#n',
  'x*',
  '[[:alpha:]]*',
]

const line = fc
  .record({
    negated: fc.boolean(),
    anchored: fc.boolean(),
    folderOnly: fc.boolean(),
    segments: fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 3 }),
    trailingSpace: fc.boolean(),
  })
  .map(
    (parts) =>
      `${parts.negated ? '!' : ''}${parts.anchored ? '/' : ''}${parts.segments.join('/')}${parts.folderOnly ? '/' : ''}${parts.trailingSpace ? '  ' : ''}`,
  )

const tree = fc.record({
  files: fc.uniqueArray(
    fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES)).map(([folder, name]) => `${folder}${name}`),
    { minLength: 1, maxLength: 14 },
  ),
  ignores: fc.array(fc.tuple(fc.constantFrom('', 'a/', 'a/b/', 'd/'), fc.array(line, { minLength: 1, maxLength: 4 })), { maxLength: 3 }),
  exclude: fc.array(line, { maxLength: 2 }),
  ignoreCase: fc.boolean(),
})

async function clearWorkingTree(): Promise<void> {
  for (const name of await readdir(repo.dir)) if (name !== '.git') await rm(join(repo.dir, name), { recursive: true, force: true })
}

describe('IgnoreRules against git', () => {
  it('lists the untracked files git lists, on generated trees and ignore lines', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (generated) => {
        await clearWorkingTree()
        // A file and a folder cannot share a name: a file whose name is another's folder is left out.
        const folders = new Set(
          generated.files.flatMap((path) =>
            path
              .split('/')
              .slice(0, -1)
              .map((_, i, all) => all.slice(0, i + 1).join('/')),
          ),
        )
        const written = generated.files.filter((file) => !folders.has(file))
        for (const path of written) await repo.write(path, 'x')
        for (const [folder, lines] of generated.ignores) {
          const above = folder
            .split('/')
            .slice(0, -1)
            .map((_, i, all) => all.slice(0, i + 1).join('/'))
          if (above.some((path) => written.includes(path))) continue
          await mkdir(repo.path(folder), { recursive: true })
          await writeFile(repo.path(`${folder}.gitignore`), `${lines.join('\n')}\n`)
        }
        await writeFile(repo.path('.git/info/exclude'), `${generated.exclude.join('\n')}\n`)
        await repo.git(['config', 'core.ignoreCase', String(generated.ignoreCase)])
        const git = (await repo.git(['status', '--porcelain', '-z', '-uall']))
          .split('\0')
          .filter(Boolean)
          .map((entry) => entry.slice(3))
          .sort()
        const state = await withRepository(repo.dir, (opened) =>
          readWorkingState({ repo: opened, entries: [], headFiles: null, untrackedFiles: 'all', limit: 1_000 }),
        )
        expect(state.changed.map((file) => file.path).sort()).toEqual(git)
      }),
      { numRuns: 150 },
    )
  }, 120_000)
})

describe('parseIgnoreFile', () => {
  const matches = (text: string, path: string, dir = false) => {
    const list = parseIgnoreFile(text, '', false)
    for (const pattern of [...list.patterns].reverse()) {
      if (pattern.folderOnly && !dir) continue
      if (pattern.matcher.test(pattern.nameOnly ? (path.split('/').pop() ?? '') : path)) return !pattern.negated
    }
    return null
  }

  it('skips comments and blank lines, keeps a quoted trailing space and a quoted #', () => {
    expect(parseIgnoreFile('# comment\n\n   \nfoo\n', '', false).patterns).toHaveLength(1)
    expect(matches('space\\ \n', 'space ')).toBe(true)
    expect(matches('\\#hash\n', '#hash')).toBe(true)
    expect(matches('#hash\n', '#hash')).toBeNull()
  })

  it('anchors a line with a slash to its folder, and matches a bare name at any depth', () => {
    expect(matches('/top\n', 'top')).toBe(true)
    expect(matches('/top\n', 'a/top')).toBeNull()
    expect(matches('name\n', 'a/b/name')).toBe(true)
    expect(matches('a/*.js\n', 'a/b/c.js')).toBeNull()
    expect(matches('a/**/c.js\n', 'a/b/x/c.js')).toBe(true)
    expect(matches('a/**/c.js\n', 'a/c.js')).toBe(true)
  })

  it('matches a folder-only line against folders alone', () => {
    expect(matches('build/\n', 'build', true)).toBe(true)
    expect(matches('build/\n', 'build', false)).toBeNull()
  })
})
