// What part a path plays in a repository, from its folder and file names alone: the code that ships,
// or something around it (tests, examples, docs, benchmarks, fixtures, tooling, vendored or generated
// code). One classifier for every consumer: the project's identity, the key-file ranking, the module
// diagram's toggle and the context packer. Words of a folder name count (`docs_src`, `runtime-tests`,
// `perf-measures`), never a repository's own names. Pure; never reads the disk.

export type PathRole = 'source' | 'test' | 'fixture' | 'example' | 'docs' | 'bench' | 'tooling' | 'vendored' | 'generated'

/** Roles around the code that ships: shown behind a toggle, demoted in rankings, never the project's identity. */
export const SUPPORTING_ROLES: ReadonlySet<PathRole> = new Set([
  'test',
  'fixture',
  'example',
  'docs',
  'bench',
  'tooling',
  'vendored',
  'generated',
])

// One folder name's role, checked in this order (`test-fixtures` is fixtures). Along a path the
// outermost role wins: everything under tests/ is tests, fixtures included.
const FOLDER_WORDS: readonly (readonly [PathRole, RegExp])[] = [
  ['vendored', /^(node_modules|vendor|vendored|third|thirdparty|3rdparty|external|externals|deps|bower_components|pods)$/],
  ['generated', /^(dist|out|target|generated|gen|__generated__|coverage|\.yarn|\.next|\.nuxt|__pycache__|obj)$/],
  ['fixture', /^(fixtures?|__fixtures__|testdata|test_data|__mocks__|mocks?|stubs?|snapshots?|__snapshots__|golden)$/],
  ['test', /^(tests?|testing|spec|specs|__tests__|e2e|integration|unittests?|testsuite|testlib|testutils?|testtools|testkit)$/],
  ['bench', /^(bench|benches|benchmarks?|benchsuite|perf|performance|profiling|loadtest)$/],
  ['example', /^(examples?|samples?|demos?|playgrounds?|tutorials?|starters?|showcase|cookbook|sandbox|quickstart)$/],
  ['docs', /^(docs?|documentation|guides?|manual|man|website|site|wiki|changelogs?|book|mkdocs|docusaurus|apidocs)$/],
  ['tooling', /^(scripts?|tools?|tooling|tasks|ci|hack|build|buildtools|devtools|jacoco|coverage)$/],
]

/** Gradle/Kotlin source sets that hold tests: src/test, src/jvmTest, src/androidTest, src/testFixtures. */
const TEST_SOURCE_SET = /(^|\/)src\/\w*(Test|test|TestFixtures|testFixtures|IntegrationTest)\//
const TEST_FILE =
  /[._-](test|spec|tests|specs)\.\w+$|_test\.go$|(^|\/)test_[^/]*\.py$|(^|\/)conftest\.py$|(^|\/)[A-Z]\w*(Test|Tests|Spec|IT)\.(java|kt|cs|scala|groovy|php|swift)$|_spec\.rb$|_test\.rb$|(^|\/)test_helper\.rb$|(^|\/)spec_helper\.rb$/
const GENERATED_FILE =
  /\.min\.(js|css)$|\.(pb|generated|g|designer|gen)\.\w+$|_pb2(_grpc)?\.py$|\.pb\.(go|cc|h)$|(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|go\.sum|poetry\.lock|uv\.lock|Gemfile\.lock|composer\.lock|Package\.resolved|packages\.lock\.json)$|\.snap$/
const DOC_FILE = /\.(md|mdx|rst|adoc|txt)$/i

/** Words of one folder name: `docs_src` → docs, src; `runtime-tests` → runtime, tests; `jacoco-coverage-report` → …. */
function words(folder: string): string[] {
  const lower = folder.toLowerCase()
  if (lower.startsWith('.')) return [lower]
  return lower.split(/[-_.\s]+/).filter(Boolean)
}

function folderRole(folder: string): PathRole | null {
  if (folder.startsWith('.')) return 'tooling'
  const parts = words(folder)
  for (const [role, pattern] of FOLDER_WORDS) {
    if (pattern.test(folder.toLowerCase()) || parts.some((part) => pattern.test(part))) return role
  }
  return null
}

const memo = new Map<string, PathRole | null>()

/** The role of a folder path ('' or '.' for the root): the first non-source role of its folders, outermost first. */
export function folderPathRole(folder: string): PathRole {
  if (folder === '' || folder === '.') return 'source'
  const cached = memo.get(folder)
  if (cached !== undefined) return cached ?? 'source'
  const slash = folder.lastIndexOf('/')
  const parent = slash < 0 ? 'source' : folderPathRole(folder.slice(0, slash))
  const role = parent !== 'source' ? parent : (folderRole(folder.slice(slash + 1)) ?? 'source')
  if (memo.size > 50_000) memo.clear()
  memo.set(folder, role === 'source' ? null : role)
  return role
}

/** The role of a file path: its folders first, then its own name (test files, generated files, lock files). */
export function pathRole(path: string): PathRole {
  const slash = path.lastIndexOf('/')
  const folder = slash < 0 ? '' : path.slice(0, slash)
  const inFolder = folderPathRole(folder)
  if (inFolder !== 'source') return inFolder
  if (TEST_SOURCE_SET.test(path) || TEST_FILE.test(path)) return 'test'
  if (GENERATED_FILE.test(path)) return 'generated'
  return 'source'
}

export function isSupporting(path: string): boolean {
  return SUPPORTING_ROLES.has(pathRole(path))
}

/** Prose that documents (README, guides, changelogs), wherever it sits. */
export function isDocFile(path: string): boolean {
  return DOC_FILE.test(path)
}

/** A short phrase for a person: why a file was demoted or a folder is behind the toggle. */
export const ROLE_LABEL: Readonly<Record<PathRole, string>> = {
  source: 'code',
  test: 'tests',
  fixture: 'test fixtures',
  example: 'examples',
  docs: 'documentation',
  bench: 'benchmarks',
  tooling: 'tooling',
  vendored: 'vendored code',
  generated: 'generated files',
}
