// Which ecosystem a test command or a repository's manifest belongs to: one table each, read by the
// team's-way planner and by the readiness check alike. Pure.
import type { TestEcosystem } from '../../../../../shared/models/change.ts'
import { commandParts, unwrapRunner } from './command-kinds.ts'

const COMMAND_ECOSYSTEM: readonly [RegExp, TestEcosystem][] = [
  [/^(npm|npx|pnpm|yarn|bun|node|vitest|jest|mocha|ava|tap)\b/, 'node'],
  [/^(pytest|py\.test|python3?|tox|nox|uv|poetry|pipenv|hatch|coverage)\b/, 'python'],
  [/^(go|gotestsum)\b/, 'go'],
  [/^cargo\b/, 'rust'],
  [/^(mvn|\.\/mvnw|gradle|\.\/gradlew)\b/, 'java'],
  [/^dotnet\b/, 'dotnet'],
  [/^(bundle|rspec|rake|rails|ruby)\b/, 'ruby'],
  [/^(composer|phpunit|php|vendor\/bin\/)/, 'php'],
  [/^mix\b/, 'elixir'],
]

/**
 * A root file's ecosystem. In order of what a task runner (`make test`) most likely runs when several
 * are there: a compiled toolchain's build before the scripting languages' manifests, which also sit
 * beside them for tooling (a package.json for linting a Go project).
 */
const MANIFEST_ECOSYSTEM: readonly [RegExp, TestEcosystem][] = [
  [/^go\.mod$/, 'go'],
  [/^Cargo\.toml$/, 'rust'],
  [/^(pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?)$/, 'java'],
  [/\.(sln|slnx|csproj|fsproj)$/, 'dotnet'],
  [/^Gemfile$/, 'ruby'],
  [/^composer\.json$/, 'php'],
  [/^mix\.exs$/, 'elixir'],
  [/^(pyproject\.toml|setup\.py|setup\.cfg|requirements[\w.-]*\.txt|Pipfile|tox\.ini)$/, 'python'],
  [/^package\.json$/, 'node'],
]

/** The ecosystem of a command line's program (past `cd …` and runners such as `uv run`), or null. */
export function commandEcosystem(command: string): TestEcosystem | null {
  const part = unwrapRunner(commandParts(command).find((candidate) => !/^cd\s/.test(candidate)) ?? '')
  return COMMAND_ECOSYSTEM.find(([pattern]) => pattern.test(part))?.[1] ?? null
}

/** The ecosystems whose manifests are among these root files, most likely first (see MANIFEST_ECOSYSTEM). */
export function manifestEcosystems(rootFiles: ReadonlySet<string>): TestEcosystem[] {
  return MANIFEST_ECOSYSTEM.filter(([pattern]) => [...rootFiles].some((file) => pattern.test(file))).map(([, ecosystem]) => ecosystem)
}
