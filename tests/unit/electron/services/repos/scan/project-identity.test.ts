// The project's identity, one rule per test, on repositories the tests build: name, description and
// stack come from the root and its main packages; workspace members, examples, docs, benchmarks,
// fixtures and test apps never define them; a monorepo is described as one.
import { describe, expect, it } from 'vitest'
import { scanBuiltRepo } from '../../../../../fixtures/scan-built-repo.ts'

const json = (value: unknown) => JSON.stringify(value)
const code = (lines: number) => Array.from({ length: lines }, (_, i) => `export const v${i} = ${i}`).join('\n')
const ruby = (lines: number) => Array.from({ length: lines }, (_, i) => `X${i} = ${i}`).join('\n')

describe('project identity', () => {
  it('takes the name, description and stack from the root manifest, never from a workspace member', async () => {
    // Shaped like Rails: a root gemspec, member gems, and a JavaScript package inside one of them.
    const scan = await scanBuiltRepo({
      'rails.gemspec':
        'Gem::Specification.new do |s|\n  s.name = "rails"\n  s.summary = "Full-stack web application framework."\n  s.add_dependency "rack"\nend\n',
      'package.json': json({ private: true, workspaces: ['actioncable'] }),
      'actioncable/package.json': json({
        name: '@rails/actioncable',
        description: 'WebSocket framework for Ruby on Rails.',
        dependencies: { react: '1' },
      }),
      'actioncable/actioncable.gemspec':
        'Gem::Specification.new do |s|\n  s.name = "actioncable"\n  s.summary = "WebSocket framework for Rails."\nend\n',
      'actioncable/lib/action_cable.rb': ruby(40),
      'activerecord/activerecord.gemspec':
        'Gem::Specification.new do |s|\n  s.name = "activerecord"\n  s.summary = "Object-relational mapper."\nend\n',
      'activerecord/lib/active_record.rb': ruby(120),
    })
    expect(scan.project.name).toBe('rails')
    expect(scan.project.description).toBe('Full-stack web application framework.')
    expect(scan.project.frameworks).toContain('Rack')
    expect(scan.project.frameworks).not.toContain('React')
  })

  it('never names a private workspace root after a member; the README title or folder does', async () => {
    // Shaped like vuejs/core: a private, nameless root, and a private test package listed first.
    const scan = await scanBuiltRepo(
      {
        'package.json': json({ private: true, devDependencies: { vitest: '1', vite: '1' } }),
        'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'packages-private/*'\n",
        'README.md': '# vuejs/core [![npm](https://img.shields.io/npm/v/vue.svg)](https://npmjs.com/package/vue)\n\n## Getting Started\n',
        'packages-private/dts-built-test/package.json': json({ name: 'dts-built-test', private: true, description: 'dts-built-test' }),
        'packages-private/dts-built-test/src/index.ts': code(5),
        'packages/runtime-core/package.json': json({ name: '@vue/runtime-core', description: '@vue/runtime-core' }),
        'packages/runtime-core/src/index.ts': code(200),
        'packages/vue/package.json': json({ name: 'vue', description: 'The progressive JavaScript framework.' }),
        'packages/vue/src/index.ts': code(60),
      },
      { folder: 'core' },
    )
    expect(scan.project.name).toBe('vuejs/core')
    expect(scan.project.name).not.toBe('dts-built-test')
    expect(scan.project.description).toBeNull()
  })

  it('describes a monorepo as one, with its main packages', async () => {
    const scan = await scanBuiltRepo({
      'package.json': json({ private: true, workspaces: ['packages/*'] }),
      'packages/core/package.json': json({ name: '@acme/core' }),
      'packages/core/src/index.ts': code(300),
      'packages/web/package.json': json({ name: '@acme/web' }),
      'packages/web/src/index.ts': code(200),
      'packages/cli/package.json': json({ name: '@acme/cli' }),
      'packages/cli/src/index.ts': code(120),
      'examples/demo/package.json': json({ name: 'demo-app' }),
      'examples/demo/index.ts': code(400),
    })
    expect(scan.project.monorepo).toEqual({ packages: 3, main: ['@acme/core', '@acme/web', '@acme/cli'] })
  })

  it('lets no example, docs source, benchmark, fixture or test app say what the project is built with', async () => {
    // Shaped like hono: benchmarks and examples depend on Express and React; the project itself on nothing.
    const scan = await scanBuiltRepo({
      'package.json': json({ name: 'hono', description: 'Web framework built on Web Standards', devDependencies: { vitest: '1' } }),
      'src/index.ts': code(50),
      'benchmarks/routers/package.json': json({ name: 'bench', dependencies: { express: '1' } }),
      'examples/app/package.json': json({ name: 'example', dependencies: { react: '1' } }),
      'docs_src/package.json': json({ name: 'docs', dependencies: { next: '1' } }),
      'test/fixtures/app/package.json': json({ name: 'fixture-app', dependencies: { koa: '1' } }),
      'e2e/app/package.json': json({ name: 'e2e-app', dependencies: { fastify: '1' } }),
    })
    expect(scan.project.name).toBe('hono')
    expect(scan.project.frameworks).toEqual([])
    expect(scan.project.testedWith).toEqual(['Vitest'])
    expect(scan.project.manifests.map((manifest) => manifest.path)).toEqual(['package.json'])
  })

  it('counts only runtime dependencies as what it is built with; test tools are what it is tested with', async () => {
    // Shaped like FastAPI: Flask is a test dependency, not what FastAPI is built with.
    const scan = await scanBuiltRepo({
      'pyproject.toml':
        '[project]\nname = "fastapi"\ndescription = "FastAPI framework"\ndependencies = ["starlette>=0.4", "pydantic>=2"]\n[dependency-groups]\ntests = ["flask>=3", "pytest>=8"]\n',
      'fastapi/__init__.py': 'from .applications import FastAPI\n',
      'fastapi/applications.py': 'class FastAPI:\n    pass\n',
      'requirements-docs.txt': 'mkdocs\ndjango\n',
    })
    expect(scan.project.frameworks).toEqual(['Starlette', 'Pydantic'])
    expect(scan.project.frameworks).not.toContain('Flask')
    expect(scan.project.frameworks).not.toContain('FastAPI')
    expect(scan.project.testedWith).toEqual(['pytest'])
  })

  it('falls back to the folder name, and to the README title only when it names the folder', async () => {
    const plain = await scanBuiltRepo(
      { 'README.md': '# Welcome to our service\n\nIt does things.\n', 'main.c': 'int main(void) { return 0; }\n' },
      { folder: 'billing' },
    )
    expect(plain.project.name).toBe('billing')
    const cmake = await scanBuiltRepo(
      { 'CMakeLists.txt': 'project(FMT CXX)\n', 'src/format.cc': 'int f() { return 1; }\n' },
      { folder: 'fmt' },
    )
    expect(cmake.project.name).toBe('fmt')
  })

  it('is named as its README names it, entities decoded, with the manifest description when the README says nothing', async () => {
    // Shaped like a .NET library: a heading with a logo, padding entities and a badge; a list of links.
    const csproj = (name: string, description: string) =>
      `<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <PackageId>${name}</PackageId>\n    <Description>${description}</Description>\n  </PropertyGroup>\n</Project>\n`
    const scan = await scanBuiltRepo(
      {
        'README.md':
          '# ![Logo](Doc/logo.png) Acme.Json&nbsp;&nbsp;&nbsp;&nbsp;[![NuGet](https://img.shields.io/nuget/v/Acme.Json.svg)](https://nuget.example)\n\n- [Homepage](https://acme.example)\n- [Documentation](https://acme.example/help)\n',
        'Src/Acme.Json/Acme.Json.csproj': csproj('Acme.Json', 'Acme.Json is a high-performance JSON framework for .NET'),
        'Src/Acme.Json/JsonReader.cs': 'namespace Acme.Json;\npublic class JsonReader { public int Read() => 1; }\n',
        // A second project beside it: the repository is not one package, its description is still the main one's.
        'Src/Acme.Json.TestConsole/Acme.Json.TestConsole.csproj': csproj('Acme.Json.TestConsole', 'Console to try the serializer'),
        'Src/Acme.Json.TestConsole/Program.cs': 'namespace Acme.Json.TestConsole;\npublic class Program { static void Main() {} }\n',
      },
      { folder: 'Acme.Json' },
    )
    expect(scan.project.name).toBe('Acme.Json')
    expect(scan.project.description).toBe('Acme.Json is a high-performance JSON framework for .NET')
  })

  it('names a monorepo as the project, never by its private root package', async () => {
    // Shaped like vite: a private "-monorepo" root beside pnpm-workspace.yaml, a README with a logo.
    const scan = await scanBuiltRepo(
      {
        'package.json': json({ name: '@acme/acme-monorepo', private: true, devDependencies: { vitest: '1' } }),
        'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
        'README.md': [
          '<p align="center"><a href="https://acme.example"><img alt="acme logo" src="https://acme.example/logo.svg"></a></p>',
          '',
          '# Acme ⚡',
          '',
          '> Next Generation Widget Tooling',
          '',
          'Acme is a build tool for widgets that starts instantly and reloads as you type.',
        ].join('\n'),
        'packages/acme/package.json': json({ name: 'acme', description: 'Widget tooling' }),
        'packages/acme/src/index.ts': code(200),
        'packages/create-acme/package.json': json({ name: 'create-acme' }),
        'packages/create-acme/src/index.ts': code(120),
      },
      { folder: 'acme' },
    )
    expect(scan.project).toMatchObject({
      name: 'Acme',
      packageName: null,
      description: 'Next Generation Widget Tooling',
      intro: 'Acme is a build tool for widgets that starts instantly and reloads as you type.',
      monorepo: { packages: 2, main: ['acme', 'create-acme'] },
    })
  })

  it('keeps the name its ecosystem knows it by beside the one its README gives', async () => {
    const scan = await scanBuiltRepo(
      {
        'composer.json': json({ name: 'acme/ledger', description: 'Ledger component', require: { php: '>=8.1' } }),
        'README.md': '# Ledger\n\nLedger is a bookkeeping library for PHP applications.\n',
        'src/Ledger.php': '<?php\nnamespace Acme\\Ledger;\nclass Ledger {}\n',
      },
      { folder: 'ledger' },
    )
    expect(scan.project).toMatchObject({ name: 'Ledger', packageName: 'acme/ledger' })
  })
})
