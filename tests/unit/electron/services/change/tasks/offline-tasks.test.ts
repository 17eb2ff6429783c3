// Offline task ideas from real signals, on a repository the test builds: a file that changed often
// and that no test reaches gets a test task for its main function; a file of types, a file a test
// reaches through another module, and an entry point never do; a TODO counts only in code and only
// when it asks for something an hour can do; a parseInt without a check is a tiny validation; a
// public function the team would have documented is a docs gap. Sizes follow minutes.
import { afterEach, describe, expect, it } from 'vitest'
import { offlineTasks } from '../../../../../../electron/services/change/tasks/offline-tasks.ts'
import { checkedAgainst } from '../../../../../../electron/services/change/tasks/propose-tasks.ts'
import { RepoService } from '../../../../../../electron/services/repos/repo-service.ts'
import { unwatched } from '../../../../../../electron/services/events-port.ts'
import type { TaskProposal } from '../../../../../../shared/models/change.ts'
import type { ScanResult } from '../../../../../../shared/models/repos.ts'
import { buildRepo, makeTempFolder, type RepoBuilder } from '../../../../../fixtures/repo-builder.ts'

let repo: RepoBuilder
afterEach(async () => repo?.cleanup())

async function scanOf(): Promise<ScanResult> {
  const repos = new RepoService({
    store: { load: async () => [], save: async () => undefined },
    cacheFolder: await makeTempFolder(),
    createParser: async () => null,
  })
  try {
    return await repos.scanPath(repo.dir, new AbortController().signal, unwatched)
  } finally {
    await repos.dispose()
  }
}

const PRICE = (n: number) =>
  `/** Prices. */\nexport function price(amount: number, rate: number): number {\n  const taxed = amount * (1 + rate)\n  const rounded = Math.round(taxed * 100) / 100\n  if (rounded < 0) return 0\n  return rounded + ${n}\n}\n`

describe('offlineTasks', () => {
  it('proposes from real signals and never a types-only, reached or trivial file', async () => {
    repo = await buildRepo()
    await repo.files({
      'package.json': '{ "name": "shop", "scripts": { "test": "vitest" } }\n',
      'CHANGELOG.md': '# Changes\n\n- TODO: add the release notes for version 2 here\n',
      'src/status.ts':
        'export type StatusCode = 200 | 404 | 500\nexport interface Handler {\n  (code: StatusCode): void\n}\nexport type Callback = (error: Error) => void\n',
      'src/app-base.ts': 'export class AppBase {\n  route(path: string) {\n    return path.trim()\n  }\n}\n',
      'src/app.ts': "import { AppBase } from '../app-base'\nexport class App extends AppBase {}\n",
      'src/app.test.ts': "import { App } from '../app'\ntest('routes', () => expect(new App().route(' / ')).toBe('/'))\n",
      'src/index.ts': "export * from '../app'\n",
      'src/limits.ts':
        'export function limitFrom(text: string): number {\n  // TODO: clamp the limit to the configured maximum\n  const limit = parseInt(text)\n  return limit\n}\n',
      'src/docs.ts':
        '/** One. */\nexport function one(a: number) {\n  const b = a + 1\n  const c = b * 2\n  return c\n}\n\n/** Two. */\nexport function two(a: number) {\n  const b = a - 1\n  const c = b * 2\n  return c\n}\n\nexport function three(a: number) {\n  const b = a * 3\n  const c = b + 2\n  return c\n}\n',
    })
    await repo.commit('Start')
    for (let n = 1; n <= 3; n++) {
      await repo.files({
        'src/price.ts': PRICE(n),
        'src/status.ts': `export type StatusCode = 200 | 404 | 50${n}\n`,
        'src/app-base.ts': `export class AppBase {\n  route(path: string) {\n    return path.trim() + '${n}'\n  }\n}\n`,
      })
      await repo.commit(`Change ${n}`)
    }
    const tasks = await offlineTasks(repo.dir, await scanOf(), () => null, new AbortController().signal)
    const byKind = (kind: TaskProposal['kind']) => tasks.filter((task) => task.kind === kind)
    expect(tasks).toHaveLength(3)
    expect(byKind('missing_test')).toEqual([
      expect.objectContaining({ title: 'Add a test for price() in price.ts', files: ['src/price.ts:2'], effortMinutes: 15, size: 'tiny' }),
    ])
    expect(byKind('missing_test')[0]!.description).toContain('changed in 3 of the last 4 commits, and no test reaches it')
    const mentioned = tasks.flatMap((task) => task.files).join(' ')
    expect(mentioned).not.toMatch(/status\.ts|app-base\.ts|index\.ts|CHANGELOG/)
    expect(tasks.find((task) => task.kind === 'text_or_validation' || task.kind === 'todo')?.files).toEqual([
      expect.stringMatching(/^src\/limits\.ts:[23]$/),
    ])
    expect(byKind('docs')).toEqual([
      expect.objectContaining({ title: 'Document three() in docs.ts', files: ['src/docs.ts:15'], size: 'tiny' }),
    ])
  })
})

describe('offlineTasks: test reach per ecosystem', () => {
  const RUST = (n: number, name: string) =>
    `/// Reads.\npub fn ${name}(headers: &str) -> usize {\n    let trimmed = headers.trim();\n    let count = trimmed.len();\n    count + ${n}\n}\n`
  const JSX = (n: number) =>
    `export const jsxDEV = (tag: string, props: object) => {\n  const node = { tag, props }\n  const kept = { ...node, n: ${n} }\n  return kept\n}\n`

  it('counts a Rust folder with inline tests, and a test config’s JSX runtime, as reached', async () => {
    repo = await buildRepo()
    await repo.files({
      'Cargo.toml': '[package]\nname = "jar"\n',
      'src/cookie/mod.rs': 'mod private;\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn reads() {}\n}\n',
      'vitest.config.ts':
        "export default { esbuild: { jsx: 'automatic', jsxImportSource: './src/jsx/dom' }, test: { environment: 'jsdom', alias: { importSource: './src/jsx/dom' } } }\n",
      'src/jsx/dom/render.test.ts': "test('renders', () => expect(1).toBe(1))\n",
    })
    await repo.commit('Start')
    for (let n = 1; n <= 3; n++) {
      await repo.files({
        'src/cookie/private.rs': RUST(n, 'from_headers'),
        'src/plain/parse.rs': RUST(n, 'parse_headers'),
        'src/jsx/dom/jsx-dev-runtime.ts': JSX(n),
      })
      await repo.commit(`Change ${n}`)
    }
    const tasks = await offlineTasks(repo.dir, await scanOf(), () => null, new AbortController().signal)
    const tested = tasks.filter((task) => task.kind === 'missing_test').flatMap((task) => task.files)
    expect(tested).toContain('src/plain/parse.rs:2')
    expect(tested.join(' ')).not.toMatch(/private\.rs|jsx-dev-runtime/)
  })

  it('counts the Java/C# types a test names, and an extension method it calls, as reached', async () => {
    const JAVA = (name: string, method: string, n: number) =>
      `package app;\n\npublic class ${name} {\n    public String greet() {\n        return "hi";\n    }\n\n    public int ${method}(int amount) {\n        int taxed = amount * 2;\n        int rounded = taxed + 1;\n        return rounded + ${n};\n    }\n}\n`
    const CS = (n: number) =>
      `namespace Shop;\n\npublic static class Registration\n{\n    public static int AddShopServices(this Services services)\n    {\n        return RegisterCore(services);\n    }\n\n    public static int RegisterCore(Services services)\n    {\n        var count = services.Count;\n        var more = count * 2;\n        return more + ${n};\n    }\n}\n`
    repo = await buildRepo()
    await repo.files({
      'src/test/java/app/AppTest.java':
        'package app;\n\nclass AppTest {\n    @Test\n    void prices() {\n        assertEquals("hi", new Greeter().greet());\n    }\n}\n',
      'test/Shop.Tests/StartupTests.cs':
        'public class StartupTests\n{\n    [Fact]\n    public void Registers() => Assert.Equal(1, new Services().AddShopServices());\n}\n',
    })
    await repo.commit('Start')
    for (let n = 1; n <= 3; n++) {
      await repo.files({
        'src/main/java/app/Greeter.java': JAVA('Greeter', 'price', n),
        'src/main/java/app/Pricer.java': JAVA('Pricer', 'quote', n),
        'src/Shop/Registration.cs': CS(n),
      })
      await repo.commit(`Change ${n}`)
    }
    const tasks = await offlineTasks(repo.dir, await scanOf(), () => null, new AbortController().signal)
    expect(tasks.filter((task) => task.kind === 'missing_test').flatMap((task) => task.files)).toEqual(['src/main/java/app/Pricer.java:8'])
  })

  it('counts the Ruby modules a test reaches through the classes it names; never proposes a one-line method', async () => {
    const RB = (name: string, method: string, n: number) =>
      `module Shop\n  module ${name}\n    def ${method}(values)\n      kept = values.compact\n      sorted = kept.sort\n      sorted.first(${n})\n    end\n  end\nend\n`
    repo = await buildRepo()
    await repo.files({
      'lib/shop/relation.rb': 'module Shop\n  class Relation\n    include QueryMethods\n  end\nend\n',
      'test/relation_test.rb': 'class RelationTest < Minitest::Test\n  def test_new\n    assert Shop::Relation.new\n  end\nend\n',
    })
    await repo.commit('Start')
    for (let n = 1; n <= 3; n++) {
      await repo.files({
        'lib/shop/query_methods.rb': RB('QueryMethods', 'unscope_values', n),
        'lib/shop/pricing.rb': RB('Pricing', 'cheapest', n),
        'lib/shop/flags.rb': `module Shop\n  module Flags\n    def ruby?\n      @engine == :ruby${n}\n    end\n  end\nend\n`,
      })
      await repo.commit(`Change ${n}`)
    }
    const tasks = await offlineTasks(repo.dir, await scanOf(), () => null, new AbortController().signal)
    expect(tasks.filter((task) => task.kind === 'missing_test').flatMap((task) => task.files)).toEqual(['lib/shop/pricing.rb:3'])
  })

  it('lets a test reach through a chain of package re-exports (__init__.py importing a sub-package’s __init__.py)', async () => {
    const PY = (n: number) =>
      `def map_errors(error):\n    name = type(error).__name__\n    mapped = name.upper()\n    trimmed = mapped.strip()\n    return trimmed + "${n}"\n`
    repo = await buildRepo()
    await repo.files({
      'pyproject.toml': '[project]\nname = "client"\n',
      'client/__init__.py': 'from ._transports import *\n',
      'client/_transports/__init__.py': 'from .default import *\n',
      'tests/test_client.py': 'import client\n\ndef test_errors():\n    assert client\n',
    })
    await repo.commit('Start')
    for (let n = 1; n <= 3; n++) {
      await repo.files({ 'client/_transports/default.py': PY(n), 'client/_helpers.py': PY(n) })
      await repo.commit(`Change ${n}`)
    }
    const tasks = await offlineTasks(repo.dir, await scanOf(), () => null, new AbortController().signal)
    const tested = tasks.filter((task) => task.kind === 'missing_test').flatMap((task) => task.files)
    expect(tested).toEqual(['client/_helpers.py:1'])
  })
})

describe('checkedAgainst (Claude’s task paths)', () => {
  const scan = { files: [{ path: 'src/greet.js', size: 10, language: 'JavaScript', lines: 4, binary: false }] }
  const task = (files: string[], effortMinutes = 25): TaskProposal => ({
    id: 'ai-1',
    title: 't',
    description: 'd',
    kind: 'other',
    files,
    effortMinutes,
    size: 'tiny',
  })

  it('keeps real paths, drops a line past the end, and leaves out a task that names nothing real', () => {
    const { tasks, dropped } = checkedAgainst(scan, [
      task(['src/greet.js:3', 'src/nowhere.js']),
      task(['./src/greet.js:99'], 10),
      task(['src/made-up.ts:1']),
    ])
    expect(dropped).toBe(1)
    expect(tasks.map((kept) => [kept.files, kept.size])).toEqual([
      [['src/greet.js:3'], 'small'],
      [['src/greet.js'], 'tiny'],
    ])
    expect(tasks[0]!.size).toBe('small')
  })
})
