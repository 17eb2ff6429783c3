// The path guard, by example and by property: whatever path Claude asks for, the answer is a path
// inside the repository, outside .git, or a refusal.
import fc from 'fast-check'
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normaliseRepoPath, resolveInsideRepo } from '../../../../../electron/services/fs/resolve-inside-repo.ts'
import { GembaError } from '../../../../../shared/errors.ts'

function refusal(run: () => unknown): GembaError | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    if (error instanceof GembaError) return error
    throw error
  }
}

const segment = fc.oneof(
  fc.constantFrom('..', '.', '', '.git', '.GIT', 'src', 'a b', 'x.ts', '~', 'C:', '\\', '\0', '..\\..', '%2e%2e', 'link-out', 'inside'),
  fc.string({ maxLength: 6 }),
)
const requestedPath = fc
  .tuple(fc.constantFrom('', '/', './', '\\', 'C:\\'), fc.array(segment, { maxLength: 8 }), fc.constantFrom('/', '\\'))
  .map(([lead, parts, separator]) => lead + parts.join(separator))

describe('normaliseRepoPath', () => {
  it.each([
    ['src/app.ts', 'src/app.ts'],
    ['./src//app.ts', 'src/app.ts'],
    ['src\\app.ts', 'src/app.ts'],
    ['src/../README.md', 'README.md'],
    ['', ''],
    ['.', ''],
  ])('accepts %j as %j', (requested, expected) => {
    expect(normaliseRepoPath(requested)).toBe(expected)
  })

  it.each([
    '/etc/passwd',
    'C:\\Windows',
    '\\\\server\\share',
    '../outside',
    'src/../../outside',
    '.git/config',
    'src/.Git/hooks',
    'a\0b',
    '~/.ssh/id_rsa',
    'x'.repeat(2000),
  ])('refuses %j', (requested) => {
    expect(refusal(() => normaliseRepoPath(requested))?.code).toBe('refused')
  })

  it('property: any answer is relative, inside the root and outside .git', () => {
    fc.assert(
      fc.property(requestedPath, (requested) => {
        const error = refusal(() => normaliseRepoPath(requested))
        if (error) return error.code === 'refused'
        const result = normaliseRepoPath(requested)
        const segments = result.split('/')
        const root = join(tmpdir(), 'root')
        return (
          !result.startsWith('/') &&
          !result.includes('\0') &&
          !result.includes('\\') &&
          segments.every((part) => part !== '..' && part.toLowerCase() !== '.git') &&
          !relative(root, join(root, result)).startsWith('..')
        )
      }),
      { numRuns: 2000 },
    )
  })
})

describe('resolveInsideRepo', () => {
  let base: string
  let root: string
  beforeAll(async () => {
    base = await realpath(await mkdtemp(join(tmpdir(), 'gemba-')))
    root = join(base, 'repo')
    await mkdir(join(root, 'inside', 'deep'), { recursive: true })
    await mkdir(join(root, '.git'), { recursive: true })
    await mkdir(join(base, 'outside'))
    await writeFile(join(base, 'outside', 'secret.txt'), 'outside')
    await writeFile(join(root, 'inside', 'file.txt'), 'inside')
    await symlink(join(base, 'outside'), join(root, 'link-out'))
    await symlink(join(base, 'outside', 'secret.txt'), join(root, 'inside', 'file-out.txt'))
    await symlink(join(root, 'inside'), join(root, 'link-in'))
    await symlink(join(root, '.git'), join(root, 'git-alias'))
    await symlink(join(root, 'missing'), join(root, 'dangling'))
  })
  afterAll(async () => {
    await rm(base, { recursive: true, force: true })
  })

  it('resolves files and folders inside, including through an inside link', async () => {
    expect((await resolveInsideRepo(root, 'inside/file.txt')).absolute).toBe(join(root, 'inside', 'file.txt'))
    expect((await resolveInsideRepo(root, 'link-in/file.txt')).absolute).toBe(join(root, 'inside', 'file.txt'))
    expect((await resolveInsideRepo(root, '')).relative).toBe('')
  })

  it.each(['link-out/secret.txt', 'link-out', 'inside/file-out.txt', 'git-alias/config', 'git-alias'])(
    'refuses %s (a link that leaves or reaches .git)',
    async (requested) => {
      const error = await resolveInsideRepo(root, requested).catch((caught: unknown) => caught)
      expect((error as GembaError).code).toBe('refused')
    },
  )

  it('refuses a missing file with not_found, and allows it when asked (for new files)', async () => {
    expect(((await resolveInsideRepo(root, 'inside/new.txt').catch((e: unknown) => e)) as GembaError).code).toBe('not_found')
    const created = await resolveInsideRepo(root, 'inside/deep/new.txt', { mustExist: false })
    expect(created).toMatchObject({ exists: false, absolute: join(root, 'inside', 'deep', 'new.txt') })
    const through = await resolveInsideRepo(root, 'link-out/new.txt', { mustExist: false }).catch((e: unknown) => e)
    expect((through as GembaError).code).toBe('refused')
  })

  it('property: on a real tree with links in and out, an accepted path is really inside and never in .git', async () => {
    await fc.assert(
      fc.asyncProperty(requestedPath, fc.boolean(), async (requested, mustExist) => {
        const result = await resolveInsideRepo(root, requested, { mustExist }).catch((error: unknown) => error)
        if (result instanceof GembaError) return result.code === 'refused' || result.code === 'not_found'
        if (result instanceof Error) throw result
        const resolved = result as { absolute: string }
        const inside = relative(root, resolved.absolute)
        return !inside.startsWith('..') && !inside.split(sep).some((part) => part.toLowerCase() === '.git')
      }),
      { numRuns: 500 },
    )
  })
})
