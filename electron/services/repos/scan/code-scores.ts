// How the shipped code ranks: each file is placed by every signal the scan has (where a program
// starts, what the code uses most, the fewest steps and the strongest chain from an entry point, what
// tests reach for, what the code is built on, the implementation behind a central declaration, the
// main file of a folder, how many files it uses and how many import it, its size, its recent changes),
// and its places are fused as in reciprocal rank fusion: a file first by one signal and nowhere by the
// others ranks below one that many signals put near the top, and no signal's scale outweighs another.
// Every signal weighs the same (weights fitted on a few dozen repositories did worse on the ones left
// out than equal weights). Each file keeps the reasons of the signals that place it near the top. Pure.
import type { EntryPoint } from './entry-points.ts'
import type { GraphSignals } from './key-file-graph.ts'
import type { Implementation } from './symbol-graph.ts'

export interface CodeScoreInput {
  readonly code: readonly string[]
  readonly lines: (path: string) => number
  readonly starts: ReadonlyMap<string, EntryPoint>
  readonly signals: GraphSignals
  /** Each folder's main file, with the folder's share of what the code uses. */
  readonly fronts: ReadonlyMap<string, { readonly folder: string; readonly weight: number }>
  /** Commits per path within the history window. */
  readonly churn: ReadonlyMap<string, number>
  readonly commitsRead: number
}

export interface CodeScore {
  /** 0..1: 1 for a file first by every signal. */
  readonly fused: number
  readonly reasons: readonly string[]
}

interface Signal {
  readonly value: (path: string) => number
  /** Why a file this signal places near the top ranks, or null when the value says too little. */
  readonly reason: (path: string, place: number) => string | null
}

/** Reciprocal rank fusion's constant: how quickly a signal's later places count for less. */
const FUSION_K = 10
/** A signal gives its reason to the files it places this high. */
const REASON_PLACES = 10
/** A file shows the reasons of its strongest signals only (its entry reasons besides): a tour line stays readable. */
const MAX_REASONS = 4

export function scoreCode(input: CodeScoreInput): Map<string, CodeScore> {
  const { signals } = input
  // Code that programs to an interface, or includes a header, runs its main implementation: the
  // implementation is used wherever its declaration is (a dependency-injected service's callers name
  // only its interface; a C++ class's users include only its header).
  const inheriting = (uses: ReadonlyMap<string, number>) => (path: string) => {
    const own = uses.get(path) ?? 0
    const declaration = signals.implements.get(path)
    // A header's includers use its source file; a file's users use the type it is named after (Call.kt's,
    // not a Call nested in Dns.kt).
    const through = declaration?.kind === 'header' || (declaration?.kind === 'interface' && namedAfter(declaration))
    const inherited = through ? (uses.get(declaration!.from) ?? 0) : 0
    return { count: Math.max(own, inherited), via: inherited > own ? declaration! : null }
  }
  const importers = inheriting(signals.importers)
  const supportUse = inheriting(signals.supportUse)
  const viaName = (via: Implementation) => (via.kind === 'header' ? via.name : `its interface ${via.name}`)
  const signalList: Signal[] = [
    { value: (path) => input.starts.get(path)?.weight ?? 0, reason: () => null },
    {
      value: (path) => signals.relative.get(path) ?? 0,
      reason: (path) => `central in what the code uses (#${signals.place.get(path) ?? '?'})`,
    },
    { value: (path) => (input.starts.has(path) ? 0 : (signals.chain.get(path) ?? 0)), reason: () => 'close to where the program starts' },
    {
      // Fewer steps first, then the bigger file.
      value: (path) => {
        const steps = signals.steps.get(path)
        return steps && steps.count > 0 ? (MAX_STEP_VALUE - steps.count) * 1e7 + input.lines(path) : 0
      },
      reason: (path) => {
        const steps = signals.steps.get(path)!
        return `${steps.count === 1 ? 'one step' : `${steps.count} steps`} from ${steps.from}`
      },
    },
    {
      value: (path) => supportUse(path).count,
      reason: (path) => {
        const { count, via } = supportUse(path)
        if (count < 3) return null
        return via
          ? `${viaName(via)} is used by ${count} tests and examples (public API)`
          : `used by ${count} tests and examples (public API)`
      },
    },
    {
      value: (path) => signals.bases.get(path)?.count ?? 0,
      reason: (path) => {
        const base = signals.bases.get(path)!
        return base.count >= 3 ? `${base.name} is built on by ${base.count} files` : null
      },
    },
    {
      value: (path) => {
        const implemented = signals.implements.get(path)
        return implemented ? (signals.relative.get(implemented.from) ?? 0) : 0
      },
      reason: (path) => {
        const implemented = signals.implements.get(path)!
        return implemented.kind === 'header' ? `implements ${implemented.name}` : `the main implementation of ${implemented.name}`
      },
    },
    {
      value: (path) => Math.min(1, input.fronts.get(path)?.weight ?? 0),
      reason: (path) => `the main file of ${input.fronts.get(path)!.folder}/`,
    },
    {
      value: (path) => signals.uses.get(path) ?? 0,
      reason: (path) => `uses ${signals.uses.get(path)} other files of the project`,
    },
    {
      value: (path) => importers(path).count,
      reason: (path) => {
        const { count, via } = importers(path)
        if (count < 3) return null
        return via ? `${viaName(via)} is imported by ${count} files` : `imported by ${count} files`
      },
    },
    { value: (path) => input.lines(path), reason: () => null },
    {
      value: (path) => ((input.churn.get(path) ?? 0) >= 2 ? (input.churn.get(path) ?? 0) : 0),
      reason: (path) => `changed in ${input.churn.get(path)} of the last ${input.commitsRead} commits`,
    },
  ]
  const fused = new Map<string, number>(input.code.map((path) => [path, 0]))
  const reasons = new Map<string, { place: number; reason: string }[]>(input.code.map((path) => [path, []]))
  for (const signal of signalList) {
    const values = input.code.map((path) => [path, signal.value(path)] as const).filter(([, value]) => value > 0)
    values.sort((a, b) => b[1] - a[1])
    // Equal values share a place: the place after every file with a greater value.
    let place = 0
    for (let i = 0; i < values.length; i++) {
      if (i === 0 || values[i]![1] < values[i - 1]![1]) place = i + 1
      const [path] = values[i]!
      fused.set(path, fused.get(path)! + FUSION_K / (FUSION_K + place))
      if (place > REASON_PLACES) continue
      const reason = signal.reason(path, place)
      if (reason !== null) reasons.get(path)!.push({ place, reason })
    }
  }
  const best = signalList.length * (FUSION_K / (FUSION_K + 1))
  return new Map(
    input.code.map((path) => [
      path,
      {
        fused: fused.get(path)! / best,
        reasons: [
          ...(input.starts.get(path)?.reasons ?? []),
          ...reasons
            .get(path)!
            .sort((a, b) => a.place - b.place)
            .slice(0, MAX_REASONS)
            .map((entry) => entry.reason),
        ],
      },
    ]),
  )
}

const squashed = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Whether the declaring file is named after the type (`Call.kt` for Call, `transport.py` for Transport). */
function namedAfter(declaration: Implementation): boolean {
  const name = declaration.from.slice(declaration.from.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '')
  return squashed(name) === squashed(declaration.name)
}

/** Steps past the last counted one (values stay positive for every counted step). */
const MAX_STEP_VALUE = 5
