// No network, said within seconds instead of a tool retrying in silence: the package registry a setup
// step downloads from (npm's, PyPI, the Go proxy, crates.io, Maven Central, NuGet, RubyGems,
// Packagist, Hex — or the one the environment or the repository's config names) is asked first with
// one quick request; a step whose registry cannot be reached is not started, unless the tool has a
// local source to install from (pip's find-links or a file: index), in which case it runs without
// retrying the unreachable one. While a step runs, its output is watched for the network errors each
// tool prints; one followed by silence stops the step. Reads config files; the only request is the probe.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CouldNotRun } from '../../../../shared/models/change.ts'
import { commandParts, unwrapRunner } from './plan/command-kinds.ts'

/** How long a registry may take to answer the probe. */
export const PROBE_TIMEOUT_MS = 8_000
/** How long a step may stay silent after printing a network error before it is stopped. */
export const NETWORK_SILENCE_MS = 15_000

export type RegistryAnswer = { readonly reachable: true } | { readonly reachable: false; readonly why: string }
/** Asks a registry whether it can be reached (any HTTP answer means yes). */
export type RegistryProbe = (url: string, signal: AbortSignal) => Promise<RegistryAnswer>

export const probeRegistry: RegistryProbe = async (url, signal) => {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]) })
    await response.body?.cancel()
    return { reachable: true }
  } catch (error) {
    if (signal.aborted) throw error
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const name = (error as Error).name
    const why =
      name === 'TimeoutError'
        ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s`
        : (cause?.code ?? cause?.message ?? (error as Error).message)
    return { reachable: false, why }
  }
}

export interface Registry {
  readonly url: string
  /** The tool can also install from a source on this machine (pip's find-links, a file: index). */
  readonly localSources: boolean
  /** The environment that makes the tool skip the unreachable registry at once instead of retrying it. */
  readonly failFast: Readonly<Record<string, string>>
}

/** The registry a setup step downloads from, or null when Gemba cannot tell (a Makefile target). */
export async function registryOf(command: string, root: string, env: NodeJS.ProcessEnv): Promise<Registry | null> {
  const parts = commandParts(command).map(unwrapRunner)
  const is = (pattern: RegExp) => parts.some((part) => pattern.test(part))
  const plain = (url: string): Registry => ({ url, localSources: false, failFast: {} })
  if (is(/^(npm|pnpm|yarn|bun|npx|corepack)\b/)) return plain(await npmRegistry(root, env))
  if (is(/^(?:\S*python3?\S*\s+-m\s+)?pip3?\s+install\b|^uv\s+(sync|pip)\b|^(poetry|pipenv|pdm)\s+install\b/)) {
    const local = await pipLocalSources(env)
    return {
      url: env.PIP_INDEX_URL ?? env.UV_INDEX_URL ?? env.UV_DEFAULT_INDEX ?? 'https://pypi.org/simple/',
      localSources: local,
      failFast: local ? { PIP_RETRIES: '0', PIP_TIMEOUT: '10', PIP_DEFAULT_TIMEOUT: '10' } : {},
    }
  }
  if (is(/^go\s+mod\s+download\b/)) {
    const proxy = (env.GOPROXY ?? 'https://proxy.golang.org').split(/[,|]/)[0]!
    return /^https?:/.test(proxy) ? plain(proxy) : null
  }
  if (is(/^cargo\s+(fetch|build|test)\b/)) return plain('https://index.crates.io/config.json')
  if (is(/^dotnet\s+restore\b/)) return plain('https://api.nuget.org/v3/index.json')
  if (is(/^bundle(\s+install)?\b/)) return plain('https://rubygems.org/')
  if (is(/^composer\s+(install|update)\b/)) return plain('https://repo.packagist.org/packages.json')
  if (is(/^mix\s+deps\.get\b/)) return plain('https://repo.hex.pm/')
  return null
}

async function npmRegistry(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  const fromEnv = env.npm_config_registry ?? env.NPM_CONFIG_REGISTRY
  if (fromEnv) return fromEnv
  for (const file of [join(root, '.npmrc'), ...(env.HOME ? [join(env.HOME, '.npmrc')] : [])]) {
    const line = /^\s*registry\s*=\s*(\S+)\s*$/m.exec(await readFile(file, 'utf8').catch(() => ''))?.[1]
    if (line) return line
  }
  const berry = /^\s*npmRegistryServer:\s*["']?([^"'\s]+)/m.exec(await readFile(join(root, '.yarnrc.yml'), 'utf8').catch(() => ''))?.[1]
  return berry ?? 'https://registry.npmjs.org/'
}

/** Whether pip is configured with a source on this machine (its environment or its config files). */
async function pipLocalSources(env: NodeJS.ProcessEnv): Promise<boolean> {
  const local = (value: string | undefined) => Boolean(value && /(^|\s)(file:|\/)/.test(value))
  if (local(env.PIP_FIND_LINKS) || local(env.PIP_EXTRA_INDEX_URL) || local(env.PIP_INDEX_URL)) return true
  const files = [
    env.PIP_CONFIG_FILE,
    '/etc/pip.conf',
    '/etc/xdg/pip/pip.conf',
    env.HOME ? join(env.HOME, '.config', 'pip', 'pip.conf') : undefined,
    env.HOME ? join(env.HOME, '.pip', 'pip.conf') : undefined,
  ].filter((file): file is string => Boolean(file))
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '')
    if (/^\s*(find-links|extra-index-url|index-url)\s*=\s*(file:|\/)/m.test(text)) return true
  }
  return false
}

const NETWORK_ERRORS: readonly RegExp[] = [
  /getaddrinfo\s+(?:ENOTFOUND|EAI_AGAIN)\s*([\w.-]+)?/,
  /\b(?:ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)\b/,
  /Temporary failure in name resolution/,
  /Name or service not known/,
  /nodename nor servname provided/,
  /Could not resolve host:?\s*([\w.-]+)?/i,
  /UnknownHostException:?\s*([\w.-]+)?/,
  /dial tcp: lookup ([\w.-]+)/,
  /[Nn]etwork is unreachable/,
  /Failed to establish a new connection/,
  /No such host is known/,
  /Could not fetch specs from (\S+)/,
  /spurious network error/,
  /curl error 6 while downloading/,
  /Unable to load the service index for source (\S+)/,
]

/** The first line of the output that says the network could not be reached, and the host it names. */
export function networkError(output: string): { line: string; host: string | null } | null {
  for (const line of output.split(/\r?\n/)) {
    if (!NETWORK_ERRORS.some((pattern) => pattern.test(line))) continue
    const host =
      /https?:\/\/([^/\s'"`:)]+)/.exec(line)?.[1] ??
      /(?:host|lookup|ENOTFOUND|EAI_AGAIN|resolve host:?|UnknownHostException:?)\s+['"]?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i.exec(line)?.[1] ??
      null
    return { line: line.trim().slice(0, 300), host }
  }
  return null
}

export function noNetwork(host: string | null, why: string, what: string): CouldNotRun {
  return { reason: 'no_network', sentence: `No network: ${host ?? 'the package registry'} could not be reached (${why}), so ${what}.` }
}

/**
 * Watches a running step's output: a network error followed by `silenceMs` without output (a tool
 * retrying quietly) stops it through `stop`, with the sentence to say. `dispose` ends the watch.
 */
export function watchForNoNetwork(what: string, stop: (why: CouldNotRun) => void, silenceMs = NETWORK_SILENCE_MS) {
  let seen: { line: string; host: string | null } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let buffer = ''
  return {
    take(text: string): void {
      clearTimeout(timer)
      buffer = (buffer + text).slice(-4_000)
      seen ??= networkError(buffer)
      if (seen) {
        const found = seen
        timer = setTimeout(() => stop(noNetwork(found.host, found.line, what)), silenceMs)
      }
    },
    dispose(): void {
      clearTimeout(timer)
    },
  }
}
