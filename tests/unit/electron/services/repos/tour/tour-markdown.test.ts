import { describe, expect, it } from 'vitest'
import { buildTour, readmeIntro } from '../../../../../../electron/services/repos/tour/tour-markdown.ts'
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
  it('takes the paragraph that defines the project, past badges, release news and a section that is not a description', () => {
    const readme = [
      '# Fastr Web Framework',
      '[![Build](https://ci.example/badge.svg)](https://ci.example)',
      '## 📰 Fastr 2.0 is now available!',
      "We're excited to announce the release of **Fastr 2.0**! This release brings new features and important fixes.",
      '---',
      'Fastr is a small HTTP framework written in Go that routes requests without allocating.',
    ].join('\n\n')
    expect(readmeIntro(readme)).toBe('Fastr is a small HTTP framework written in Go that routes requests without allocating.')
  })

  it('falls back to the first real paragraph when none defines the project', () => {
    const readme = '# tool\n\nIn-process messaging with no dependencies, for .NET.\n\nInstall it from NuGet with the command below.\n'
    expect(readmeIntro(readme)).toBe('In-process messaging with no dependencies, for .NET.')
  })

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
  it('leaves out a manifest description the README paragraph already says, and keeps one it does not', async () => {
    const said = await scanBuiltRepo(
      {
        'README.md': '# acme\n\nAcme is a service that sells widgets to other teams over HTTP and keeps their stock.\n',
        'package.json': JSON.stringify({ name: 'acme', description: 'Sells widgets to other teams' }),
        'src/index.ts': code(20),
      },
      { folder: 'acme' },
    )
    expect(buildTour(said).markdown).not.toContain('\nSells widgets to other teams\n')
    const notSaid = await scanBuiltRepo(
      {
        'README.md': '# acme\n\nAcme is a service that sells widgets to other teams over HTTP and keeps their stock.\n',
        'package.json': JSON.stringify({ name: 'acme', description: 'The shop floor backend of Acme Corp' }),
        'src/index.ts': code(20),
      },
      { folder: 'acme' },
    )
    expect(buildTour(notSaid).markdown).toContain('\nThe shop floor backend of Acme Corp\n')
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
  it('names a Go module by its last part, with its path', async () => {
    const scan = await scanBuiltRepo(
      {
        'go.mod': 'module github.com/acme/widgets/v2\n\ngo 1.22\n',
        'widgets.go': 'package widgets\n\nfunc Count() int { return 1 }\n',
      },
      { folder: 'checkout' },
    )
    expect(buildTour(scan).markdown.split('\n')[0]).toBe('# A tour of widgets (github.com/acme/widgets/v2)')
  })
})
