// Whether the team's tests can run here before the leader presses Run: the ecosystem the command
// belongs to (or the repository's, for `make test`), every tool it and its setup need (what is missing
// is named with how to get it; a command whose tool is missing is never offered as runnable), the
// dependencies installed, and the setup that gets there, in the order the team's CI runs it, which
// Gemba runs only when the leader presses it. Node and Python have their own modules (readiness/); the
// other ecosystems need their toolchain and, for PHP and Ruby, their installed packages.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { MissingTool, SetupStep, TestEcosystem, TestReadiness } from '../../../../shared/models/change.ts'
import { commandKind, commandParts, unwrapRunner } from './plan/command-kinds.ts'
import { commandEcosystem, manifestEcosystems } from './plan/ecosystems.ts'
import type { TeamTestPlan } from './plan/team-test-plan.ts'
import { nodeReadiness, type ReadinessProbe } from './readiness/node-readiness.ts'
import { pythonReadiness } from './readiness/python-readiness.ts'
import { missingTool, onPath, programHere, programsOf } from './readiness/tools.ts'

export interface ReadinessInput {
  readonly root: string
  readonly command: string
  /** The team's way (plan/team-test-plan.ts): its setup applies when the command is the team's. */
  readonly plan: TeamTestPlan | null
  readonly env: NodeJS.ProcessEnv
  readonly toolsFolder: string
}

export function ecosystemOf(command: string, rootFiles: ReadonlySet<string>): TestEcosystem | null {
  const own = commandEcosystem(command)
  if (own) return own
  // A task runner's target hides its command: the repository's manifests say what it runs.
  const part = unwrapRunner(commandParts(command).find((candidate) => !/^cd\s/.test(candidate)) ?? '')
  if (!/^(make|just)\b/.test(part)) return null
  return manifestEcosystems(rootFiles)[0] ?? null
}

export async function testReadiness(input: ReadinessInput): Promise<TestReadiness> {
  const files = new Set(await readdir(input.root).catch(() => [] as string[]))
  const ecosystem = ecosystemOf(input.command, files)
  const same = input.plan !== null && sameCommand(input.plan.command, input.command)
  const probe: ReadinessProbe = {
    root: input.root,
    files,
    command: input.command,
    setup: same ? input.plan!.setup : [],
    env: input.env,
    toolsFolder: input.toolsFolder,
  }
  const readiness =
    ecosystem === 'node'
      ? await nodeReadiness(probe)
      : ecosystem === 'python'
        ? await pythonReadiness(probe)
        : await toolchain(probe, ecosystem)
  return withTaskRunner(readiness, probe)
}

/** A task runner the command names (`make test`) must be here too, whatever the ecosystem. */
async function withTaskRunner(readiness: TestReadiness, probe: ReadinessProbe): Promise<TestReadiness> {
  const runners = programsOf(probe.command).filter((program) => program === 'make' || program === 'just')
  const absent: MissingTool[] = []
  for (const runner of runners)
    if (!(await onPath(runner, probe.env)) && !readiness.missing.some((tool) => tool.tool === runner)) absent.push(missingTool(runner))
  if (absent.length === 0) return readiness
  return {
    ...readiness,
    ready: false,
    missing: [...absent, ...readiness.missing],
    blocked: readiness.blocked ?? { reason: 'tool_missing', sentence: `${absent[0]!.tool} is not installed.` },
  }
}

function sameCommand(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ')
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/** What each ecosystem's tests need besides the command's own program, and its usual setup. */
const TOOLCHAINS: Readonly<Record<Exclude<TestEcosystem, 'node' | 'python'>, { tools: readonly string[]; setup: string | null }>> = {
  go: { tools: ['go'], setup: null },
  rust: { tools: ['cargo'], setup: null },
  java: { tools: ['java'], setup: null },
  dotnet: { tools: ['dotnet'], setup: 'dotnet restore' },
  ruby: { tools: ['ruby', 'bundle'], setup: 'bundle install' },
  php: { tools: ['php', 'composer'], setup: 'composer install' },
  elixir: { tools: ['mix'], setup: 'mix deps.get' },
}

/** Go, Rust, Java, .NET, Ruby, PHP, Elixir and anything Gemba does not know: the tools on the PATH, the team's setup lines. */
async function toolchain(probe: ReadinessProbe, ecosystem: TestEcosystem | null): Promise<TestReadiness> {
  const chain = ecosystem && ecosystem !== 'node' && ecosystem !== 'python' ? TOOLCHAINS[ecosystem] : null
  const problems: string[] = []
  const checked: string[] = []
  const missing: MissingTool[] = []
  const needed = [...new Set([...(chain?.tools ?? []), ...programsOf(probe.command)])]
  for (const tool of needed) {
    if (await programHere(tool, probe.root, probe.env)) checked.push(`${tool} found`)
    else if (tool.includes('/') && (await exists(join(probe.root, tool))))
      problems.push(`${tool} is in the repository but not executable; \`sh ${tool}\` runs it.`)
    else if (!tool.includes('/')) missing.push(missingTool(tool))
    else problems.push(`${tool} is not in the repository: the dependencies that provide it are not installed.`)
  }
  const lines = probe.setup.filter((line) => ['install', 'build'].includes(commandKind(line)))
  const vendor = ecosystem === 'php' ? await exists(join(probe.root, 'vendor')) : null
  const setup = lines.length > 0 ? lines : chain?.setup ? [chain.setup] : []
  const steps: SetupStep[] = setup.map((line) => ({
    command: line,
    why: lines.length > 0 ? 'The team’s CI runs this before the tests.' : 'Installs the packages the project pins.',
    done: ecosystem === 'php' && /^composer\s+install/.test(line) ? vendor : null,
  }))
  if (vendor === false) problems.push('The dependencies are not installed (no vendor/).')
  const blocked =
    missing.length > 0
      ? {
          reason: 'tool_missing' as const,
          sentence: `${missing.map((tool) => tool.tool).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed.`,
        }
      : null
  return {
    ecosystem,
    ready: problems.length === 0 && missing.length === 0,
    problems,
    checked: ecosystem ? checked : ['Gemba does not know this kind of project, so it checked only the command’s own program.', ...checked],
    // A step whose tool is missing is not offered.
    steps: missing.length > 0 ? [] : steps,
    missing,
    blocked,
    venv: null,
    pythonPath: null,
  }
}
