// Which part of a repository the next hour should go to: the modules the leader has never been to
// (no file opened, cited or changed there in any hour), weighted by how much the team changed each
// recently and by whether the week's theme points at that kind of module; with the reason in one
// plain sentence. Pure: the sessions service gathers the scan's modules and history and the visits.
import type { HistorySummary, ModuleInfo } from '../../../shared/models/repos.ts'
import type { AreaSuggestion, RepoVisits } from '../../../shared/models/sessions.ts'
import { plural } from '../../../shared/plural.ts'

/**
 * What each week's theme looks for, by the conventional names of folders across ecosystems (never a
 * name tuned on one repository) and by the role the scan gave a folder. A theme with no entry
 * weights nothing: churn alone decides.
 */
const THEME_AREAS: Readonly<Record<string, { readonly words: readonly string[]; readonly roles?: readonly ModuleInfo['role'][] }>> = {
  'follow-one-request-end-to-end': {
    words: [
      'api',
      'apis',
      'server',
      'routes',
      'router',
      'handlers',
      'handler',
      'controllers',
      'controller',
      'http',
      'web',
      'endpoints',
      'views',
      'rpc',
      'grpc',
      'cmd',
    ],
  },
  'the-data-model': {
    words: [
      'model',
      'models',
      'db',
      'database',
      'schema',
      'schemas',
      'migrations',
      'migrate',
      'entities',
      'entity',
      'store',
      'storage',
      'repository',
      'repositories',
      'dao',
      'orm',
      'sql',
      'domain',
    ],
  },
  'the-developer-loop': { words: ['scripts', 'tools', 'tooling', 'build', 'dev', 'bin', 'hack'], roles: ['tooling'] },
  'the-tests-and-ci': { words: ['test', 'tests', 'spec', 'specs', 'e2e', 'integration', '.github', 'ci'], roles: ['test', 'fixture'] },
  'the-deploy-path': {
    words: [
      'deploy',
      'deployment',
      'infra',
      'infrastructure',
      'docker',
      'k8s',
      'kubernetes',
      'helm',
      'terraform',
      'ops',
      'release',
      'charts',
    ],
  },
  'observability-and-incidents': {
    words: ['log', 'logs', 'logging', 'logger', 'metrics', 'telemetry', 'tracing', 'monitoring', 'observability', 'health', 'errors'],
  },
  'dependencies-and-upgrades': { words: ['vendor', 'third_party', 'thirdparty', 'deps', 'external', 'packages'], roles: ['vendored'] },
  'the-on-call-runbook': { words: ['ops', 'runbooks', 'runbook', 'alerts', 'oncall', 'monitoring', 'health'] },
}

/** Roles worth an hour: code people change (a theme may add its own, such as tests). */
const WORTH_A_VISIT: readonly ModuleInfo['role'][] = ['source']

export interface NextAreaInput {
  readonly repo: { readonly id: string; readonly name: string }
  readonly themeId: string
  readonly modules: readonly ModuleInfo[]
  readonly history: Pick<HistorySummary, 'moduleChurn' | 'commitsRead'> & {
    readonly recentModuleChurn?: HistorySummary['recentModuleChurn']
  }
  readonly visits: RepoVisits
  readonly now: Date
}

export function themeMatches(themeId: string, module: ModuleInfo): boolean {
  const area = THEME_AREAS[themeId]
  if (!area) return false
  if (area.roles?.includes(module.role)) return true
  const segments = module.path.toLowerCase().split('/')
  return segments.some((segment) => area.words.includes(segment))
}

/** The module each visited path belongs to: the one whose folder is the longest prefix of it. */
export function visitedModules(modules: readonly ModuleInfo[], paths: readonly string[]): Set<string> {
  const byDepth = [...modules].sort((a, b) => b.path.length - a.path.length)
  const visited = new Set<string>()
  for (const path of paths) {
    const owner = byDepth.find((module) => module.path !== '.' && (path === module.path || path.startsWith(`${module.path}/`)))
    const root = modules.find((module) => module.path === '.')
    const id = owner?.id ?? root?.id
    if (id) visited.add(id)
  }
  return visited
}

export function suggestNextArea(input: NextAreaInput): AreaSuggestion | null {
  const { modules, history, visits, themeId } = input
  const visited = visitedModules(
    modules,
    visits.paths.map((visit) => visit.path),
  )
  const recent = history.recentModuleChurn
  const churn = new Map((recent?.modules ?? history.moduleChurn).map((entry) => [entry.module, entry.commits]))
  // In a quiet month the whole history read breaks ties: a module the team often changes beats one it never does.
  const longRun = new Map(history.moduleChurn.map((entry) => [entry.module, entry.commits]))
  const roles = new Set([...WORTH_A_VISIT, ...(THEME_AREAS[themeId]?.roles ?? [])])
  const candidates = modules
    .filter((module) => !visited.has(module.id) && module.path !== '.' && module.files > 0)
    .filter((module) => roles.has(module.role) || themeMatches(themeId, module))
    .map((module) => {
      const commits = churn.get(module.id) ?? 0
      const matches = themeMatches(themeId, module)
      // Recent change counts; the theme triples it (and lifts a quiet module above none); size breaks ties.
      const score =
        (commits + (matches ? 1 : 0)) * (matches ? 3 : 1) +
        Math.min(longRun.get(module.id) ?? 0, 10_000) / 20_000 +
        Math.min(module.lines, 100_000) / 1e7
      return { module, commits, matches, score }
    })
    .sort((a, b) => b.score - a.score || a.module.path.localeCompare(b.module.path))
  const best = candidates[0]
  if (!best) return null
  const window: AreaSuggestion['window'] = recent
    ? { kind: 'days', since: recent.since }
    : { kind: 'commits', commitsRead: history.commitsRead }
  return {
    repoId: input.repo.id,
    repoName: input.repo.name,
    path: best.module.path,
    name: best.module.name,
    label: ownFilesOnly(modules, best.module) ? `${best.module.path}/ (files)` : `${best.module.path}/`,
    commits: best.commits,
    window,
    matchesTheme: best.matches,
    why: whyOf(best.module, ownFilesOnly(modules, best.module), best.commits, best.matches, window, visits.hours, input.now),
    alternatives: candidates.slice(1, 4).map((candidate) => ({ path: candidate.module.path, commits: candidate.commits })),
  }
}

/** A module with others below it stands for the files directly in its folder (the map's "lib/ (files)"). */
function ownFilesOnly(modules: readonly ModuleInfo[], module: ModuleInfo): boolean {
  return modules.some((other) => other.path.startsWith(`${module.path}/`))
}

function whyOf(
  module: ModuleInfo,
  ownFiles: boolean,
  commits: number,
  matches: boolean,
  window: AreaSuggestion['window'],
  hours: number,
  now: Date,
): string {
  const where = ownFiles ? `The files directly in \`${module.path}/\`` : `\`${module.path}/\``
  const notThere = hours === 0 ? 'you have not had an hour in this repository yet' : 'you have not been there'
  const theme = matches ? ', it is what this week’s theme is about' : ''
  if (commits === 0) return `${where} holds ${module.lines.toLocaleString('en')} lines you have not seen${theme}, and ${notThere}.`
  return `${where} changed in ${plural(commits, 'commit')} ${windowText(window, now)}${theme}, and ${notThere}.`
}

/** "in the last 30 days" while the history is current, else the dates it covers; or the commits read. */
function windowText(window: AreaSuggestion['window'], now: Date): string {
  if (window.kind === 'commits') return `in the last ${window.commitsRead.toLocaleString('en')} commits`
  const since = new Date(window.since)
  const end = new Date(since.getTime() + 30 * 86_400_000)
  if (now.getTime() - end.getTime() <= 7 * 86_400_000) return 'in the last 30 days'
  return `in the 30 days up to its latest commit (${end.toISOString().slice(0, 10)})`
}
