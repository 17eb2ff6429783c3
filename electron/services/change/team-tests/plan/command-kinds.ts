// What one shell command line of a team's CI or scripts does, for the tests: runs them, installs the
// project's dependencies, builds what the tests import, provides a tool, or something else (lint,
// upload, a package from the system's package manager). By the common commands of each ecosystem; a
// line is read part by part (`cd x && npm ci`), after environment assignments and `sudo`. Pure.

export type CommandKind = 'test' | 'install' | 'build' | 'tool' | 'other'

const TEST: readonly RegExp[] = [
  /^(npm|pnpm|yarn|bun)\s+(?:(?:-r|--recursive|-w|--workspaces?|workspaces\s+foreach(?:\s+-\S+)*)\s+)?(?:run(?:-script)?\s+)?(?:test[\w:-]*|t)(?:\s|$)/,
  /^(?:npx\s+(?:--yes\s+)?)?(vitest|jest|mocha|ava)(?:\s+run)?(?:\s|$)/,
  /^node\s+--test\b/,
  /^(?:python3?(?:\.\d+)?\s+-m\s+)?(pytest|py\.test)\b/,
  /^python3?(?:\.\d+)?\s+-m\s+unittest\b/,
  /^python3?(?:\.\d+)?\s+(?:\S+\/)?manage\.py\s+test\b/,
  /^coverage\s+run\b.*(?:-m\s+(?:pytest|unittest)|manage\.py\s+test)\b/,
  /^(tox|nox)(?:\s|$)/,
  /^hatch\s+(?:test|run\s+\S*test)\b/,
  /^go\s+test\b/,
  /^gotestsum\b/,
  /^cargo\s+(?:test|nextest\s+run)\b(?!.*\s--no-run\b)/,
  /^(?:\.\/mvnw|mvn)\b(?!.*-DskipTests\b)(?!.*-Dmaven\.test\.skip).*\s(?:test|verify|install|package)\b/,
  /^(?:\.\/gradlew|gradle)\b(?!.*\s-x\s+test\b).*\s(?:test|check|build|allTests)\b/,
  /^dotnet\s+test\b/,
  /^(?:bundle\s+exec\s+)?(?:rake(?:\s+(?:test|spec|default|ci)\S*)?|rspec\b.*)$/,
  /^(?:php\s+)?(?:vendor\/bin|bin)\/(?:phpunit|pest|simple-phpunit)\b/,
  /^composer\s+(?:run(?:-script)?\s+)?test\b/,
  /^(?:make|just)\s+(?:-\S+\s+)*(?:\S*test\S*|check)(?:\s|$)/,
  /^mix\s+test\b/,
  /^ctest\b/,
  /^swift\s+test\b/,
  /^sbt\b.*\btest\b/,
]

const INSTALL: readonly RegExp[] = [
  /^npm\s+(?:ci|clean-install|install|i)(?!.*\s(?:-g|--global)\b)(?:\s|$)/,
  /^pnpm\s+(?:install|i)(?!.*\s(?:-g|--global)\b)(?:\s|$)/,
  /^yarn(?:\s+install)?(?:\s+--\S+)*$/,
  /^bun\s+(?:install|i)(?:\s|$)/,
  /^(?:python3?(?:\.\d+)?\s+-m\s+)?pip3?\s+install\b/,
  /^uv\s+(?:sync|pip\s+install)\b/,
  /^(?:poetry|pipenv|pdm)\s+install\b/,
  /^go\s+mod\s+download\b/,
  /^cargo\s+fetch\b/,
  /^bundle(?:\s+install)?(?:\s+--\S+)*$/,
  /^composer\s+(?:install|update)\b/,
  /^dotnet\s+restore\b/,
  /^mix\s+deps\.get\b/,
  /^(?:make|just)\s+(?:install|deps|dev|setup|venv|bootstrap|init)[\w-]*$/,
]

const BUILD: readonly RegExp[] = [/^(npm|pnpm|yarn|bun)\s+(?:run\s+)?build(?::[\w:-]+)?(?:\s|$)/, /^make(?:\s+build)?$/]

const TOOL: readonly RegExp[] = [
  /^corepack\s+(?:enable|prepare)\b/,
  /^npm\s+(?:install|i)\s+(?:-g|--global)\b/,
  /^(?:python3?(?:\.\d+)?\s+-m\s+)?pip3?\s+install\s+(?:-U\s+|--upgrade\s+)?(?:pip|setuptools|wheel|tox|nox|uv|poetry|pipenv|hatch)(?:[<>=~!][^\s]*)?(?:\s+(?:pip|setuptools|wheel|tox|nox|uv|poetry|pipenv|hatch)(?:[<>=~!][^\s]*)?)*$/,
]

/** The parts of a command line joined by `&&` or `;`, each without its environment assignments or `sudo`. */
export function commandParts(line: string): string[] {
  return line
    .split(/\s*(?:&&|;)\s*/)
    .map((part) =>
      part
        .trim()
        .replace(/^(?:(?:sudo|time|env)\s+|[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|"[^"]*"|\S*)\s+)+/, '')
        .replace(/^(?:-E\s+)/, ''),
    )
    .filter(Boolean)
}

export function commandKind(line: string): CommandKind {
  const parts = commandParts(line).map(unwrapRunner)
  const has = (patterns: readonly RegExp[]) => parts.some((part) => patterns.some((pattern) => pattern.test(part)))
  if (has(TEST)) return 'test'
  if (has(TOOL)) return 'tool'
  if (has(INSTALL)) return 'install'
  if (has(BUILD)) return 'build'
  return 'other'
}

/** `uv run --group dev pytest -x` → `pytest -x`: what a project runner runs. */
export function unwrapRunner(part: string): string {
  if (!/^(?:uv|poetry|pipenv|pdm|rye|hatch)\s+run\s/.test(part)) return part
  // Flags with a value (`--group dev`) take the next word; the first word that is no flag's value is the command.
  const words = part.split(/\s+/).slice(2)
  let index = 0
  while (index < words.length && words[index]!.startsWith('-')) {
    const flag = words[index]!
    index += flag.includes('=') || !VALUE_FLAGS.has(flag) ? 1 : 2
  }
  return words.slice(index).join(' ') || part
}

const VALUE_FLAGS = new Set([
  '--group',
  '--extra',
  '--with',
  '--python',
  '-p',
  '--package',
  '--directory',
  '--project',
  '--env-file',
  '--only-group',
  '--no-group',
  '-e',
  '--env',
])
