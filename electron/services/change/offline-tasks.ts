// Task ideas computed from the repository alone, for when there is no key or no network: TODO/FIXME
// comments found by reading the tracked text files (with file:line), and source files no test names.
// Read-only; skips binary, large and withheld files.
import { readFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { TaskProposal } from '../../../shared/models/change.ts'
import type { FileRecord, KeyFile } from '../../../shared/models/repos.ts'

const MAX_FILES_READ = 3_000
const MAX_FILE_BYTES = 512 * 1024
const MARKER = /\b(TODO|FIXME|XXX|HACK)\b[:(\s-]*(.*)$/
const SOURCE_EXT = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.py', '.go', '.rb', '.java', '.kt', '.rs', '.php', '.cs', '.swift'])
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|test_?)\/|[._-](test|spec)\.[a-z]+$|_test\.go$|^test_|Tests?\.(java|kt|cs|swift)$/i

export interface TodoHit {
  readonly path: string
  readonly line: number
  readonly marker: string
  readonly text: string
}

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path) || TEST_PATH.test(basename(path))
}

export async function findTodoHits(root: string, files: readonly FileRecord[], withheld: (path: string) => string | null, signal: AbortSignal, limit = 50): Promise<TodoHit[]> {
  const hits: TodoHit[] = []
  const candidates = files.filter((file) => !file.binary && file.size <= MAX_FILE_BYTES && !withheld(file.path) && !/(^|\/)(node_modules|vendor|dist|build)\//.test(file.path))
  for (const file of candidates.slice(0, MAX_FILES_READ)) {
    signal.throwIfAborted()
    const text = await readFile(join(root, ...file.path.split('/')), 'utf8').catch(() => '')
    if (!/TODO|FIXME|XXX|HACK/.test(text)) continue
    const lines = text.split('\n')
    for (const [index, line] of lines.entries()) {
      const match = MARKER.exec(line)
      if (!match?.[1]) continue
      hits.push({ path: file.path, line: index + 1, marker: match[1], text: (match[2] ?? '').replace(/\*\/\s*$|-->\s*$/, '').trim().slice(0, 160) })
      if (hits.length >= limit) return hits
    }
  }
  return hits
}

/** Source files (key files first) whose base name no test file mentions. */
export function filesWithoutTests(files: readonly FileRecord[], keyFiles: readonly KeyFile[], limit = 5): string[] {
  const tests = files.filter((file) => isTestPath(file.path)).map((file) => basename(file.path).toLowerCase())
  const ranked = [...keyFiles.map((key) => key.path), ...files.map((file) => file.path)]
  const seen = new Set<string>()
  const found: string[] = []
  for (const path of ranked) {
    if (seen.has(path) || found.length >= limit) continue
    seen.add(path)
    if (!SOURCE_EXT.has(extname(path)) || isTestPath(path) || /(^|\/)(node_modules|vendor|dist|build|scripts?|examples?)\//.test(path) || /\.d\.ts$/.test(path)) continue
    const stem = basename(path, extname(path)).toLowerCase()
    if (stem === 'index' || stem === 'main' || stem.length < 3) continue
    if (!tests.some((test) => test.includes(stem))) found.push(path)
  }
  return found
}

export function offlineProposals(hits: readonly TodoHit[], untested: readonly string[], hasTests: boolean): TaskProposal[] {
  const tasks: TaskProposal[] = []
  for (const hit of hits.slice(0, untested.length > 0 ? 2 : 3)) {
    tasks.push({
      id: `todo-${tasks.length + 1}`,
      title: hit.text ? `${hit.marker}: ${hit.text}` : `Resolve the ${hit.marker} in ${basename(hit.path)}`,
      description: `A ${hit.marker} comment at ${hit.path}:${hit.line} marks work someone left for later. Read the code around it, do the small fix it asks for${hasTests ? ' with a test' : ''}, and remove the comment.`,
      kind: 'todo',
      files: [`${hit.path}:${hit.line}`],
      effortMinutes: 20,
    })
  }
  for (const path of untested.slice(0, 3 - tasks.length)) {
    tasks.push({
      id: `test-${tasks.length + 1}`,
      title: `Add a test for ${basename(path)}`,
      description: `No test file mentions ${path}. Write one small test for its most important behaviour, in the style of the team's other tests.`,
      kind: 'missing_test',
      files: [path],
      effortMinutes: 25,
    })
  }
  return tasks
}
