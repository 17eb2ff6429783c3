// What kind of codebase a scan found (a web service, a library, a command-line tool, a storage engine, a
// web app, a mobile app), so the week's prompts can fit it. Decided from what the project says it is
// (the README's own description) and from its shape: the programs and packages its files declare, the
// frameworks it is built with, app manifests, storage-engine code. Ecosystem conventions only, never a
// repository's own names. Pure; reads nothing but the scan it is given.
import type { RepoKind, RepoKindReading, ScanResult } from '../../../../shared/models/repos.ts'
import { pathRole } from './path-roles.ts'

export type KindInput = Pick<ScanResult, 'files' | 'project' | 'readme'>

/** Frameworks ("Built with …") that serve requests. */
const SERVER_FRAMEWORKS = new Set([
  'Express',
  'Fastify',
  'Koa',
  'NestJS',
  'Hono',
  'Next.js',
  'Nuxt',
  'SvelteKit',
  'Django',
  'Flask',
  'FastAPI',
  'Starlette',
  'Werkzeug',
  'Gin',
  'Echo',
  'Fiber',
  'Gorilla mux',
  'Actix Web',
  'Axum',
  'Rocket',
  'Spring Boot',
  'Quarkus',
  'Micronaut',
  'Rails',
  'Sinatra',
  'Laravel',
  'Symfony',
  'Slim',
  'ASP.NET Core',
  'gRPC',
])
const UI_FRAMEWORKS = new Set(['React', 'Vue', 'Svelte', 'Angular'])
const CLI_FRAMEWORKS = new Set([
  'Cobra',
  'Clap',
  'Click',
  'Typer',
  'Commander',
  'yargs',
  'picocli',
  'Thor',
  'Symfony Console',
  'System.CommandLine',
])

/** What a README's description calls the project, by the words it uses; the earliest one in the text wins. */
const SAYS: readonly (readonly [RepoKind, RegExp])[] = [
  ['storage-engine', /\b(database|storage engine|key[- ]value store|data ?store|time[- ]series store|embedded store)\b/i],
  ['cli', /\b(command[- ]line|CLI\b|terminal|build (system|tool)|(a|an) ([\w-]+ ){0,2}command\b)/i],
  ['mobile-app', /\b(iOS|Android|mobile) app(lication)?\b/i],
  ['web-app', /\b(web app(lication)?|single[- ]page app(lication)?)\b(?! framework)/i],
  ['library', /\b(library|framework|SDK|toolkit|client for|HTTP client|bindings|runtime for|package for)\b/i],
  ['web-service', /\b(service|server|self-hosted|proxy|gateway|monitoring (tool|system)|web ?site)\b/i],
]

/** Names of storage-engine parts, as words of a source file's or folder's name. */
const STORAGE_PARTS: readonly (readonly [string, RegExp])[] = [
  ['a write-ahead log', /(^|[/_.-])(wal|write_ahead_log|writeaheadlog|journal)([/_.-]|$)/i],
  ['SSTables or an LSM tree', /(^|[/_.-])(sstable|memtable|lsm|compaction)([/_.-]|$)/i],
  ['B-trees', /(^|[/_.-])(b_?tree|bplus_?tree|art)([/_.-]|$)/i],
  ['a buffer pool', /(^|[/_.-])(buffer_?pool|buffer_?manager|page_?cache|pager)([/_.-]|$)/i],
  ['transactions', /(^|[/_.-])(mvcc|transaction_?manager|undo_?buffer|redo_?log)([/_.-]|$)/i],
  ['a query planner', /(^|[/_.-])(planner|optimizer|query_?plan)([/_.-]|$)/i],
]

/** Entry files of a program, by the conventions of each ecosystem (a Go `main.go`, Rust's src/main.rs, a Python `__main__.py`). */
const PROGRAM_ENTRY =
  /(^|\/)(cmd\/[^/]+\/main\.go|main\.go|src\/main\.rs|src\/bin\/[^/]+\.rs|__main__\.py|Program\.cs|main\.(c|cc|cpp)|bin\/[^/.]+)$/

/** Files that only an app for a phone has. */
const MOBILE_APP = /(^|\/)(AndroidManifest\.xml|AppDelegate\.(swift|m)|SceneDelegate\.swift|pubspec\.yaml)$/
/** What a published package declares itself with. */
const LIBRARY_MANIFEST =
  /(^|\/)([^/]+\.gemspec|[^/]+\.podspec|Package\.swift|pyproject\.toml|setup\.py|Cargo\.toml|go\.mod|composer\.json|package\.json|[^/]+\.csproj|[^/]+\.nuspec|pom\.xml|build\.gradle(\.kts)?|build\.sbt|[^/]+\.cabal|mix\.exs)$/
/** Files that say the code is deployed and runs as a service. */
const SERVICE_FILES =
  /^(Dockerfile|Procfile|docker-compose\.ya?ml|compose\.ya?ml|fly\.toml|app\.yaml|manage\.py|config\/routes\.rb|config\.ru|Chart\.yaml|helm\/.+|k8s\/.+|kubernetes\/.+|deploy\/.+)$/
const HTML_ENTRY = /^((public|src|web|app|client|frontend)\/)?index\.html$/

export function repoKindOf(scan: KindInput): RepoKindReading {
  const source = scan.files.filter((file) => pathRole(file.path) === 'source').map((file) => file.path)
  const frameworks = scan.project.frameworks
  const server = frameworks.filter((name) => SERVER_FRAMEWORKS.has(name))
  const ui = frameworks.filter((name) => UI_FRAMEWORKS.has(name))
  const cliLibrary = frameworks.find((name) => CLI_FRAMEWORKS.has(name)) ?? null
  // The program named after the project first (bin/<name>, cmd/<name>/main.go), then the shallowest.
  const named = (path: string) => (path.toLowerCase().split('/').includes(scan.project.name.toLowerCase()) ? 0 : 1)
  const programs = source
    .filter((path) => PROGRAM_ENTRY.test(path) && path.split('/').length <= 4)
    .sort((a, b) => named(a) - named(b) || a.split('/').length - b.split('/').length)
  const packageManifests = source
    .filter((path) => LIBRARY_MANIFEST.test(path) && path.split('/').length <= 3)
    .sort((a, b) => a.split('/').length - b.split('/').length)
  const mobile = source.filter((path) => MOBILE_APP.test(path))
  const serviceFiles = source.filter((path) => SERVICE_FILES.test(path))
  const publishes = packageManifests.some((path) => /\.(gemspec|podspec|nuspec)$|Package\.swift$/.test(path))

  const said = saidKind(selfDescription(scan.project.description, scan.project.intro).replace(/\s+/g, ' '))
  if (said) return { kind: said.kind, reason: `its README calls it “${said.words}”` }

  if (frameworks.includes('React Native')) return { kind: 'mobile-app', reason: 'it is built with React Native' }
  if (mobile.length > 0 && !publishes) return { kind: 'mobile-app', reason: `it has a phone app’s ${baseName(mobile[0] ?? '')}` }

  const storage = STORAGE_PARTS.filter(([, pattern]) => source.some((path) => pattern.test(path))).map(([name]) => name)
  if (storage.length >= 3)
    return { kind: 'storage-engine', reason: `its code has the parts of a storage engine: ${storage.slice(0, 3).join(', ')}` }

  if (server.length > 0 && (programs.length > 0 || serviceFiles.length > 0 || packageManifests.length === 0))
    return { kind: 'web-service', reason: `it runs a server built with ${server[0]}` }
  if (ui.length > 0 && source.some((path) => HTML_ENTRY.test(path)))
    return { kind: 'web-app', reason: `it is a ${ui[0]} app with an HTML entry and no server of its own` }
  if (programs.length > 0 && cliLibrary) return { kind: 'cli', reason: `it builds a program (${programs[0]}) with ${cliLibrary}` }
  if (serviceFiles.length > 0) return { kind: 'web-service', reason: `it is deployed as a service (${serviceFiles[0]})` }
  if (programs.length > 0 && !publishes && !libraryRoot(source))
    return { kind: 'cli', reason: `it builds a program (${programs[0]}) and publishes no library` }
  if (packageManifests.length > 0 && server.length === 0)
    return { kind: 'library', reason: `it publishes a package (${packageManifests[0]}) and runs no server` }
  if (server.length > 0) return { kind: 'web-service', reason: `it is built on ${server[0]}` }
  return { kind: 'unknown', reason: 'the scan found no program, package or server it could name' }
}

/**
 * What the project says it is: the clause after the first "is a…" of its README's description or
 * introduction ("HTTPie is a command-line HTTP client"), up to the first comma, "that", "with" or a second verb;
 * else the description itself when it is a bare phrase ("Elegant Networking in Swift").
 */
export function selfDescription(description: string | null | undefined, intro: string | null | undefined): string {
  for (const text of [description ?? '', intro ?? '']) {
    const clause = /\b(?:is|are)\s+((?:an?|the)\s+.+)/i.exec(text)?.[1]
    // "…and uses a database" starts a second statement; "systems and service monitoring" does not.
    if (clause) return (clause.split(/[,;(]|[.:](?:\s|$)|\s(?:that|which|with|to)\s|\sand\s(?=[a-z]+s\s)/)[0] ?? '').trim()
  }
  return description ?? ''
}

function saidKind(text: string): { kind: RepoKind; words: string } | null {
  let best: { kind: RepoKind; end: number; at: number } | null = null
  for (const [kind, pattern] of SAYS) {
    const match = pattern.exec(text)
    if (match && (best === null || match.index < best.at)) best = { kind, at: match.index, end: match.index + match[0].length }
  }
  if (!best) return null
  // The short phrase reads better than the word that decided ("a command-line HTTP client"), cut at a word.
  const plain = text.trim().replace(/\.$/, '')
  const cut = plain.length <= 60 ? plain : `${plain.slice(0, Math.max(best.end, plain.lastIndexOf(' ', 60))).trim()}…`
  return { kind: best.kind, words: cut }
}

/** A library's root file beside the program: Rust's src/lib.rs, a Python package's __init__.py at the top. */
function libraryRoot(source: readonly string[]): boolean {
  return source.some((path) => /(^|\/)src\/lib\.rs$|^(src\/)?[^/]+\/__init__\.py$/.test(path))
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
