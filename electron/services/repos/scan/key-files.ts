// Ranks the files a newcomer should read first, each with the reasons it ranks: README and docs,
// manifests, entry points, centrality in the import graph (PageRank), how many files import it, and how
// often it changes. Pure: works on the scan's data; never reads the disk.
import type { FileRecord, KeyFile } from '../../../../shared/models/repos.ts'
import { pageRank } from '../parse/page-rank.ts'
import { isCodeLanguage } from './languages.ts'
import { isManifest } from './manifests.ts'

export interface KeyFileInput {
  readonly files: readonly FileRecord[]
  readonly edges: readonly { from: string; to: string }[]
  /** Commits per path within the history window. */
  readonly churn: ReadonlyMap<string, number>
  readonly commitsRead: number
  readonly limit?: number
}

const ENTRY_POINTS: readonly (readonly [RegExp, string])[] = [
  [/^(src\/)?(main|index|app|server|cli)\.(ts|tsx|js|jsx|mjs|cjs)$/, 'entry point'],
  [/(^|\/)(electron|src)\/main\.(ts|js)$/, 'entry point (main process)'],
  [/(^|\/)main\.go$/, 'entry point (Go main package)'],
  [/^cmd\/[^/]+\/main\.go$/, 'entry point (command)'],
  [/(^|\/)(__main__|manage|app|main|wsgi|asgi|cli)\.py$/, 'entry point (Python)'],
  [/(^|\/)src\/(main|lib)\.rs$/, 'entry point (Rust crate root)'],
  [/(^|\/)[A-Z]\w*Application\.(java|kt)$/, 'entry point (application class)'],
  [/(^|\/)Main\.(java|kt)$/, 'entry point (main class)'],
  [/^config\/routes\.rb$/, 'entry point (Rails routes)'],
  [/^config\.ru$|^app\/controllers\/application_controller\.rb$/, 'entry point (Rack/Rails app)'],
  [/^bin\/[^/.]+$|^exe\/[^/.]+$/, 'entry point (executable)'],
  [/(^|\/)src\/(App|main|index)\.(tsx|jsx|ts|js|vue)$/, 'entry point (UI root)'],
  [/^lib\/[^/]+\.rb$/, 'entry point (gem root)'],
]

const GENERATED = /(^|\/)(node_modules|vendor|third_party|dist|build|out|target|__snapshots__|\.yarn)\/|\.min\.(js|css)$|(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|Cargo\.lock|go\.sum|poetry\.lock|Gemfile\.lock|composer\.lock)$|\.(pb|generated|g)\.\w+$|_pb2\.py$/
// Test code: test folders (also as a word of a folder name, as in okhttp-testing-support), Gradle and
// Kotlin source sets (src/test, src/jvmTest, src/androidTest, src/testFixtures) and test file names.
const TESTS =
  /(^|\/)(tests?|spec|__tests__|testdata|fixtures?|e2e|benchmarks?|examples?|playgrounds?)\/|(^|\/)[\w.]+[-_](tests?|testing)([-_][\w.-]+)?\/|(^|\/)(tests?|testing)[-_][\w.-]+\/|(^|\/)src\/\w*(Test|test|TestFixtures|testFixtures)\/|[._-](test|spec)\.\w+$|_test\.go$|^test_[^/]*\.py$|\/test_[^/]*\.py$/

export function rankKeyFiles(input: KeyFileInput): KeyFile[] {
  const candidates = input.files.filter((file) => !file.binary && !GENERATED.test(file.path))
  const known = new Set(candidates.map((file) => file.path))
  // Tests import nearly everything and their helpers are imported only by tests: their edges would make
  // test utilities look central. Centrality and importer counts come from the code that ships.
  const edges = input.edges.filter((edge) => known.has(edge.from) && known.has(edge.to) && !TESTS.test(edge.from))
  const inDegree = new Map<string, number>()
  for (const edge of edges) inDegree.set(edge.to, (inDegree.get(edge.to) ?? 0) + 1)
  const codeFiles = candidates.filter((file) => isCodeLanguage(file.language)).map((file) => file.path)
  const ranks = pageRank(codeFiles, edges)
  const rankOrder = [...ranks].filter(([path]) => (inDegree.get(path) ?? 0) > 0).sort((a, b) => b[1] - a[1])
  const maxRank = rankOrder[0]?.[1] ?? 0
  const rankPlace = new Map(rankOrder.map(([path], i) => [path, i + 1]))
  const maxChurn = Math.max(1, ...input.churn.values())
  const scored: KeyFile[] = []
  for (const file of candidates) {
    const reasons: string[] = []
    let score = 0
    const path = file.path
    const name = path.slice(path.lastIndexOf('/') + 1)
    const depth = path.split('/').length - 1
    if (/^readme(\.\w+)?$/i.test(name)) {
      score += depth === 0 ? 20 : 2
      reasons.push(depth === 0 ? 'README: what the project is and how to run it' : 'README of a sub-folder')
    } else if (/^(architecture|contributing|design|overview|development|hacking)(\.\w+)?$/i.test(name) && depth <= 1) {
      score += 6
      reasons.push('project documentation')
    } else if (depth <= 1 && isManifest(path) && name !== 'Makefile') {
      score += depth === 0 ? 9 : 3
      reasons.push('manifest: dependencies and commands')
    } else if (depth === 0 && /^(Makefile|Dockerfile|docker-compose\.ya?ml|tsconfig\.json)$/.test(name)) {
      score += 3
      reasons.push(name === 'Makefile' ? 'build commands' : 'build and runtime configuration')
    }
    for (const [pattern, reason] of ENTRY_POINTS) {
      if (pattern.test(path)) {
        score += 8 - Math.min(depth, 3)
        reasons.push(reason)
        break
      }
    }
    const rank = ranks.get(path) ?? 0
    const place = rankPlace.get(path)
    if (place !== undefined && maxRank > 0 && place <= 50) {
      score += 8 * Math.sqrt(rank / maxRank)
      reasons.push(`central in the import graph (PageRank #${place})`)
    }
    const importers = inDegree.get(path) ?? 0
    if (importers >= 3) {
      score += Math.min(5, Math.log2(importers))
      reasons.push(`imported by ${importers} files`)
    }
    const changes = input.churn.get(path) ?? 0
    if (changes >= 2 && isCodeLanguage(file.language)) {
      score += 4 * Math.sqrt(changes / maxChurn)
      reasons.push(`changed in ${changes} of the last ${input.commitsRead} commits`)
    }
    if (score === 0) continue
    if (TESTS.test(path)) score *= 0.4
    scored.push({ path, score: Math.round(score * 100) / 100, reasons })
  }
  return scored.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path)).slice(0, input.limit ?? 40)
}
