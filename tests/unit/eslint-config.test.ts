// The layer rules in eslint.config.js, proved by linting small probes at the places they guard: a
// rule that stopped firing would let the architecture erode silently.
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const eslint = new ESLint({ cwd: root })

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)
}

describe('the layer rules', () => {
  it('let a domain reach another only through its public index, and never electron/core', async () => {
    const file = 'electron/services/change/probe.ts'
    expect(
      await refusals(
        file,
        "export { x } from '../ai/index.ts'\nexport { y } from './git/land-change.ts'\nexport { z } from '../fs/atomic-write.ts'\n",
      ),
    ).toEqual([])
    const refused = await refusals(
      file,
      "export { x } from '../ai/tools/read-file.ts'\nexport { y } from '../../sessions/session-store.ts'\nexport { z } from '../../core/dispatcher.ts'\n",
    )
    expect(refused).toHaveLength(3)
    expect(refused[0]).toMatch(/public index/)
    expect(refused[2]).toMatch(/never import electron\/core/)
  })

  it('tell a domain’s own git folder from the git layer, which is reached through its door (git-layer.ts)', async () => {
    const file = 'electron/services/repos/scan/probe.ts'
    expect(await refusals(file, "export { x } from '../git/index-entries.ts'\nexport { y } from '../../git/git-layer.ts'\n")).toEqual([])
    expect(await refusals(file, "export { x } from '../../git/index-file.ts'\n")).toHaveLength(1)
    expect(await refusals(file, "export { x } from '../../git/git-objects.ts'\n")).toHaveLength(1)
    expect(await refusals(file, "export { x } from '../../git/history-reads.ts'\n")).toEqual([])
    expect(await refusals('electron/services/repos/scan/probe.ts', "export { x } from '../../ai/history-reads.ts'\n")).toHaveLength(1)
    expect(await refusals('electron/core/probe.ts', "export { x } from '../services/git/git-layer.ts'\n")).toEqual([])
    expect(await refusals('electron/core/probe.ts', "export { x } from '../services/git/index-lock.ts'\n")).toHaveLength(1)
  })

  it('keep isomorphic-git inside the git layer', async () => {
    const imports = "import git from 'isomorphic-git'\nimport { FileSystem } from 'isomorphic-git/models'\nexport { git, FileSystem }\n"
    for (const file of [
      'electron/services/change/git/probe.ts',
      'electron/services/ai/tools/probe.ts',
      'electron/services/journal/probe.ts',
      'electron/services/repos/scan/probe.ts',
      'electron/services/fs/probe.ts',
      'electron/core/probe.ts',
      'renderer/stores/probe.ts',
      'shared/probe.ts',
    ]) {
      const refused = await refusals(file, imports)
      expect(refused, file).toHaveLength(2)
      expect(refused[0]).toMatch(/Only the git layer uses isomorphic-git/)
    }
    expect(await refusals('electron/services/git/probe.ts', imports)).toEqual([])
    expect(await refusals('tests/fixtures/probe.ts', imports)).toEqual([])
  })

  it('hold for everything above the services too', async () => {
    expect(await refusals('electron/core/probe.ts', "export { x } from '../services/sessions/sessions-service.ts'\n")).toHaveLength(1)
    expect(await refusals('electron/core/probe.ts', "export { x } from '../services/sessions/index.ts'\n")).toEqual([])
  })

  it('keep views out of the stores, and Node and the main process out of the renderer and shared/', async () => {
    expect(await refusals('renderer/stores/probe.ts', "export { x } from '../views/coach/validate-mermaid.ts'\n")).toHaveLength(1)
    expect(await refusals('renderer/stores/probe.ts', "export { x } from './citations.ts'\n")).toEqual([])
    expect(await refusals('renderer/views/probe.ts', "export { readFile } from 'node:fs'\n")).toHaveLength(1)
    expect(await refusals('shared/probe.ts', "export { x } from '../electron/core/backend.ts'\n")).toHaveLength(1)
    expect(await refusals('electron/services/ai/probe.ts', "export { app } from 'electron'\n")).toHaveLength(1)
  })
})
