// The edit applier: each refusal the issue lists, by example, and by property that an accepted
// str_replace/insert does exactly what it says while a refused one changes nothing, anywhere.
import fc from 'fast-check'
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SecretRedactor } from '../../../../../../electron/services/secrets/secret-redactor.ts'
import { MAX_EDIT_BYTES, StagedCopy } from '../../../../../../electron/services/change/drafts/staged-copy.ts'
import { GembaError } from '../../../../../../shared/errors.ts'

let root: string
let outside: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gemba-'))
  outside = await mkdtemp(join(tmpdir(), 'gemba-'))
  await mkdir(join(root, '.git'))
  await writeFile(join(root, '.git', 'config'), '[core]\n')
  await mkdir(join(root, 'src'))
  await writeFile(join(root, 'src', 'app.ts'), 'export const a = 1\nexport const b = 2\nexport const b2 = 2\n')
  await writeFile(join(outside, 'secret.txt'), 'outside\n')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

async function refusal(run: () => Promise<unknown>): Promise<GembaError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof GembaError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'utf8')
  }
  return out
}

describe('StagedCopy refusals (nothing written, nothing staged)', () => {
  it.each([
    ['../outside.txt', 'leads outside the repository'],
    ['src/../../x.ts', 'leads outside the repository'],
    ['/etc/passwd', 'is absolute'],
    ['.git/config', '.git'],
    ['src/.GIT/hooks/pre-commit', '.git'],
  ])('refuses %s', async (path, why) => {
    const before = await snapshot(root)
    const staged = new StagedCopy({ root })
    const error = await refusal(() => staged.create(path, 'x\n'))
    expect(error.code).toBe('refused')
    expect(error.message).toContain(why)
    expect(staged.changed()).toEqual([])
    expect(await snapshot(root)).toEqual(before)
  })

  it('refuses a symlink that points out of the repository, and a path through it', async () => {
    await symlink(outside, join(root, 'link-out'))
    await symlink(join(outside, 'secret.txt'), join(root, 'file-link'))
    const staged = new StagedCopy({ root })
    expect((await refusal(() => staged.strReplace('file-link', 'outside', 'inside'))).message).toContain('outside the repository')
    expect((await refusal(() => staged.create('link-out/new.ts', 'x'))).message).toContain('outside the repository')
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('outside\n')
    expect(await readdir(outside)).toEqual(['secret.txt'])
  })

  it('refuses a binary file', async () => {
    await writeFile(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))
    const error = await refusal(() => new StagedCopy({ root }).insert('logo.png', 0, 'x'))
    expect(error.message).toContain('binary')
  })

  it('refuses a search text that is not found, or found twice', async () => {
    const staged = new StagedCopy({ root })
    expect((await refusal(() => staged.strReplace('src/app.ts', 'export const z', 'x'))).message).toContain('was not found')
    expect((await refusal(() => staged.strReplace('src/app.ts', '= 2', '= 3'))).message).toContain('found 2 times')
    expect(staged.changed()).toEqual([])
  })

  it('refuses to edit a file that changed on disk since the agent read it', async () => {
    const staged = new StagedCopy({ root })
    await staged.strReplace('src/app.ts', 'const a = 1', 'const a = 10')
    await writeFile(join(root, 'src', 'app.ts'), 'export const a = 1 // edited by hand\n')
    const error = await refusal(() => staged.strReplace('src/app.ts', 'const a = 10', 'const a = 11'))
    expect(error.message).toContain('changed on disk since the agent read it')
    await expect(staged.ensureDiskUnchanged(['src/app.ts'])).rejects.toMatchObject({ code: 'conflict' })
  })

  it('refuses a file or an edit larger than the cap', async () => {
    await writeFile(join(root, 'big.txt'), 'x'.repeat(MAX_EDIT_BYTES + 1))
    const staged = new StagedCopy({ root, maxBytes: MAX_EDIT_BYTES })
    expect((await refusal(() => staged.insert('big.txt', 0, 'y'))).message).toContain('cap')
    expect((await refusal(() => staged.create('src/huge.ts', 'y'.repeat(MAX_EDIT_BYTES + 1)))).message).toContain('larger than')
    expect((await refusal(() => staged.strReplace('src/app.ts', 'const a = 1', 'z'.repeat(MAX_EDIT_BYTES)))).message).toMatch(
      /larger than|grow past/,
    )
  })

  it('refuses files withheld for secrets, and overwriting a redacted line', async () => {
    await writeFile(join(root, '.env'), 'TOKEN=abc\n')
    const staged = new StagedCopy({ root, exclusion: (path) => (path.endsWith('.env') ? 'env-file' : null) })
    expect((await refusal(() => staged.strReplace('.env', 'abc', 'def'))).message).toContain('withholds')
    expect((await refusal(() => staged.strReplace('src/app.ts', 'const a = 1', '[redacted by Gemba: aws]'))).message).toContain('secret')
  })

  it('refuses to create, change or delete a line that holds a secret, and allows edits around it', async () => {
    const key = 'Zk8Qw3Rt6Yu9' + 'Lp2Xc7Vb'
    const before = `import os\nAPI_KEY = "${key}"\nTIMEOUT = 30\n`
    await writeFile(join(root, 'src', 'settings.py'), before)
    const staged = new StagedCopy({ root, redactor: new SecretRedactor() })
    // A redacted line cannot be edited: refused in the very words of text not found, so no refusal tells anything.
    const notFound = await refusal(() => staged.strReplace('src/settings.py', 'TIMEOUT = 99', 'TIMEOUT = 1'))
    expect(notFound.message).toMatch(/was not found in the file as you see it/)
    const changeIt = await refusal(() => staged.strReplace('src/settings.py', 'API_KEY = "', 'API_KEY = "x'))
    expect([changeIt.message, changeIt.next]).toEqual([notFound.message, notFound.next])
    const deleteIt = await refusal(() => staged.strReplace('src/settings.py', 'import os\nAPI_KEY', 'import os\nOLD_KEY'))
    expect(deleteIt.message).toBe(notFound.message)
    // The raw value is not in the view, so quoting it finds nothing, right or wrong.
    expect((await refusal(() => staged.strReplace('src/settings.py', `"${key.slice(0, 6)}`, '"'))).message).toBe(notFound.message)
    expect((await refusal(() => staged.strReplace('src/settings.py', `"${key}"`, `"${key}"`))).message).toBe(notFound.message)
    expect((await refusal(() => staged.insert('src/settings.py', 3, 'SECRET_TOKEN = "Ab3dE6gH9jK2mN5pQ8sT"'))).message).toMatch(
      /write a line that holds a secret/,
    )
    expect((await refusal(() => staged.create('src/new.py', 'password = "Xq9-vLm2-Rt7"\n'))).message).toMatch(
      /write a line that holds a secret/,
    )
    expect(staged.changed()).toEqual([])
    // Around it, anything goes; a secret line that only moves down is still the same line.
    await staged.insert('src/settings.py', 1, 'import sys')
    await staged.strReplace('src/settings.py', 'TIMEOUT = 30', 'TIMEOUT = 60')
    expect(staged.get('src/settings.py')?.current).toBe(`import os\nimport sys\nAPI_KEY = "${key}"\nTIMEOUT = 60\n`)
    expect(await readFile(join(root, 'src', 'settings.py'), 'utf8')).toBe(before)
  })

  it('refuses create over an existing file', async () => {
    expect((await refusal(() => new StagedCopy({ root }).create('src/app.ts', 'x'))).message).toContain('already exists')
  })
})

describe('StagedCopy edits', () => {
  it('stages str_replace, insert and create without touching the disk', async () => {
    const before = await snapshot(root)
    const staged = new StagedCopy({ root })
    await staged.strReplace('src/app.ts', 'const a = 1', 'const a = 10')
    await staged.insert('src/app.ts', 0, '// header')
    await staged.create('src/app.test.ts', "import '../app.ts'\n")
    expect(staged.get('src/app.ts')?.current).toBe('// header\nexport const a = 10\nexport const b = 2\nexport const b2 = 2\n')
    expect(staged.changed().map((file) => file.path)).toEqual(['src/app.test.ts', 'src/app.ts'])
    expect(await snapshot(root)).toEqual(before)
    staged.revert('src/app.test.ts')
    expect(staged.changed().map((file) => file.path)).toEqual(['src/app.ts'])
  })
})

describe('StagedCopy properties', () => {
  const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'x', '=', '1'), maxLength: 6 })
  const lines = fc.array(line, { minLength: 1, maxLength: 8 })

  it('str_replace replaces exactly the one occurrence, or refuses and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(lines, line, line, async (content, needle, replacement) => {
        const text = `${content.join('\n')}\n`
        await writeFile(join(root, 'p.txt'), text)
        const staged = new StagedCopy({ root })
        const occurrences = needle === '' ? 0 : text.split(needle).length - 1
        try {
          await staged.strReplace('p.txt', needle, replacement)
          expect(occurrences).toBe(1)
          expect(staged.get('p.txt')?.current).toBe(text.replace(needle, replacement))
        } catch (error) {
          expect(error).toBeInstanceOf(GembaError)
          expect(occurrences).not.toBe(1)
          expect(staged.changed()).toEqual([])
        }
        expect(await readFile(join(root, 'p.txt'), 'utf8')).toBe(text)
      }),
      { numRuns: 150 },
    )
  })

  it('insert puts the lines after line n and keeps every other line in order', async () => {
    await fc.assert(
      fc.asyncProperty(lines, fc.integer({ min: -2, max: 12 }), line, async (content, at, inserted) => {
        const text = `${content.join('\n')}\n`
        await writeFile(join(root, 'p.txt'), text)
        const staged = new StagedCopy({ root })
        if (at < 0 || at > content.length) {
          await expect(staged.insert('p.txt', at, inserted)).rejects.toBeInstanceOf(GembaError)
          return
        }
        await staged.insert('p.txt', at, inserted)
        const expected = [...content.slice(0, at), inserted, ...content.slice(at)]
        expect(staged.get('p.txt')?.current).toBe(`${expected.join('\n')}\n`)
      }),
      { numRuns: 150 },
    )
  })

  it('path guard: whatever path the agent names, a staged file is inside the root and outside .git', async () => {
    await symlink(outside, join(root, 'link-out'))
    const segment = fc.constantFrom('..', '.', '', '.git', 'src', 'link-out', 'new', '~', '\\', 'C:')
    const path = fc
      .tuple(fc.constantFrom('', '/', './'), fc.array(segment, { maxLength: 6 }))
      .map(([lead, parts]) => lead + [...parts, 'f.ts'].join('/'))
    await fc.assert(
      fc.asyncProperty(path, async (requested) => {
        const staged = new StagedCopy({ root })
        const staged2 = await staged.create(requested, 'x\n').catch((error: unknown) => {
          expect(error).toBeInstanceOf(GembaError)
          return null
        })
        if (staged2) {
          expect(staged2.file.path.split('/')).not.toContain('..')
          expect(staged2.file.path.split('/').map((s) => s.toLowerCase())).not.toContain('.git')
          expect(staged2.file.path.startsWith('link-out/')).toBe(false)
        }
      }),
      { numRuns: 200 },
    )
    expect(await readdir(outside)).toEqual(['secret.txt'])
  })
})
