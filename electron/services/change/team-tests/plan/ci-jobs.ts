// The team's CI jobs as ordered steps: GitHub Actions workflows (`.github/workflows/*.yml`, with the
// repository's own composite actions followed one level) and GitLab CI (`.gitlab-ci.yml`, its
// `before_script` and `extends` followed). Each step is an action a job uses or one shell command line
// it runs, in the order CI runs them; a matrix value is taken from the job's first combination. Reads
// at most a few small files; never runs anything.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'

const MAX_FILES = 24
const MAX_BYTES = 256 * 1024

export type CiStep =
  | { readonly kind: 'uses'; readonly action: string; readonly with: Readonly<Record<string, string>> }
  | { readonly kind: 'run'; readonly command: string }

export interface CiJob {
  /** Where it is defined, and the job's name there: ".github/workflows/ci.yml", "test". */
  readonly file: string
  readonly name: string
  /** False when every runner the job names is Windows or macOS. */
  readonly linux: boolean
  readonly steps: readonly CiStep[]
}

type Node = Record<string, unknown>
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value)

async function readSmall(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile() || info.size > MAX_BYTES) return null
  return readFile(path, 'utf8').catch(() => null)
}

function parseYaml(text: string | null): Node | null {
  if (text === null) return null
  try {
    const value: unknown = parse(text, { maxAliasCount: 100, uniqueKeys: false })
    return isNode(value) ? value : null
  } catch {
    return null
  }
}

export async function readCiJobs(root: string): Promise<CiJob[]> {
  return [...(await githubJobs(root)), ...(await gitlabJobs(root))]
}

async function githubJobs(root: string): Promise<CiJob[]> {
  const folder = join(root, '.github', 'workflows')
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort()
  const jobs: CiJob[] = []
  for (const name of names.slice(0, MAX_FILES)) {
    const workflow = parseYaml(await readSmall(join(folder, name)))
    if (!workflow || !isNode(workflow.jobs)) continue
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (!isNode(job)) continue
      const rawMatrix = isNode(job.strategy) ? job.strategy.matrix : undefined
      const linux = linuxCombination(job['runs-on'], rawMatrix)
      if (!linux) {
        jobs.push({ file: `.github/workflows/${name}`, name: id, linux: false, steps: [] })
        continue
      }
      const variables = { ...envOf(workflow.env, linux), ...envOf(job.env, linux) }
      const defaults = isNode(job.defaults) && isNode(job.defaults.run) ? job.defaults.run : {}
      const folder = typeof defaults['working-directory'] === 'string' ? defaults['working-directory'] : null
      const steps: CiStep[] = []
      for (const step of Array.isArray(job.steps) ? job.steps : []) steps.push(...(await githubStep(root, step, linux, 0, folder)))
      jobs.push({ file: `.github/workflows/${name}`, name: id, linux: true, steps: steps.map((step) => withVariables(step, variables)) })
    }
  }
  return jobs
}

async function githubStep(
  root: string,
  step: unknown,
  matrix: Readonly<Record<string, string>>,
  depth: number,
  jobFolder: string | null,
): Promise<CiStep[]> {
  if (!isNode(step)) return []
  // A step only a Windows or macOS runner takes is not the Linux job's.
  if (typeof step.if === 'string' && /==\s*'[^']*(windows|macos)/i.test(step.if)) return []
  if (typeof step.run === 'string') {
    const folder = typeof step['working-directory'] === 'string' ? resolve(step['working-directory'], matrix) : jobFolder
    const inFolder = folder && folder !== '.' && folder !== './' ? `cd ${folder} && ` : ''
    return commandLines(step.run, matrix).map((command) => ({ kind: 'run', command: `${inFolder}${command}` }))
  }
  if (typeof step.uses !== 'string') return []
  const action = step.uses.split('@')[0]!.trim()
  const inputs = Object.fromEntries(
    Object.entries(isNode(step.with) ? step.with : {}).map(([key, value]) => [key, resolve(String(value), matrix) ?? '']),
  )
  // The repository's own composite action: its steps, one level down.
  if (action.startsWith('./') && depth === 0) {
    const folder = join(root, action)
    const definition = parseYaml((await readSmall(join(folder, 'action.yml'))) ?? (await readSmall(join(folder, 'action.yaml'))))
    const runs = definition && isNode(definition.runs) ? definition.runs : null
    if (runs && Array.isArray(runs.steps)) {
      const out: CiStep[] = []
      for (const inner of runs.steps) out.push(...(await githubStep(root, inner, matrix, depth + 1, jobFolder)))
      return out
    }
  }
  return [{ kind: 'uses', action, with: inputs }]
}

const GITLAB_RESERVED = new Set([
  'stages',
  'variables',
  'default',
  'include',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
  'workflow',
  'pages',
])

async function gitlabJobs(root: string): Promise<CiJob[]> {
  const config = parseYaml(await readSmall(join(root, '.gitlab-ci.yml')))
  if (!config) return []
  const defaults = isNode(config.default) ? config.default : config
  const jobs: CiJob[] = []
  for (const [name, value] of Object.entries(config)) {
    if (GITLAB_RESERVED.has(name) || name.startsWith('.') || !isNode(value)) continue
    const job = extended(config, value)
    if (!Array.isArray(job.script) && typeof job.script !== 'string') continue
    const before = job.before_script ?? defaults.before_script
    const lines = [...scriptLines(before), ...scriptLines(job.script)]
    const matrix = firstCombination(isNode(job.parallel) ? job.parallel.matrix : undefined)
    const image = typeof job.image === 'string' ? job.image : ''
    jobs.push({
      file: '.gitlab-ci.yml',
      name,
      linux: !/windows|macos/i.test(image + JSON.stringify(job.tags ?? '')),
      steps: lines.flatMap((line) => commandLines(line, matrix)).map((command) => ({ kind: 'run', command })),
    })
  }
  return jobs
}

/** A GitLab job with the templates it `extends` merged under it (one level). */
function extended(config: Node, job: Node): Node {
  const parents = (Array.isArray(job.extends) ? job.extends : [job.extends]).filter((name): name is string => typeof name === 'string')
  return Object.assign({}, ...parents.map((name) => (isNode(config[name]) ? config[name] : {})), job) as Node
}

function scriptLines(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.flatMap((item) => (typeof item === 'string' ? [item] : scriptLines(item))) : []
}

/** A workflow's or job's `env:` values that are plain text once the matrix is filled in. */
function envOf(value: unknown, matrix: Readonly<Record<string, string>>): Record<string, string> {
  if (!isNode(value)) return {}
  const out: Record<string, string> = {}
  for (const [name, text] of Object.entries(value)) {
    const resolved = typeof text === 'string' || typeof text === 'number' ? resolve(String(text), matrix) : null
    if (resolved !== null) out[name] = resolved
  }
  return out
}

/** `$NAME` and `${NAME}` in a command filled in from the job's environment where it sets them. */
function withVariables(step: CiStep, variables: Readonly<Record<string, string>>): CiStep {
  if (step.kind !== 'run') return step
  const command = step.command.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (text, name: string) => variables[name] ?? text)
  return { kind: 'run', command }
}

/** The first combination of a matrix: each key's first value, `include` entries' values where the key has none. */
function firstCombination(matrix: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  const entries = Array.isArray(matrix) ? matrix : [matrix]
  for (const entry of entries) {
    if (!isNode(entry)) continue
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'include' || key === 'exclude') continue
      const first: unknown = Array.isArray(value) ? value[0] : value
      if (!(key in out) && (typeof first === 'string' || typeof first === 'number')) out[key] = String(first)
    }
    const include: unknown[] = Array.isArray(entry.include) ? (entry.include as unknown[]) : []
    const firstInclude = include[0]
    if (isNode(firstInclude))
      for (const [key, value] of Object.entries(firstInclude))
        if (!(key in out) && (typeof value === 'string' || typeof value === 'number')) out[key] = String(value)
  }
  return out
}

/**
 * The matrix combination a Linux runner takes (each key's first value, the runner's key at its first
 * Linux value), or null when every runner the job names is Windows or macOS.
 */
function linuxCombination(runsOn: unknown, matrix: unknown): Record<string, string> | null {
  const first = firstCombination(matrix)
  const label = (Array.isArray(runsOn) ? runsOn : [runsOn]).map((item) => String(item ?? '')).join(' ')
  const key = /\$\{\{\s*matrix\.([\w-]+)/.exec(label)?.[1]
  if (key && isNode(matrix)) {
    const values = [
      ...(Array.isArray(matrix[key]) ? (matrix[key] as unknown[]) : []),
      ...(Array.isArray(matrix.include) ? (matrix.include as unknown[]).map((entry) => (isNode(entry) ? entry[key] : undefined)) : []),
    ].map((value) => String(value ?? ''))
    const linux = values.find((value) => value !== '' && !/windows|macos/i.test(value))
    if (linux !== undefined) return { ...first, [key]: linux }
    if (values.some((value) => value !== '')) return null
  }
  const resolved = resolve(label, first) ?? label
  return /windows|macos/i.test(resolved) && !/ubuntu|linux/i.test(resolved) ? null : first
}

/** `${{ matrix.x }}` and `${{ matrix.x || 'y' }}` from the matrix; null while any other expression remains. */
function resolve(text: string, matrix: Readonly<Record<string, string>>): string | null {
  const out = text.replace(/\$\{\{\s*matrix\.([\w-]+)(?:\s*\|\|\s*'([^']*)')?\s*\}\}/g, (_, key: string, fallback?: string) =>
    matrix[key] !== undefined && matrix[key] !== '' ? matrix[key] : (fallback ?? ''),
  )
  return out.includes('${{') ? null : out
}

/** A run block's command lines: continuations joined, comments and blank lines dropped, matrix values filled in. */
function commandLines(block: string, matrix: Readonly<Record<string, string>>): string[] {
  const lines: string[] = []
  let current = ''
  for (const raw of block.split(/\r?\n/)) {
    const line = raw.trim()
    if (!current && (line === '' || line.startsWith('#'))) continue
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `
      continue
    }
    lines.push((current + line).trim())
    current = ''
  }
  if (current.trim()) lines.push(current.trim())
  return lines.flatMap((line) => {
    const resolved = resolve(line, matrix)
    return resolved === null ? [] : [resolved.replace(/\s+/g, ' ').trim()]
  })
}
