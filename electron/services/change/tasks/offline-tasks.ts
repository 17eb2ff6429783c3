// Task ideas computed from the repository alone, for when there is no key or no network, from real
// signals: a file that changed often lately that no test reaches (a test for its main function); a
// TODO or FIXME in the code that changes most; a small missing validation; a public function the team
// would document but did not. Never a file of types, constants or re-exports, never one a test already
// reaches, never a TODO in a changelog or a CI file; each sized by what it asks (tiny ≤ 15 minutes).
// Read-only; skips binary, large, vendored and withheld files.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { taskSize, type TaskProposal } from '../../../../shared/models/change.ts'
import type { ScanResult } from '../../../../shared/models/repos.ts'
import { functionsOf, holdsBehaviour, type FunctionShape } from './code-shape.ts'
import { testReach, type TestReach } from './test-coverage.ts'
import { isTestPath } from './test-paths.ts'
import { findTodoHits, OUT_OF_REACH, type TodoHit } from './todo-hits.ts'
import { validationGaps } from './validation-gaps.ts'
import { familyOf } from './code-shape.ts'

export { isTestPath }

const HOT_FILES = 150
const MAX_BYTES = 256 * 1024
const ASIDE =
  /(^|\/)(examples?|samples?|docs?|docs?_src|benchmarks?|bench|scripts?|tools?|fixtures?|testdata|migrations?|pkg\/(brew|deb|rpm|windows)|packaging|\.?ci|contrib|hack|debian|Formula)\//
/** Entry points and version stamps hold nothing worth a test of their own. */
const TRIVIAL = /(^|\/)(__main__|__init__|__version__|_version|version|doc|main|index|mod|lib\.rs|setup|conftest)\.[a-z]+$/
/** A TODO asking for this is more than an hour's small change. */
const TOO_BIG =
  /\b(implement\w*|rewrit\w*|redesign\w*|refactor\w*|migrat\w*|port|overhaul|replace|support for|deprecat\w*|remove (?:this|in|after|when)|once|someday|eventually|v\d|breaking|release|semver|upstream|probably|maybe|perhaps|could|might|should we|not sure)\b|\?\s*\)?$/i
/** A TODO worth an hour says what to do: it starts with the doing. */
const ACTIONABLE =
  /^(add|check|handle|validate|use|return|make|remove|rename|log|raise|throw|trim|allow|avoid|cache|clean|document|expose|fix|move|reuse|test|warn|emit|guard|skip|sort|close|escape|normalize|limit|pass|set|show|print|report|reject|ensure|verify|parse|support|include|exclude|clear|reset|wrap|catch|retry|drop|accept|respect|honou?r|use)\b/i

interface Candidate {
  readonly path: string
  readonly text: string
  readonly heat: number
  readonly commits: number
}

/** One idea before the choice of three: the task and how hot its code is. */
export interface OfflineIdea {
  readonly task: Omit<TaskProposal, 'id' | 'size'>
  readonly score: number
}
type Idea = OfflineIdea

export async function offlineTasks(
  root: string,
  scan: ScanResult,
  withheld: (path: string) => string | null,
  signal: AbortSignal,
): Promise<TaskProposal[]> {
  return chooseTasks(await offlineIdeas(root, scan, withheld, signal))
}

/** Every idea the signals give, unranked (the bench reads the pool; the app takes three of them). */
export async function offlineIdeas(
  root: string,
  scan: ScanResult,
  withheld: (path: string) => string | null,
  signal: AbortSignal,
): Promise<OfflineIdea[]> {
  const churn = new Map(scan.history.churn.map((entry) => [entry.path, entry.commits]))
  const keyRank = new Map(scan.keyFiles.map((file, index) => [file.path, scan.keyFiles.length - index]))
  const sources = scan.files.filter(
    (file) =>
      !file.binary &&
      file.size <= MAX_BYTES &&
      familyOf(file.path) &&
      !isTestPath(file.path) &&
      !OUT_OF_REACH.test(file.path) &&
      !ASIDE.test(file.path) &&
      !withheld(file.path),
  )
  const heat = (path: string) => (churn.get(path) ?? 0) * 2 + (keyRank.get(path) ?? 0) / 10
  const hot = [...sources].sort((a, b) => heat(b.path) - heat(a.path)).slice(0, HOT_FILES)
  const candidates: Candidate[] = []
  for (const file of hot) {
    signal.throwIfAborted()
    const text = await readFile(join(root, ...file.path.split('/')), 'utf8').catch(() => null)
    if (text !== null) candidates.push({ path: file.path, text, heat: heat(file.path), commits: churn.get(file.path) ?? 0 })
  }
  const teamTests = scan.files.some((file) => isTestPath(file.path))
  const reach = await testReach(root, scan.files, signal)
  const ideas = [
    ...missingTests(candidates, reach, scan.history.commitsRead),
    ...todos(await findTodoHits(root, hot, signal), candidates, teamTests),
    ...validations(candidates, teamTests),
    ...docsGaps(candidates),
  ]
  return ideas
}

function missingTests(candidates: readonly Candidate[], reach: TestReach, window: number): Idea[] {
  const ideas: Idea[] = []
  for (const candidate of candidates) {
    if (
      candidate.commits < 2 ||
      reach.files.has(candidate.path) ||
      TRIVIAL.test(candidate.path) ||
      !holdsBehaviour(candidate.path, candidate.text)
    )
      continue
    if (candidate.path.endsWith('.rs') && /#\[(cfg\(test\)|test)\]/.test(candidate.text)) continue
    const target = mainFunction(functionsOf(candidate.path, candidate.text))
    // A test that names the function reaches it somehow (a fixture, a helper, a framework's loader).
    if (!target || reach.mentions(target.name)) continue
    const minutes = target.length <= 30 ? 15 : 25
    ideas.push({
      score: candidate.heat,
      task: {
        title: `Add a test for ${target.name}() in ${candidate.path.split('/').at(-1)}`,
        description: `${candidate.path} changed in ${candidate.commits} of the last ${window} commits, and no test reaches it. Pin ${target.name}() (line ${target.line}, about ${target.length} lines) with a test in the style of the team’s other tests: a normal input, and one edge case.`,
        kind: 'missing_test',
        files: [`${candidate.path}:${target.line}`],
        effortMinutes: minutes,
      },
    })
  }
  return ideas
}

/** The public function most worth pinning: the longest of those of a testable size (a one-line body is not worth a test of its own). */
function mainFunction(functions: readonly FunctionShape[]): FunctionShape | null {
  const testable = functions.filter(
    (fn) => fn.exported && !fn.method && !fn.overrides && fn.length >= 5 && fn.length <= 80 && !/^(main|init|setup|test)/i.test(fn.name),
  )
  return testable.sort((a, b) => b.length - a.length)[0] ?? null
}

function todos(hits: readonly TodoHit[], candidates: readonly Candidate[], teamTests: boolean): Idea[] {
  const heatOf = new Map(candidates.map((candidate) => [candidate.path, candidate.heat]))
  return hits
    .filter((hit) => ACTIONABLE.test(hit.text) && !TOO_BIG.test(hit.text) && hit.text.split(/\s+/).length >= 4)
    .map((hit) => ({
      score: (heatOf.get(hit.path) ?? 0) + 1,
      task: {
        title: `${hit.marker}: ${hit.text}`,
        description: `A ${hit.marker} at ${hit.path}:${hit.line}, in code that changes often, asks for this. Read the code around it, make the small fix it asks for${teamTests ? ' with a test' : ''}, and remove the comment.`,
        kind: 'todo' as const,
        files: [`${hit.path}:${hit.line}`],
        effortMinutes: 20,
      },
    }))
}

function validations(candidates: readonly Candidate[], teamTests: boolean): Idea[] {
  return candidates.flatMap((candidate) =>
    validationGaps(candidate.path, candidate.text).map((gap) => ({
      score: candidate.heat + 2,
      task: {
        title: gap.title,
        description: teamTests ? gap.description : gap.description.replace(/, and add a test for a bad value\.$/, '.'),
        kind: 'text_or_validation' as const,
        files: [`${gap.path}:${gap.line}`],
        effortMinutes: 15,
      },
    })),
  )
}

/**
 * A public function (two lines of body or more) in a file whose public functions are mostly documented: the
 * team's own style, missed once.
 */
function docsGaps(candidates: readonly Candidate[]): Idea[] {
  const ideas: Idea[] = []
  for (const candidate of candidates) {
    const publics = functionsOf(candidate.path, candidate.text).filter((fn) => fn.exported && !fn.overrides)
    const documented = publics.filter((fn) => fn.documented).length
    // An overload shares the doc of its documented namesake.
    const sharesDoc = (fn: FunctionShape) => publics.some((other) => other !== fn && other.name === fn.name && other.documented)
    const missing = publics.find((fn) => !fn.documented && fn.length >= 4 && !sharesDoc(fn))
    if (!missing || publics.length < 3 || documented / publics.length < 0.6) continue
    ideas.push({
      score: candidate.heat,
      task: {
        title: `Document ${missing.name}() in ${candidate.path.split('/').at(-1)}`,
        description: `${documented} of the ${publics.length} public functions in ${candidate.path} have a doc comment; ${missing.name}() (line ${missing.line}) has none. Write one in the team’s style: what it does, what it takes and returns.`,
        kind: 'docs',
        files: [`${candidate.path}:${missing.line}`],
        effortMinutes: 10,
      },
    })
  }
  return ideas
}

/** Three ideas, the best of each kind first (one tiny one when there is one), never two on one file. */
export function chooseTasks(ideas: readonly Idea[]): TaskProposal[] {
  const ranked = [...ideas].sort((a, b) => b.score - a.score)
  const chosen: Idea[] = []
  const fileOf = (idea: Idea) => idea.task.files[0]?.replace(/:\d+$/, '')
  const take = (idea: Idea | undefined) => {
    if (idea && chosen.length < 3 && !chosen.includes(idea) && !chosen.some((other) => fileOf(other) === fileOf(idea))) chosen.push(idea)
  }
  take(ranked.find((idea) => taskSize(idea.task.effortMinutes) === 'tiny'))
  for (const kind of ['missing_test', 'todo', 'text_or_validation', 'docs'] as const)
    take(ranked.find((idea) => idea.task.kind === kind && !chosen.some((other) => other.task.kind === kind)))
  for (const idea of ranked) take(idea)
  return chosen.map((idea, index) => ({ id: `offline-${index + 1}`, ...idea.task, size: taskSize(idea.task.effortMinutes) }))
}
