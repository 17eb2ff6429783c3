// What a project is tested with, main language first: the frameworks its test files use (read from
// the head of a bounded sample of them: imports, includes, `use` lines), those its manifests declare,
// and the language its build's test target runs (`make test` → `go test ./...`). A Go project with a
// Ruby integration suite is tested with Go's testing package first, Minitest after. Reads at most
// MAX_READS files' first 4 KB; never runs anything.
import type { FileRecord } from '../../../../shared/models/repos.ts'
import { lineKindOf } from './languages.ts'
import { pathRole } from './path-roles.ts'

/** A family of languages that share test frameworks. */
type Family = 'go' | 'rust' | 'python' | 'ruby' | 'js' | 'jvm' | 'dotnet' | 'php' | 'elixir' | 'swift' | 'c' | 'other'

const FAMILY: Readonly<Record<string, Family>> = {
  Go: 'go',
  Rust: 'rust',
  Python: 'python',
  Ruby: 'ruby',
  JavaScript: 'js',
  TypeScript: 'js',
  Vue: 'js',
  Svelte: 'js',
  Java: 'jvm',
  Kotlin: 'jvm',
  Scala: 'jvm',
  Groovy: 'jvm',
  'C#': 'dotnet',
  'F#': 'dotnet',
  'Visual Basic': 'dotnet',
  PHP: 'php',
  Elixir: 'elixir',
  Swift: 'swift',
  'Objective-C': 'swift',
  C: 'c',
  'C++': 'c',
}

/** Frameworks recognised in the head of a test file, with the family they test. */
const IN_FILE: readonly (readonly [Family, RegExp, string])[] = [
  ['go', /^\s*(?:import\s+)?(?:\w+\s+)?"github\.com\/onsi\/ginkgo/m, 'Ginkgo'],
  ['go', /^\s*(?:import\s+)?(?:\w+\s+)?"testing"/m, "Go's testing package"],
  ['rust', /#\[(?:\w+::)*test\b/, "Rust's built-in tests"],
  ['python', /^\s*(?:import|from)\s+pytest\b/m, 'pytest'],
  ['python', /^\s*from\s+django\.test\b|^\s*from\s+rest_framework\.test\b/m, "Django's test framework"],
  ['python', /^\s*import\s+unittest\s*$|^\s*from\s+unittest\s+import\s+(?!mock\b)/m, 'unittest'],
  ['ruby', /\b(?:RSpec\.describe|require\s+["'](?:rails_helper|spec_helper|rspec)["'])/, 'RSpec'],
  ['ruby', /(?:require\s+["']minitest|Minitest::Test|ActiveSupport::TestCase|ActionDispatch::IntegrationTest)/, 'Minitest'],
  ['ruby', /require\s+["']test\/unit["']|Test::Unit::TestCase/, 'Test::Unit'],
  ['js', /from\s+["']vitest["']|require\(["']vitest["']\)/, 'Vitest'],
  ['js', /from\s+["']@jest\/globals["']|\bjest\.(?:fn|mock|spyOn)\(/, 'Jest'],
  ['js', /from\s+["']@playwright\/test["']/, 'Playwright'],
  ['js', /from\s+["']node:test["']|require\(["']node:test["']\)/, 'node:test'],
  ['js', /from\s+["']mocha["']|require\(["']mocha["']\)/, 'Mocha'],
  ['jvm', /^\s*import\s+(?:static\s+)?org\.junit\b/m, 'JUnit'],
  ['jvm', /^\s*import\s+org\.testng\b/m, 'TestNG'],
  ['jvm', /^\s*import\s+io\.kotest\b/m, 'Kotest'],
  ['jvm', /^\s*import\s+kotlin\.test\b/m, 'kotlin.test'],
  ['jvm', /^\s*import\s+(?:org\.scalatest|org\.scalatestplus)\b/m, 'ScalaTest'],
  ['jvm', /^\s*import\s+munit\b|extends\s+(?:munit\.)?(?:FunSuite|ScalaCheckSuite|CatsEffectSuite)\b/m, 'MUnit'],
  ['jvm', /^\s*import\s+spock\.lang\b/m, 'Spock'],
  ['dotnet', /^\s*using\s+Xunit\b/m, 'xUnit'],
  ['dotnet', /^\s*using\s+NUnit\.Framework\b/m, 'NUnit'],
  ['dotnet', /^\s*using\s+Microsoft\.VisualStudio\.TestTools\.UnitTesting\b/m, 'MSTest'],
  ['php', /PHPUnit\\Framework\\TestCase|extends\s+TestCase\b/, 'PHPUnit'],
  ['php', /^\s*(?:it|test)\(\s*['"][^'"]+['"]\s*,\s*(?:function|fn)\b/m, 'Pest'],
  ['elixir', /\buse\s+ExUnit\.Case\b|\buse\s+\w+(?:\.\w+)*\.(?:ConnCase|DataCase|ChannelCase)\b/, 'ExUnit'],
  ['swift', /^\s*(?:@testable\s+)?import\s+XCTest\b/m, 'XCTest'],
  ['swift', /^\s*import\s+Testing\b/m, 'Swift Testing'],
  ['c', /#\s*include\s*[<"](?:gtest|gmock)\//, 'GoogleTest'],
  ['c', /#\s*include\s*[<"](?:catch2\/|catch\.hpp)/, 'Catch2'],
  ['c', /#\s*include\s*[<"]doctest(?:\/doctest)?\.h/, 'doctest'],
  ['c', /#\s*include\s*[<"]boost\/test\//, 'Boost.Test'],
  ['c', /#\s*include\s*[<"](?:cmocka\.h|check\.h|CUnit\/|criterion\/)/, 'a C unit-test library'],
]

/** Config files that say which runner the project uses. */
const CONFIG_FILES: readonly (readonly [RegExp, Family, string])[] = [
  [/(^|\/)vitest\.(config|workspace)\.[cm]?[jt]s$/, 'js', 'Vitest'],
  [/(^|\/)jest\.config\.[cm]?[jt]s(on)?$/, 'js', 'Jest'],
  [/(^|\/)\.mocharc(\.\w+)?$/, 'js', 'Mocha'],
  [/(^|\/)playwright\.config\.[cm]?[jt]s$/, 'js', 'Playwright'],
  [/(^|\/)cypress\.config\.[cm]?[jt]s$/, 'js', 'Cypress'],
  [/(^|\/)(conftest\.py|pytest\.ini)$/, 'python', 'pytest'],
  [/(^|\/)phpunit\.xml(\.dist)?$/, 'php', 'PHPUnit'],
  [/(^|\/)tests\/Pest\.php$/, 'php', 'Pest'],
  [/(^|\/)\.rspec$/, 'ruby', 'RSpec'],
]

/** Frameworks the manifests can declare, with the family they test (the label is the framework's). */
const DECLARED_FAMILY: Readonly<Record<string, Family>> = {
  Jest: 'js',
  Vitest: 'js',
  Mocha: 'js',
  Playwright: 'js',
  Cypress: 'js',
  pytest: 'python',
  JUnit: 'jvm',
  RSpec: 'ruby',
  Minitest: 'ruby',
  PHPUnit: 'php',
  Pest: 'php',
  xUnit: 'dotnet',
  NUnit: 'dotnet',
  MSTest: 'dotnet',
}

/** What a test command runs, by the family it tests. */
const COMMANDS: readonly (readonly [RegExp, Family])[] = [
  [/\bgo\s+test\b|\bgotestsum\b|\bginkgo\b/, 'go'],
  [/\bcargo\s+(?:test|nextest)\b/, 'rust'],
  [/\bpytest\b|\bpython\d?(?:\.\d+)?\s+-m\s+(?:pytest|unittest)\b|\btox\b|\bnox\b/, 'python'],
  [/\brspec\b|\brake\s+test\b|\brails\s+test\b|\bbin\/test\b/, 'ruby'],
  [/\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?test\b|\bvitest\b|\bjest\b|\bmocha\b/, 'js'],
  [/\bmvnw?\s+.*\btest\b|\bgradlew?\s+.*\btest\b|\bsbt\s+.*\btest\b/, 'jvm'],
  [/\bdotnet\s+test\b/, 'dotnet'],
  [/\bphpunit\b|\bpest\b|\bcomposer\s+test\b/, 'php'],
  [/\bmix\s+test\b/, 'elixir'],
  [/\bswift\s+test\b|\bxcodebuild\b.*\btest\b/, 'swift'],
  [/\bctest\b/, 'c'],
]

/** How many test files are read, in all, and how much of each. */
const MAX_READS = 60
const PER_FAMILY = 12
const HEAD_BYTES = 4096

export interface TestFrameworkInput {
  readonly files: readonly FileRecord[]
  /** Frameworks the manifests declare (dependencies of the root, its main packages and its test projects). */
  readonly declared: readonly string[]
  /** The command the project's tests run with, and the Makefile (when it is `make test`). */
  readonly testCommand: string | null
  readonly readText: (path: string) => Promise<string | null>
}

interface Evidence {
  readonly family: Family
  files: number
  declared: boolean
}

const familyOf = (language: string | null) => (language ? (FAMILY[language] ?? 'other') : 'other')

export async function detectTestFrameworks(input: TestFrameworkInput): Promise<string[]> {
  const found = new Map<string, Evidence>()
  const note = (label: string, family: Family, files: number, declared = false) => {
    const known = found.get(label) ?? { family, files: 0, declared: false }
    known.files += files
    known.declared ||= declared
    found.set(label, known)
  }
  for (const label of input.declared) note(label, DECLARED_FAMILY[label] ?? 'other', 0, true)
  for (const file of input.files)
    for (const [pattern, family, label] of CONFIG_FILES) if (pattern.test(file.path)) note(label, family, 0, true)
  // A sample of each family's test files, their heads read for the framework they import.
  const tests = input.files.filter((file) => file.lines > 0 && pathRole(file.path) === 'test' && lineKindOf(file) === 'code')
  const byFamily = new Map<Family, FileRecord[]>()
  for (const file of tests) {
    const family = familyOf(file.language)
    if (family === 'other') continue
    byFamily.set(family, [...(byFamily.get(family) ?? []), file])
  }
  let reads = 0
  const counted = new Map<Family, number>()
  for (const [family, files] of [...byFamily].sort((a, b) => b[1].length - a[1].length)) {
    counted.set(family, files.length)
    const sample = spread(files, PER_FAMILY)
    const hits = new Map<string, number>()
    for (const file of sample) {
      if (reads >= MAX_READS) break
      reads += 1
      const head = (await input.readText(file.path))?.slice(0, HEAD_BYTES) ?? ''
      for (const [inFamily, pattern, label] of IN_FILE)
        if (inFamily === family && pattern.test(head)) hits.set(label, (hits.get(label) ?? 0) + 1)
    }
    // What the sample shows, scaled to the family's test files.
    for (const [label, hit] of hits) note(label, family, Math.max(1, Math.round((hit / sample.length) * files.length)))
    // Without an import to go by, a test file's name says its framework: `_test.go` is Go's testing
    // package, `_test.exs` ExUnit, `_spec.rb` RSpec, `_test.rb` Minitest, `test_*.py` pytest.
    if (!hits.size) {
      const named = (pattern: RegExp) => files.filter((file) => pattern.test(file.path)).length
      const byName: readonly (readonly [Family, RegExp, string])[] = [
        ['go', /_test\.go$/, "Go's testing package"],
        ['elixir', /_test\.exs$/, 'ExUnit'],
        ['ruby', /_spec\.rb$/, 'RSpec'],
        ['ruby', /(_test|(^|\/)test_\w+)\.rb$/, 'Minitest'],
        ['python', /(^|\/)test_\w+\.py$|_test\.py$/, 'pytest'],
      ]
      for (const [inFamily, pattern, label] of byName) if (inFamily === family && named(pattern)) note(label, family, named(pattern))
    }
  }
  // Rust's unit tests live beside the code (`#[cfg(test)] mod tests`): a sample of its sources says.
  const rust = input.files.filter((file) => file.language === 'Rust' && pathRole(file.path) === 'source' && file.lines > 0)
  if (rust.length && !found.has("Rust's built-in tests")) {
    for (const file of spread(rust, PER_FAMILY)) {
      if (reads >= MAX_READS) break
      reads += 1
      if (/#\[(?:cfg\()?test\b/.test((await input.readText(file.path)) ?? '')) {
        note("Rust's built-in tests", 'rust', 1)
        break
      }
    }
  }
  // The language the build's test target runs.
  const target = await testTargetFamily(input.testCommand, input.readText)
  const main = mainFamily(input.files)
  // A declared framework with no test file of its family behind it (a leftover dependency) comes last.
  const rank = (label: string, evidence: Evidence) =>
    (evidence.family === main ? 0 : evidence.family === target ? 1 : 2) * 10 +
    (evidence.files > 0 || (counted.get(evidence.family) ?? 0) > 0 ? 0 : 5)
  return [...found]
    .filter(([, evidence]) => evidence.files > 0 || evidence.declared)
    .sort(
      (a, b) =>
        rank(...a) - rank(...b) || b[1].files - a[1].files || Number(b[1].declared) - Number(a[1].declared) || (a[0] < b[0] ? -1 : 1),
    )
    .map(([label]) => label)
}

/** Up to `count` files spread over the list (not the first few of one folder). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items]
  const step = items.length / count
  return Array.from({ length: count }, (_, at) => items[Math.floor(at * step)]!)
}

/** The family of the language with the most lines of code (the first the tour says it is written in). */
function mainFamily(files: readonly FileRecord[]): Family | null {
  const lines = new Map<string, number>()
  for (const file of files) {
    if (lineKindOf(file) !== 'code' || familyOf(file.language) === 'other') continue
    lines.set(file.language!, (lines.get(file.language!) ?? 0) + file.lines)
  }
  const top = [...lines].sort((a, b) => b[1] - a[1])[0]?.[0]
  return top ? familyOf(top) : null
}

/** The family a test command tests; for `make test`, what the Makefile's test target (and the targets it depends on) runs. */
async function testTargetFamily(command: string | null, readText: (path: string) => Promise<string | null>): Promise<Family | null> {
  if (!command) return null
  const direct = familyOfCommand(command)
  if (direct || !/^make\s+(\S+)/.test(command)) return direct
  const makefile = (await readText('Makefile')) ?? (await readText('GNUmakefile')) ?? ''
  const rules = new Map<string, { needs: string[]; recipe: string }>()
  let currentTargets: string[] = []
  for (const line of makefile.slice(0, 200_000).split('\n')) {
    const rule = /^([A-Za-z0-9_.%/ -]+?)\s*:(?!=)\s*([^#]*)/.exec(line)
    if (rule && !line.startsWith('\t')) {
      currentTargets = rule[1]!.trim().split(/\s+/)
      for (const target of currentTargets) rules.set(target, { needs: rule[2]!.trim().split(/\s+/).filter(Boolean), recipe: '' })
    } else if (line.startsWith('\t')) for (const target of currentTargets) rules.get(target)!.recipe += `${line}\n`
  }
  const seen = new Set<string>()
  const queue = [/^make\s+(\S+)/.exec(command)![1]!]
  while (queue.length && seen.size < 20) {
    const target = queue.shift()!
    if (seen.has(target)) continue
    seen.add(target)
    const rule = rules.get(target)
    if (!rule) continue
    const family = familyOfCommand(rule.recipe)
    if (family) return family
    queue.push(...rule.needs, ...[...rule.recipe.matchAll(/\$\(MAKE\)\s+([\w-]+)|\bmake\s+([\w-]+)/g)].map((m) => m[1] ?? m[2] ?? ''))
  }
  return null
}

function familyOfCommand(command: string): Family | null {
  return COMMANDS.find(([pattern]) => pattern.test(command))?.[1] ?? null
}
