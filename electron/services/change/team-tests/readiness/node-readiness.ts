// Whether a Node project's tests can run here: Node, the package manager the project declares
// (`packageManager`, else its lockfile's), provided through corepack into Gemba's own tools folder when
// it is missing and corepack is here, and the dependencies installed (node_modules, or Yarn's
// Plug'n'Play files); the setup is the team's CI lines in order, else the lockfile's install. Runs nothing.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { MissingTool, SetupStep, TestReadiness } from '../../../../../shared/models/change.ts'
import { commandKind } from '../plan/command-kinds.ts'
import { nodeManager } from '../plan/team-test-plan.ts'
import { missingTool, onPath, programHere, programsOf } from './tools.ts'

export interface ReadinessProbe {
  readonly root: string
  readonly files: ReadonlySet<string>
  readonly command: string
  /** The team's setup lines for this command (CI's, in order), or none. */
  readonly setup: readonly string[]
  readonly env: NodeJS.ProcessEnv
  /** Gemba's own folder for tools it provides (corepack's shims); first on the PATH of every step and run. */
  readonly toolsFolder: string
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

const quote = (path: string) => (/^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`)

export async function nodeReadiness(probe: ReadinessProbe): Promise<TestReadiness> {
  const problems: string[] = []
  const checked: string[] = []
  const missing: MissingTool[] = []
  const steps: SetupStep[] = []
  let blocked: TestReadiness['blocked'] = null
  const manifest = await readFile(join(probe.root, 'package.json'), 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => null,
  )
  const manager = nodeManager(manifest, probe.files)
  const declared = typeof manifest?.packageManager === 'string' ? manifest.packageManager : manager
  const lockfile =
    ['pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock', 'package-lock.json', 'npm-shrinkwrap.json'].find((file) =>
      probe.files.has(file),
    ) ?? null
  const berry = manager === 'yarn' && probe.files.has('.yarnrc.yml')

  if (!(await onPath('node', probe.env))) {
    missing.push(missingTool('node'))
    blocked = { reason: 'tool_missing', sentence: 'Node.js is not installed.' }
  } else checked.push('node found')

  // The package manager: here, provided by corepack into Gemba's folder, or missing.
  if (manager !== 'npm' && !(await onPath(manager, probe.env))) {
    if (manager !== 'bun' && (await onPath('corepack', probe.env))) {
      problems.push(`${manager} is not installed; corepack, which comes with Node, provides ${declared}.`)
      steps.push({
        command: `corepack enable --install-directory ${quote(probe.toolsFolder)} ${manager}`,
        why: `Provides ${declared} for Gemba’s runs, in Gemba’s own folder (nothing else on your machine changes; \`corepack enable\` in your terminal does the same for you).`,
        done: false,
      })
      blocked ??= { reason: 'tool_missing', sentence: `${manager} is not installed yet: the first setup step provides it.` }
    } else {
      missing.push(missingTool(manager))
      blocked ??= { reason: 'tool_missing', sentence: `${manager} is not installed.` }
    }
  } else if (manager !== 'npm') checked.push(`${manager} found`)

  // Other programs the command names directly (npx vitest is the project's; a global tool is not).
  for (const program of programsOf(probe.command)) {
    if (['node', 'npm', 'npx', manager].includes(program) || (await programHere(program, probe.root, probe.env))) continue
    if (await exists(join(probe.root, 'node_modules', '.bin', program))) continue
    missing.push(missingTool(program))
    blocked ??= { reason: 'tool_missing', sentence: `${program} is not installed.` }
  }

  const dependencies =
    ['dependencies', 'devDependencies', 'optionalDependencies'].some(
      (key) => Object.keys((manifest?.[key] as object | undefined) ?? {}).length > 0,
    ) || Boolean(manifest?.workspaces)
  const installed =
    (await exists(join(probe.root, 'node_modules'))) ||
    (berry && ((await exists(join(probe.root, '.pnp.cjs'))) || (await exists(join(probe.root, '.pnp.js')))))
  const defaultInstall =
    manager === 'pnpm'
      ? 'pnpm install --frozen-lockfile'
      : manager === 'yarn'
        ? berry
          ? 'yarn install --immutable'
          : 'yarn install --frozen-lockfile'
        : manager === 'bun'
          ? 'bun install'
          : lockfile
            ? 'npm ci'
            : 'npm install'
  const teamLines = probe.setup.filter((line) => commandKind(line) !== 'tool' && /^(npm|pnpm|yarn|bun|npx)\b/.test(line))
  for (const line of probe.setup.filter((candidate) => commandKind(candidate) === 'tool' && !/^corepack\b/.test(candidate))) {
    const tool = /(?:-g|--global)\s+(@?[\w./-]+)/.exec(line)?.[1]?.replace(/@[^/]*$/, '')
    if (tool && !(await onPath(tool, probe.env))) missing.push({ tool, how: `\`${line}\`` })
  }
  const lines = teamLines.some((line) => commandKind(line) === 'install')
    ? teamLines
    : dependencies
      ? [defaultInstall, ...teamLines]
      : teamLines
  for (const line of lines) {
    const install = commandKind(line) === 'install'
    steps.push({
      command: line,
      why: install
        ? `Installs the dependencies with ${manager}${lockfile ? `, as ${lockfile} pins them` : ''}.`
        : 'The team’s CI runs this before the tests.',
      done: install ? installed : null,
    })
  }
  if (dependencies && !installed)
    problems.push(
      `The dependencies are not installed (no node_modules${berry ? ' and no Plug’n’Play files' : ''}); ${lockfile ? `${lockfile} pins them` : 'there is no lockfile'}.`,
    )
  else checked.push(dependencies ? `node_modules present (${manager}${lockfile ? `, ${lockfile}` : ''})` : 'no dependencies to install')
  return {
    ecosystem: 'node',
    ready: problems.length === 0 && missing.length === 0 && blocked === null,
    problems,
    checked,
    steps,
    missing,
    blocked,
    venv: null,
    pythonPath: null,
  }
}
