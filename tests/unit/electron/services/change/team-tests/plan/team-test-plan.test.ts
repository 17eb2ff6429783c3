// How the team runs its tests, read from the repository: CI's test job with the setup before it (its
// setup actions as the lines they stand for), else the task runner's target, else the manifests.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { teamTestPlans } from '../../../../../../../electron/services/change/team-tests/plan/team-test-plan.ts'

let root: string | undefined
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true })
  root = undefined
})

async function repo(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'gemba-plan-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  return root
}

describe('teamTestPlans', () => {
  it('reads the test job of a GitHub Actions workflow, with its setup in order, before the docs job', async () => {
    const plans = await teamTestPlans(
      await repo({
        'pyproject.toml': '[project]\nname = "x"\n[dependency-groups]\ntests = ["pytest"]\n',
        '.github/workflows/docs.yml':
          'jobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install --group docs\n      - run: make -C docs html\n',
        '.github/workflows/tests.yml': [
          'jobs:',
          '  tests:',
          '    runs-on: ${{ matrix.os }}',
          '    strategy:',
          '      matrix:',
          '        os: [ubuntu-latest, windows-latest]',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: actions/setup-python@v5',
          '      - run: python -m pip install --upgrade pip',
          '      - run: pip install -e . --group tests',
          '      - name: Lint',
          '        run: ruff check .',
          '      - run: pytest -v tests',
          '',
        ].join('\n'),
      }),
    )
    expect(plans[0]).toEqual({
      command: 'pytest -v tests',
      from: 'the `tests` job of .github/workflows/tests.yml',
      setup: ['python -m pip install --upgrade pip', 'pip install -e . --group tests'],
    })
  })

  it('stands a setup action for the install it does (pnpm/action-setup with run_install)', async () => {
    const plans = await teamTestPlans(
      await repo({
        'package.json': '{"name":"x","packageManager":"pnpm@9.0.0","scripts":{"test":"vitest run"}}',
        '.github/workflows/ci.yml': [
          'jobs:',
          '  unit-test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: pnpm/action-setup@v4',
          '        with:',
          '          run_install: true',
          '      - run: pnpm run build',
          '      - run: pnpm test',
          '',
        ].join('\n'),
      }),
    )
    expect(plans[0]).toEqual({
      command: 'pnpm test',
      from: 'the `unit-test` job of .github/workflows/ci.yml',
      setup: ['pnpm install', 'pnpm run build'],
    })
    // The manifests' own way comes after CI's.
    expect(plans.at(-1)).toEqual({ command: 'pnpm test', from: 'package.json’s `test` script', setup: [] })
  })

  it('without CI: the Makefile’s test target, else the ecosystem’s runner, with the package manager package.json declares', async () => {
    expect(
      (await teamTestPlans(await repo({ Makefile: 'check:\n\tgo vet ./...\ntest:\n\tgo test ./...\n', 'go.mod': 'module x\n' })))[0],
    ).toEqual({
      command: 'make test',
      from: 'the `test` target of the Makefile',
      setup: [],
    })
    await rm(root!, { recursive: true, force: true })
    expect(await teamTestPlans(await repo({ 'package.json': '{"packageManager":"yarn@4.1.0","scripts":{"test":"jest"}}' }))).toEqual([
      { command: 'yarn test', from: 'package.json’s `test` script', setup: [] },
    ])
    await rm(root!, { recursive: true, force: true })
    expect(await teamTestPlans(await repo({ Gemfile: 'source "https://rubygems.org"\n', 'spec/a_spec.rb': '' }))).toEqual([
      { command: 'bundle exec rspec', from: 'the Gemfile and its spec/ folder', setup: ['bundle install'] },
    ])
    await rm(root!, { recursive: true, force: true })
    expect(
      await teamTestPlans(await repo({ 'package.json': '{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}' })),
    ).toEqual([])
  })
})
