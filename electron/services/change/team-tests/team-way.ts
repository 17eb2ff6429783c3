// The team's way to test, as it can run here: the plan read from the repository (plan/team-test-plan.ts)
// with what this machine changes about it said in `from`. A runner that builds its own environments from
// the network (tox, nox, `hatch test`) is replaced by what its test environment runs, in the repository's
// virtualenv; a project runner that is not installed (`uv run`, `poetry run`) by the command it wraps,
// in that virtualenv too. Reads files and the PATH; runs nothing.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { commandParts, unwrapRunner } from './plan/command-kinds.ts'
import { readPythonProject } from './plan/python-project.ts'
import { buildsOwnEnvironment, teamTestPlans, type TeamTestPlan } from './plan/team-test-plan.ts'
import { onPath, programHere, programsOf } from './readiness/tools.ts'

/** The team's likeliest way whose programs are all here (else its likeliest), as it runs here. */
export async function teamWay(root: string, env: NodeJS.ProcessEnv): Promise<TeamTestPlan | null> {
  const plans = await teamTestPlans(root)
  let plan = plans[0] ?? null
  for (const candidate of plans.slice(0, 8)) {
    const programs = programsOf(candidate.command).filter(
      (program) => !/^(uv|poetry|pipenv|pdm|hatch|rye|tox|nox|pytest|coverage)$/.test(program),
    )
    const folders = commandParts(candidate.command).flatMap((part) => /^cd\s+(\S+)$/.exec(part)?.[1] ?? [])
    const here = await Promise.all([
      ...programs.map((program) => programHere(program, root, env)),
      ...folders.map((folder) => isFolder(join(root, folder))),
    ])
    if (here.every(Boolean)) {
      plan = candidate
      break
    }
  }
  if (!plan) return null
  if (buildsOwnEnvironment(plan.command)) {
    const tox = (await readPythonProject(root)).tox
    const command = tox?.commands.find((line) => /\b(pytest|py\.test|unittest|manage\.py\s+test)\b/.test(line)) ?? 'pytest'
    return {
      ...plan,
      command,
      from: `${plan.from}, which runs \`${plan.command}\`: Gemba runs its test environment’s \`${command}\` in the repository’s virtualenv`,
    }
  }
  const part = commandParts(plan.command).find((candidate) => /^(uv|poetry|pipenv|pdm|hatch|rye)\s+run\s/.test(candidate))
  if (part) {
    const tool = part.split(/\s+/)[0]!
    if (!(await onPath(tool, env))) {
      const command = plan.command.replace(part, unwrapRunner(part))
      return {
        ...plan,
        command,
        from: `${plan.from}, which runs \`${plan.command}\`; ${tool} is not installed here, so Gemba runs \`${command}\` in the repository’s virtualenv`,
      }
    }
  }
  return plan
}

const isFolder = (path: string) =>
  stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  )
