// The tools a command needs and whether they are here: each command's own program (its first word,
// after `cd` and environment assignments), found on the PATH the tests run with or as a file in the
// repository (`./mvnw`, `vendor/bin/phpunit`), and how to get one that is missing. Runs nothing.
import { access } from 'node:fs/promises'
import { constants } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'
import type { MissingTool } from '../../../../../shared/models/change.ts'
import { commandParts } from '../plan/command-kinds.ts'

const executable = (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  )

/** An executable of that name on the PATH the tests run with (no process is started). */
export async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : ['']
  for (const folder of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const path = join(folder, `${name}${extension}`)
      if (await executable(path)) return path
    }
  }
  return null
}

/** How to get each tool Gemba knows; a sentence that reads after "… is not installed:". */
const HOW: Readonly<Record<string, string>> = {
  node: 'install Node.js from nodejs.org',
  npm: 'it comes with Node.js (nodejs.org)',
  npx: 'it comes with Node.js (nodejs.org)',
  corepack: 'it comes with Node.js up to version 24 (`npm install -g corepack` after that)',
  pnpm: '`npm install -g pnpm`, or Node’s corepack: `corepack enable`',
  yarn: '`npm install -g yarn`, or Node’s corepack: `corepack enable`',
  bun: 'see bun.sh',
  python3: 'install Python 3 from python.org or your system’s packages',
  python: 'install Python 3 from python.org or your system’s packages',
  uv: '`pip install uv`, or see docs.astral.sh/uv',
  poetry: '`pipx install poetry`, or see python-poetry.org',
  pipenv: '`pip install pipenv`',
  tox: '`pip install tox`',
  nox: '`pip install nox`',
  go: 'install Go from go.dev/dl',
  cargo: 'install Rust with rustup (rustup.rs)',
  java: 'install a JDK (17 or newer, e.g. Temurin from adoptium.net)',
  mvn: 'install Maven (maven.apache.org), or add the Maven wrapper to the repository',
  gradle: 'install Gradle (gradle.org), or use the repository’s wrapper',
  dotnet: 'install the .NET SDK from dot.net',
  ruby: 'install Ruby (ruby-lang.org; rbenv or asdf keep versions apart)',
  bundle: 'it comes with Ruby (`gem install bundler` for an older Ruby)',
  rake: 'it comes with Ruby',
  php: 'install PHP (php.net or your system’s packages)',
  composer: 'install Composer from getcomposer.org',
  make: 'install make (build-essential on Debian and Ubuntu, the Xcode command line tools on macOS)',
  just: 'see just.systems',
  mix: 'install Elixir from elixir-lang.org',
  swift: 'install Swift from swift.org',
  cmake: 'install CMake from cmake.org',
  ctest: 'it comes with CMake (cmake.org)',
  'cargo-nextest': '`cargo install cargo-nextest --locked`, or see nexte.st',
  'cargo-hack': '`cargo install cargo-hack --locked`',
}

export function howToGet(tool: string): string {
  return HOW[tool] ?? `install ${tool}`
}

export function missingTool(tool: string): MissingTool {
  return { tool, how: howToGet(tool) }
}

/** The shell's own commands (POSIX builtins and bash's common ones): never a tool to look for on the PATH. */
const SHELL_BUILTINS = new Set(
  (
    'cd export set source . : echo printf test [ true false exit unset wait read shift trap eval command type alias ' +
    'umask ulimit pwd kill jobs getopts local return readonly times hash declare let'
  ).split(' '),
)

/** The programs a command line runs (each part's first word), in order, without shell builtins. */
export function programsOf(command: string): string[] {
  return commandParts(command)
    .map((part) => {
      // A subshell or group's opening `(` / `{` is the shell's, not part of the program's name.
      const [program = '', sub] = part.replace(/^[({]\s*/, '').split(/\s+/)
      // A cargo subcommand Cargo does not have is a program of its own (`cargo nextest` is cargo-nextest).
      return program === 'cargo' && sub && !CARGO_OWN.has(sub) && !sub.startsWith('-') && !sub.startsWith('+') ? `cargo-${sub}` : program
    })
    .filter((word) => word !== '' && !SHELL_BUILTINS.has(word) && !/^[)}]+;?$/.test(word))
}

const CARGO_OWN = new Set([
  'build',
  'b',
  'check',
  'c',
  'test',
  't',
  'run',
  'r',
  'bench',
  'doc',
  'fetch',
  'clean',
  'update',
  'fmt',
  'clippy',
  'metadata',
])

/** Whether a program a command names is here: on the PATH, or a file of the repository (`./mvnw`). */
export async function programHere(program: string, root: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (program.includes('/')) return executable(isAbsolute(program) ? program : join(root, program))
  return (await onPath(program, env)) !== null
}
