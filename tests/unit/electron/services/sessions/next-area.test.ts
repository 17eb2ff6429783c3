// Today's suggestion goes where the leader has never been, favouring what the team changed most
// lately and what the week's theme is about, and says why in a sentence with the real numbers.
import { describe, expect, it } from 'vitest'
import type { ModuleInfo } from '../../../../../shared/models/repos.ts'
import type { RepoVisits } from '../../../../../shared/models/sessions.ts'
import { suggestNextArea, visitedModules } from '../../../../../electron/services/sessions/next-area.ts'

const module = (path: string, role: ModuleInfo['role'] = 'source', lines = 1000): ModuleInfo => ({
  id: `m:${path}`,
  name: path,
  path,
  files: 10,
  lines,
  language: 'TypeScript',
  kind: path === '.' ? 'root' : 'convention',
  role,
})
const modules = [module('.'), module('src/billing'), module('src/api'), module('src/models', 'source', 400), module('test', 'test')]
const visits = (paths: string[], hours = 3): RepoVisits => ({
  repoId: 'r',
  hours,
  from: '2026-01-05',
  to: '2026-02-02',
  paths: paths.map((path) => ({ path, read: 1, cited: 0, changed: 0 })),
  truncated: false,
})
const history = {
  commitsRead: 800,
  moduleChurn: [
    { module: 'm:src/api', commits: 300 },
    { module: 'm:src/billing', commits: 90 },
    { module: 'm:src/models', commits: 12 },
  ],
  recentModuleChurn: {
    since: '2026-02-01T00:00:00.000Z',
    modules: [
      { module: 'm:src/billing', commits: 41 },
      { module: 'm:src/api', commits: 30 },
      { module: 'm:src/models', commits: 16 },
    ],
  },
}
const now = new Date('2026-03-03T10:00:00Z')
const repo = { id: 'r', name: 'shop' }

describe('suggestNextArea', () => {
  it('suggests the unvisited module the team changed most in the last 30 days, and says why', () => {
    const suggestion = suggestNextArea({
      repo,
      themeId: 'walk-the-codebase',
      modules,
      history,
      visits: visits(['src/api/routes.ts']),
      now,
    })!
    expect(suggestion).toMatchObject({ path: 'src/billing', commits: 41, matchesTheme: false })
    expect(suggestion.why).toBe('`src/billing/` changed in 41 commits in the last 30 days, and you have not been there.')
    expect(suggestion.alternatives).toEqual([{ path: 'src/models', commits: 16 }])
  })

  it('weights the week’s theme: the data model week goes to the models folder', () => {
    const suggestion = suggestNextArea({ repo, themeId: 'the-data-model', modules, history, visits: visits([]), now })!
    expect(suggestion.path).toBe('src/models')
    expect(suggestion.why).toContain('it is what this week’s theme is about')
    expect(suggestion.why).toContain('you have not been there')
  })

  it('falls back on the commits read when the scan kept no recent window, and says so', () => {
    const { recentModuleChurn: _recent, ...older } = history
    const suggestion = suggestNextArea({ repo, themeId: 'walk-the-codebase', modules, history: older, visits: visits([], 0), now })!
    expect(suggestion.path).toBe('src/api')
    expect(suggestion.why).toBe(
      '`src/api/` changed in 300 commits in the last 800 commits, and you have not had an hour in this repository yet.',
    )
  })

  it('suggests nothing once every part worth a visit has been visited', () => {
    const all = visits(['src/api/a.ts', 'src/billing/b.ts', 'src/models/c.ts'])
    expect(suggestNextArea({ repo, themeId: 'walk-the-codebase', modules, history, visits: all, now })).toBeNull()
  })
})

describe('visitedModules', () => {
  it('gives a path to the deepest module holding it, and a root file to the root', () => {
    const nested = [...modules, module('src/api/v2')]
    expect([...visitedModules(nested, ['src/api/v2/x.ts', 'README.md'])].sort()).toEqual(['m:.', 'm:src/api/v2'])
  })
})

describe('suggestNextArea: a folder with modules below it', () => {
  it('says it means the files directly in the folder, and lets the long history break a quiet month’s ties', () => {
    const nested = [module('.'), module('lib'), module('lib/core'), module('lib/cancel'), module('lib/platform')]
    const quiet = {
      commitsRead: 500,
      moduleChurn: [
        { module: 'm:lib/platform', commits: 80 },
        { module: 'm:lib/cancel', commits: 3 },
      ],
      recentModuleChurn: { since: '2026-02-01T00:00:00.000Z', modules: [] },
    }
    const suggestion = suggestNextArea({
      repo,
      themeId: 'walk-the-codebase',
      modules: nested,
      history: quiet,
      visits: visits(['lib/core/a.js']),
      now,
    })!
    expect(suggestion.path).toBe('lib/platform')
    const lib = suggestNextArea({
      repo,
      themeId: 'walk-the-codebase',
      modules: nested,
      history: { ...quiet, recentModuleChurn: { since: quiet.recentModuleChurn.since, modules: [{ module: 'm:lib', commits: 5 }] } },
      visits: visits(['lib/core/a.js']),
      now,
    })!
    expect(lib.label).toBe('lib/ (files)')
    expect(lib.why).toBe('The files directly in `lib/` changed in 5 commits in the last 30 days, and you have not been there.')
  })
})
