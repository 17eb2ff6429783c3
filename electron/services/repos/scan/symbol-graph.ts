// The symbol graph the key-file ranking walks, as aider's repository map builds one: a file links to
// the files that declare the names it uses, each link as strong as the names are telling (a long,
// compound name declared in one or two files says more than `get`, declared in forty). Plus the links
// a reader follows from a declaration to the code that does the work: a header to the source file of
// the same stem, a class declared in a header to the file defining its methods, an interface to its
// main implementation. Pure; bounded by the names each file keeps (parse/used-names.ts).
import type { DefinitionKind } from '../parse/parsed-file.ts'

export interface SymbolSource {
  readonly definitions: readonly { readonly name: string; readonly kind: string }[]
  /** Space-separated names the file uses, most used first. */
  readonly uses?: string
  /** Interfaces and base types the file's classes implement or extend. */
  readonly supertypes?: readonly string[]
}

interface WeightedEdge {
  readonly from: string
  readonly to: string
  readonly weight: number
}

/** Why a link from a declaration to its implementation was made, for the reasons a key file shows. */
export interface Implementation {
  readonly from: string
  readonly to: string
  /** A header's source; an interface's (or trait's, protocol's) implementation; a class's subclass. */
  readonly kind: 'header' | 'interface' | 'subclass'
  /** The header, class or interface name. */
  readonly name: string
}

export interface SymbolGraph {
  readonly edges: readonly WeightedEdge[]
  readonly implementations: readonly Implementation[]
  /** The types other files build on: per declaring file, its most extended or implemented type and by how many files. */
  readonly bases: ReadonlyMap<string, { readonly name: string; readonly count: number }>
}

/** A type named as a contract: `…Interface`, `…Contract`, or .NET's `IThing`. */
const CONTRACT_NAME = /(Interface|Contract)$|^I[A-Z][a-z]/
/** An interface more implementations than this are named after (`VueHandler`, `WsHandler`…) is a plug-in point with no main one. */
const MAIN_NAMED = 2
/** A name declared in more files than this is a convention (`String`, `run`, `Handler`), not a link. */
const MAX_DEFINERS = 8
/** Past this many declaring files a name still links, but weakly. */
const FEW_DEFINERS = 5
/** A compound name (`NewCmdRoot`, `server_start`) says more than a plain word (`host`, `query`), which is as often a local. */
const COMPOUND = 4
const PLAIN_WORD = 0.15
/** A declaring file its user cannot see (neither imported nor beside it) is most likely another thing of that name. */
const OUT_OF_SIGHT = 0.02
const TYPE_KINDS: ReadonlySet<string> = new Set<DefinitionKind>(['class', 'interface', 'type', 'enum', 'object', 'module'])
const HEADER = /\.(h|hh|hpp|hxx|h\+\+)$/
const SOURCE = /\.(c|cc|cpp|cxx|c\+\+|m|mm)$/

/** `Planner::CreatePlan` → CreatePlan, `Phoenix.Router` → Router, `App\Http\Kernel` → Kernel. */
function simpleName(name: string): string {
  const cut = Math.max(name.lastIndexOf(':'), name.lastIndexOf('.'), name.lastIndexOf('\\'))
  return cut < 0 ? name : name.slice(cut + 1)
}

/** The class a C++ out-of-line method belongs to: `Planner::CreatePlan` → Planner. */
function ownerOf(name: string): string | null {
  const parts = name.split('::').filter(Boolean)
  return parts.length >= 2 ? (parts.at(-2) ?? null) : null
}

/** What the graph knows of a declared name. */
interface NameInfo {
  /** The files declaring it (their numbers). */
  readonly declaring: readonly number[]
  /** The headers declaring it as a prototype, when a source file defines it. */
  readonly headers: readonly number[]
  readonly weight: number
  /** Go's lowercase names are their package's own: code in another folder cannot use them. */
  readonly packagePrivate: boolean
  /** How many files use it. */
  users: number
}

/** How telling a name is: compound names (camelCase, snake_case) of some length say the most. */
function nameWeight(name: string, definers: number, kind: string): number {
  let weight = 1
  if (name.length >= 8 && (/[a-z][A-Z]/.test(name) || /[a-zA-Z]_[a-zA-Z]/.test(name))) weight *= COMPOUND
  else if (/^[a-z][a-z0-9]*$/.test(name)) weight *= PLAIN_WORD
  else if (name.length <= 4 && !/^[A-Z][a-z0-9]+$/.test(name)) weight *= 0.5
  if (name.startsWith('_')) weight *= 0.2
  if (definers > FEW_DEFINERS) weight *= 0.1
  if (!TYPE_KINDS.has(kind) && kind !== 'function') weight *= 0.5
  return weight
}

/**
 * `imports`: the files each file imports (resolved import edges, same-package links included). A name
 * links to the declaring files its user can see (in its folder, imported, or declared in a header it
 * includes); a file of the same name out of sight is most likely another thing of that name.
 */
export function buildSymbolGraph(
  nodes: readonly string[],
  read: (path: string) => SymbolSource | undefined,
  imports?: ReadonlyMap<string, ReadonlySet<string>>,
): SymbolGraph {
  const definers = new Map<string, string[]>()
  const kindOf = new Map<string, string>()
  const methodsOf = new Map<string, Set<string>>()
  const aliases = new Map<string, Set<string>>()
  for (const path of nodes) {
    const source = read(path)
    if (!source) continue
    const seen = new Set<string>()
    for (const definition of source.definitions) {
      const name = simpleName(definition.name)
      if (name.length < 3 || seen.has(name)) continue
      seen.add(name)
      const list = definers.get(name)
      if (list) list.push(path)
      else definers.set(name, [path])
      // A type keeps its strongest kind (a class over a function of the same name).
      if (!TYPE_KINDS.has(kindOf.get(name) ?? '')) kindOf.set(name, definition.kind)
      if (definition.kind === 'type') aliases.set(name, (aliases.get(name) ?? new Set<string>()).add(path))
      const owner = ownerOf(definition.name)
      if (owner) {
        const set = methodsOf.get(owner) ?? new Set<string>()
        set.add(path)
        methodsOf.set(owner, set)
      }
    }
  }
  // A function a header declares and a source file defines is used where it is defined: the header's
  // prototype is a pointer to that code, not the code.
  const prototypes = new Map<string, string[]>()
  for (const [name, paths] of definers) {
    if (TYPE_KINDS.has(kindOf.get(name) ?? '') || !paths.some((path) => HEADER.test(path)) || !paths.some((path) => SOURCE.test(path)))
      continue
    prototypes.set(
      name,
      paths.filter((path) => HEADER.test(path)),
    )
    definers.set(
      name,
      paths.filter((path) => !HEADER.test(path)),
    )
  }
  // Files, folders and names by number: a big repository has millions of (use, declaring file) pairs.
  const at = new Map(nodes.map((path, index) => [path, index]))
  const folderIds = new Map<string, number>()
  const folderOfNode = nodes.map((path) => {
    const folder = folderOf(path)
    const known = folderIds.get(folder)
    if (known !== undefined) return known
    folderIds.set(folder, folderIds.size)
    return folderIds.size - 1
  })
  const sight = nodes.map((path) => {
    const seen = imports?.get(path)
    return seen && seen.size > 0 ? new Set([...seen].flatMap((to) => (at.has(to) ? [at.get(to)!] : []))) : null
  })
  const infos = new Map<string, NameInfo>()
  for (const [name, paths] of definers) {
    if (paths.length > MAX_DEFINERS) continue
    infos.set(name, {
      declaring: paths.map((path) => at.get(path)!),
      headers: (prototypes.get(name) ?? []).map((path) => at.get(path)!),
      weight: nameWeight(name, paths.length, kindOf.get(name) ?? 'function'),
      packagePrivate: /^[a-z_]/.test(name) && paths.every((path) => path.endsWith('.go')),
      users: 0,
    })
  }
  // A name few files use is a closer link than one every file uses (a program's own parts against its
  // logging): each use weighs by how rare the name's use is, as a word's weight in a search index.
  const usedNames: NameInfo[][] = nodes.map((path, index) => {
    const uses = read(path)?.uses
    if (!uses) return []
    const found: NameInfo[] = []
    for (const name of uses.split(' ')) {
      const info = infos.get(name)
      if (!info || (info.declaring.length === 1 && info.declaring[0] === index)) continue
      info.users += 1
      found.push(info)
    }
    return found
  })
  const edges: WeightedEdge[] = []
  const out = new Map<number, number>()
  for (let from = 0; from < nodes.length; from++) {
    const names = usedNames[from]!
    if (names.length === 0) continue
    const seen = sight[from] ?? null
    const folder = folderOfNode[from]
    for (const info of names) {
      const weight = info.weight * Math.log2(1 + nodes.length / Math.max(1, info.users))
      for (const to of info.declaring) {
        if (to === from || (info.packagePrivate && folderOfNode[to] !== folder)) continue
        const inSight =
          seen === null ||
          folderOfNode[to] === folder ||
          seen.has(to) ||
          info.headers.some((header) => seen.has(header) || folderOfNode[header] === folder)
        out.set(to, (out.get(to) ?? 0) + (inSight ? weight : weight * OUT_OF_SIGHT))
      }
    }
    for (const [to, weight] of out) edges.push({ from: nodes[from]!, to: nodes[to]!, weight })
    out.clear()
  }
  const contracts = contractsOf(nodes, read, definers, aliases, (from, to) => {
    const seen = sight[from] ?? null
    return folderOfNode[from] === folderOfNode[at.get(to)!] || (seen !== null && seen.has(at.get(to)!))
  })
  const interfaces = (path: string, name: string) =>
    read(path)?.definitions.some((definition) => definition.kind === 'interface' && simpleName(definition.name) === name) === true
  const implementations = [...headerImplementations(nodes, definers, methodsOf), ...interfaceImplementations(contracts, interfaces)]
  return { edges, implementations, bases: basesOf(contracts) }
}

/**
 * A header's implementation: the source file of the same stem beside it or anywhere (`graph.h` →
 * `graph.cc`), and for a class the header declares, the file defining most of its methods out of line.
 */
function headerImplementations(
  nodes: readonly string[],
  definers: ReadonlyMap<string, readonly string[]>,
  methodsOf: ReadonlyMap<string, ReadonlySet<string>>,
): Implementation[] {
  const sourcesByStem = new Map<string, string[]>()
  for (const path of nodes) {
    if (!SOURCE.test(path)) continue
    const stem = stemOf(path)
    const list = sourcesByStem.get(stem)
    if (list) list.push(path)
    else sourcesByStem.set(stem, [path])
  }
  const found: Implementation[] = []
  for (const header of nodes) {
    if (!HEADER.test(header)) continue
    const sources = sourcesByStem.get(stemOf(header)) ?? []
    // The nearest one when several share the stem (`src/os.cc` for `include/fmt/os.h`, not `test/os.cc`).
    const nearest = sources.sort((a, b) => sharedDepth(b, header) - sharedDepth(a, header) || a.length - b.length)[0]
    if (nearest) found.push({ from: header, to: nearest, kind: 'header', name: nameOf(header) })
  }
  for (const [owner, files] of methodsOf) {
    const declaring = (definers.get(owner) ?? []).filter((path) => HEADER.test(path))
    const defining = [...files].filter((path) => SOURCE.test(path))
    if (declaring.length !== 1 || defining.length === 0 || defining.length > 3) continue
    for (const source of defining) found.push({ from: declaring[0]!, to: source, kind: 'header', name: owner })
  }
  return found
}

/** Per declaring file, each type it declares that other files build on, with those files. */
type Contracts = Map<string, Map<string, string[]>>

/**
 * Which file declares the type each class builds on: the only one declaring it, else the one the
 * class's file sees (imports, or beside it), else the one named after it (`Call.kt` for `Call`, not a
 * `Dns.Call` nested elsewhere). A name none of these settles links nothing; a type alias of the name
 * (`type Semigroup[A] = kernel.Semigroup[A]`) is not what is built on.
 */
function contractsOf(
  nodes: readonly string[],
  read: (path: string) => SymbolSource | undefined,
  definers: ReadonlyMap<string, readonly string[]>,
  aliases: ReadonlyMap<string, ReadonlySet<string>>,
  sees: (from: number, to: string) => boolean,
): Contracts {
  const contracts: Contracts = new Map()
  for (let from = 0; from < nodes.length; from++) {
    const path = nodes[from]!
    for (const supertype of read(path)?.supertypes ?? []) {
      const name = simpleName(supertype.replace(/<.*$/, ''))
      const declaring = (definers.get(name) ?? []).filter((file) => file !== path && !aliases.get(name)?.has(file))
      if (declaring.length === 0) continue
      let contract = declaring.length === 1 ? declaring[0] : undefined
      if (contract === undefined) {
        const visible = declaring.filter((file) => sees(from, file))
        const pool = visible.length > 0 ? visible : declaring
        const named = pool.filter((file) => stemOf(file) === name)
        contract = pool.length === 1 ? pool[0] : named.length === 1 ? named[0] : undefined
      }
      if (contract === undefined) continue
      const byName = contracts.get(contract) ?? new Map<string, string[]>()
      const list = byName.get(name) ?? []
      if (!list.includes(path)) list.push(path)
      byName.set(name, list)
      contracts.set(contract, byName)
    }
  }
  return contracts
}

/**
 * An interface's (or a class's) main implementation: `IMediator` → `Mediator`, `Call` → `RealCall`, or
 * its only one; none when many are named after it.
 */
function interfaceImplementations(contracts: Contracts, interfaces: (path: string, name: string) => boolean): Implementation[] {
  const found: Implementation[] = []
  for (const [contract, byName] of contracts) {
    for (const [name, paths] of byName) {
      const bare = name.replace(/^I(?=[A-Z])/, '').toLowerCase()
      // A contract named as one (`CompletePackageInterface`, `IRequestHandler`) narrows it; it implements nothing.
      const implementing = paths.filter((path) => !CONTRACT_NAME.test(stemOf(path)))
      const named = implementing.filter((path) => stemOf(path).toLowerCase().includes(bare))
      const kind = interfaces(contract, name) ? 'interface' : 'subclass'
      // A lone implementer of an interface is its implementation; a lone subclass of a class that has its
      // own code (a typing-only specialisation, a test double) is not, unless named after it.
      const lone = kind === 'interface' && implementing.length === 1 ? implementing : []
      const chosen = named.length > 0 ? (named.length <= MAIN_NAMED ? named : []) : lone
      for (const path of chosen) found.push({ from: contract, to: path, kind, name })
    }
  }
  return found
}

/** What the code is built on: each declaring file's type that the most other files extend or implement. */
function basesOf(contracts: Contracts): Map<string, { name: string; count: number }> {
  const bases = new Map<string, { name: string; count: number }>()
  for (const [file, byName] of contracts) {
    for (const [name, paths] of byName) {
      if (paths.length > (bases.get(file)?.count ?? 0)) bases.set(file, { name, count: paths.length })
    }
  }
  return bases
}

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')

function stemOf(path: string): string {
  const name = nameOf(path)
  const dot = name.indexOf('.')
  return dot <= 0 ? name : name.slice(0, dot)
}

function sharedDepth(a: string, b: string): number {
  const x = a.split('/')
  const y = b.split('/')
  let n = 0
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++
  return n
}
