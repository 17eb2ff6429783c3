import { describe, expect, it } from 'vitest'
import { buildTour } from '../../../../../../electron/services/repos/tour/tour-markdown.ts'
import { scanBuiltRepo } from '../../../../../fixtures/scan-built-repo.ts'

const code = (lines: number) => Array.from({ length: lines }, (_, i) => `export const v${i} = ${i}`).join('\n')

describe('the offline tour', () => {
  it('says what the project is, describes a monorepo as one, and has a section for every part of the module map', async () => {
    const scan = await scanBuiltRepo(
      {
        'README.md': '# acme\n\nAcme sells widgets to other teams over HTTP and keeps their stock.\n',
        'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'], devDependencies: { vitest: '1' } }),
        'packages/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '1', '@acme/core': '1' } }),
        'packages/api/src/index.ts': `import { v0 } from '@acme/core'\n${code(200)}`,
        'packages/core/package.json': JSON.stringify({ name: '@acme/core' }),
        'packages/core/src/index.ts': code(150),
        'docs/guide.md': '# Guide\n',
      },
      { folder: 'acme' },
    )
    const tour = buildTour(scan)
    expect(tour.markdown).toContain('A monorepo of 2 packages; the main ones: `@acme/api` and `@acme/core`.')
    expect(tour.markdown).toContain('Built with Express.')
    expect(tour.markdown).toContain('Tested with Vitest.')
    expect(tour.markdown).toMatch(/Around it: .*`docs\/` \(documentation\)/)
    expect(tour.sections).toEqual({ '.': '(root files)', 'packages/api': 'packages/api/', 'packages/core': 'packages/core/' })
    for (const heading of Object.values(tour.sections)) expect(tour.markdown).toContain(`### ${heading}\n`)
    expect(tour.markdown).toMatch(/### packages\/api\/\n\n2 files, [\d,]+ lines of TypeScript\.[\s\S]*Uses: `packages\/core\/` \(1\)\./)
  })
})

describe('what the README says the project is', () => {
  it('reads the README GitHub shows: .github/ before the root, the root before docs/', async () => {
    const scan = await scanBuiltRepo(
      {
        'README.md': '# acme\n\nThis readme is for acme developers; the general one is in .github.\n',
        '.github/README.md': '# acme\n\nAcme is a service that sells widgets to other teams over HTTP.\n',
        'docs/README.md': '# docs\n\nThe documentation site of acme, built with a static site generator.\n',
        'src/index.ts': code(20),
      },
      { folder: 'acme' },
    )
    expect(scan.readme?.path).toBe('.github/README.md')
    expect(buildTour(scan).markdown).toContain('> Acme is a service that sells widgets to other teams over HTTP.')
  })
})

describe('the tour says what the project is once', () => {
  it('says what the README says, and the manifest description only when the README says nothing', async () => {
    const said = await scanBuiltRepo(
      {
        'README.md': '# acme\n\nAcme is a service that sells widgets to other teams over HTTP and keeps their stock.\n',
        'package.json': JSON.stringify({ name: 'acme', description: 'The shop floor backend of Acme Corp' }),
        'src/index.ts': code(20),
      },
      { folder: 'acme' },
    )
    const tour = buildTour(said).markdown
    // The README's sentence is quoted once, not also said above the quote.
    expect(tour).toContain('From README.md:\n\n> Acme is a service that sells widgets to other teams over HTTP and keeps their stock.\n')
    expect(tour.match(/sells widgets/g)).toHaveLength(1)
    expect(tour).not.toContain('shop floor')
    const silent = await scanBuiltRepo(
      {
        'README.md': '# acme\n\n- [Docs](https://acme.example/docs)\n- [Chat](https://chat.example)\n',
        'package.json': JSON.stringify({ name: 'acme', description: 'The shop floor backend of Acme Corp' }),
        'src/index.ts': code(20),
      },
      { folder: 'acme' },
    )
    expect(buildTour(silent).markdown).toContain('\nThe shop floor backend of Acme Corp\n')
  })

  it('quotes the README as text, with what would read as Markdown escaped', async () => {
    const scan = await scanBuiltRepo(
      {
        'README.md': '# acme\n\nAcme is a *fast* tool for `<template>` files & [widgets](https://x.example) in C++ <17>.\n',
        'src/index.ts': code(20),
      },
      { folder: 'acme' },
    )
    expect(buildTour(scan).markdown).toContain('> Acme is a fast tool for `<template>` files & widgets in C++ \\<17\\>.')
  })
})

describe('who knows what', () => {
  it('names people by their names as text, never by an address', async () => {
    const scan = await scanBuiltRepo(
      { 'src/index.ts': code(20) },
      {
        prepare: async (repo) => {
          for (const [name, email] of [
            ['grace@navy.example', 'grace@navy.example'],
            ['Ada *the* Countess', 'ada@example.org'],
          ] as const) {
            await repo.files({ 'src/index.ts': `${code(20)}\n// ${name}` })
            await repo.commit(`Edit by ${name}`, { author: { name, email } })
          }
        },
      },
    )
    const people = buildTour(scan).markdown.split('## Who knows what')[1]!.split('\n## ')[0]!
    expect(people).toMatch(/grace \(1\)/)
    expect(people).toContain('Ada \\*the\\* Countess (1)')
    expect(people).not.toContain('@')
  })
})

describe('the languages a project is written in', () => {
  it('names the code first, even when docs outweigh it, and sums docs, data and config after it', async () => {
    const docs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of the guide.`).join('\n\n')
    const scan = await scanBuiltRepo(
      {
        'README.md': '# acme\n\nAcme is a service that sells widgets to other teams over HTTP.\n',
        'docs/guide.md': docs,
        'src/app.py': Array.from({ length: 120 }, (_, i) => `value_${i} = ${i}`).join('\n'),
        'src/tool.sh': 'echo one\necho two\n',
      },
      { folder: 'acme' },
    )
    expect(buildTour(scan).markdown).toMatch(
      /: written in Python \(120 lines\), with some Shell, and [\d,]+ lines of docs, data and config \(Markdown\)\./,
    )
  })
})

describe('the tour title', () => {
  it('names a Go module by its README heading, else its folder, with the module path beside it', async () => {
    const files = {
      'go.mod': 'module github.com/acme/widgets/v2\n\ngo 1.22\n',
      'widgets.go': 'package widgets\n\nfunc Count() int { return 1 }\n',
    }
    const plain = await scanBuiltRepo(files, { folder: 'widgets' })
    expect(buildTour(plain).markdown.split('\n')[0]).toBe('# A tour of widgets (github.com/acme/widgets/v2)')
    const titled = await scanBuiltRepo({ ...files, 'README.md': '# Acme Widgets\n\nWidgets is a stock service.\n' }, { folder: 'widgets' })
    expect(buildTour(titled).markdown.split('\n')[0]).toBe('# A tour of Acme Widgets (github.com/acme/widgets/v2)')
  })
})
