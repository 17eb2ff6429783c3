// How a file is read for secrets, decided by its name: code (only quoted literals are values),
// shell (NAME=value lines too), config (key = value, key: value, sections), a structured format
// parsed as such (YAML, JSON, XML, notebooks), or text; text with no file behind it reads as config. Pure.

export type FileKind = 'code' | 'shell' | 'config' | 'yaml' | 'json' | 'notebook' | 'xml' | 'text'

const CODE =
  /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|py|pyw|rb|rake|go|java|kt|kts|scala|sc|groovy|gradle|cs|fs|vb|c|cc|cpp|cxx|h|hh|hpp|hxx|rs|swift|php|phtml|m|mm|dart|lua|ex|exs|erl|clj|cljs|vue|svelte|pl|pm|r|jl|hs|ml|elm|cr|nim|zig|v|sol|tf\.json)$/i
const SHELL = /\.(sh|bash|zsh|fish|ksh|ps1|psm1|bat|cmd|mk|mak)$/i
const SHELL_NAMES =
  /^(dockerfile(\..*)?|containerfile|makefile|gnumakefile|justfile|procfile|vagrantfile|\.bashrc|\.zshrc|\.profile|\.bash_profile)$/i
const CONFIG =
  /\.(env|ini|cfg|conf|cnf|config|properties|props|toml|tf|tfvars|hcl|nomad|envrc|plist|desktop|service|editorconfig|npmrc|yarnrc|pypirc|gitconfig|netrc|pgpass|htpasswd|s3cfg|boto|cfg\.example)$/i
const CONFIG_NAMES =
  /^(\.?env(\..+)?|\.?netrc|_netrc|\.?npmrc|\.?pypirc|\.?gitconfig|\.?git-credentials|credentials|config|\.?pgpass|.*\.env\..+|gradle\.properties|local\.properties|my\.cnf)$/i

export function fileKind(path: string): FileKind {
  // Text with no file behind it (a question, test output, history, a log entry) is read as config:
  // `name: value` and `name=value` lines are taken at their word.
  if (path.startsWith('(')) return 'config'
  const name = (path.replaceAll('\\', '/').split('/').at(-1) ?? path).toLowerCase()
  if (name.endsWith('.ipynb')) return 'notebook'
  if (/\.(ya?ml)$/.test(name) || /^\.?(yamllint|clang-format)$/.test(name)) return 'yaml'
  if (/\.(json|jsonc|json5|webmanifest|har)$/.test(name) || /^\.(babelrc|eslintrc|prettierrc|dockercfg)$/.test(name)) return 'json'
  if (
    /\.(xml|config|csproj|vbproj|fsproj|props|targets|nuspec|pom|xsd|wsdl|xaml|resx|plist|jmx|xib|storyboard)$/.test(name) ||
    /^(pom\.xml|web\.config|app\.config|nuget\.config|settings\.xml)$/.test(name)
  )
    return 'xml'
  if (CODE.test(name)) return 'code'
  if (SHELL.test(name) || SHELL_NAMES.test(name)) return 'shell'
  if (CONFIG.test(name) || CONFIG_NAMES.test(name)) return 'config'
  return 'text'
}
