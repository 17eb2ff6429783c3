import { describe, expect, it } from 'vitest'
import { scanManifests } from '../../../../../../electron/services/repos/scan/manifests.ts'

async function facts(files: Record<string, string>) {
  return scanManifests(Object.keys(files), async (path) => files[path] ?? null, 'folder')
}

describe('scanManifests', () => {
  it('reads a Node workspace: name, scripts, test command, frameworks and packages', async () => {
    const result = await facts({
      'package.json': JSON.stringify({
        name: 'shop',
        workspaces: ['packages/*'],
        scripts: { test: 'jest' },
        dependencies: { next: '1', react: '1' },
      }),
      'packages/api/package.json': JSON.stringify({ name: '@shop/api', dependencies: { express: '1' } }),
      'pnpm-lock.yaml': '',
      '.github/workflows/ci.yml': 'on: push',
    })
    expect(result.facts).toMatchObject({ name: 'shop', testCommand: 'pnpm test', workspaces: ['packages/api'], ci: ['GitHub Actions'] })
    expect(result.facts.frameworks).toEqual(expect.arrayContaining(['Next.js', 'React', 'Express']))
    expect(result.packages).toEqual([{ name: '@shop/api', dir: 'packages/api' }])
  })

  it('guesses the test command per ecosystem', async () => {
    expect(
      (
        await facts({
          'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi>=0.1"]\n[dependency-groups]\ntest = ["pytest"]\n',
        })
      ).facts,
    ).toMatchObject({
      name: 'svc',
      testCommand: 'pytest',
      frameworks: ['FastAPI'],
      testedWith: ['pytest'],
    })
    expect((await facts({ 'go.mod': 'module example.com/x\n\nrequire github.com/gin-gonic/gin v1.9.0\n' })).facts).toMatchObject({
      name: 'folder',
      packageName: 'example.com/x',
      testCommand: 'go test ./...',
      frameworks: ['Gin'],
    })
    expect((await facts({ 'Cargo.toml': '[package]\nname = "tool"\n[dependencies]\naxum = "0.7"\n' })).facts.testCommand).toBe('cargo test')
    expect((await facts({ 'pom.xml': '<project><artifactId>bank</artifactId></project>', mvnw: '' })).facts.testCommand).toBe('./mvnw test')
    expect((await facts({ Gemfile: "gem 'rails'\ngroup :test do\n  gem 'rspec-rails'\nend\n" })).facts).toMatchObject({
      testCommand: 'bundle exec rspec',
      frameworks: ['Rails'],
      testedWith: ['RSpec'],
    })
    expect((await facts({ 'README.md': '' })).facts).toMatchObject({ name: 'folder', testCommand: null })
  })

  it('never throws on a broken manifest', async () => {
    const result = await facts({ 'package.json': '{ nope', 'Cargo.toml': '[[[' })
    expect(result.facts.manifests).toEqual([])
  })
})
