// The one API contract: every channel, listed once, by domain. A channel's flat name is
// `${domain}.${method}`; it is served by the method of the same name on that domain's service.
// ipc.ts, web.ts, the preload and the renderer's client are all derived from this list.
import { z } from 'zod'
import type { ChannelSpec, DomainChannels, InputOf, OutputOf, ServiceFor } from './contract.ts'
import { settingsChannels } from './channels/settings.ts'
import { systemChannels } from './channels/system.ts'
import { reposChannels } from './channels/repos.ts'
import { journalChannels } from './channels/journal.ts'
import { sessionsChannels } from './channels/sessions.ts'
import { calendarChannels } from './channels/calendar.ts'
import { aiChannels, aiEvents } from './channels/ai.ts'
import { changeChannels, changeEvents } from './channels/change.ts'

export const contract = {
  system: systemChannels,
  settings: settingsChannels,
  repos: reposChannels,
  journal: journalChannels,
  sessions: sessionsChannels,
  calendar: calendarChannels,
  ai: aiChannels,
  change: changeChannels,
} as const satisfies Record<string, DomainChannels>

/** Every event the main process may emit, with its payload schema. */
export const events = {
  'settings.changed': z.object({}),
  ...aiEvents,
  ...changeEvents,
  'sessions.changed': z.object({ sessionId: z.string().nullable() }),
  /** The weekly hour starts now (sent once per week, at the slot's start). */
  'calendar.reminder': z.object({ weekNumber: z.number(), theme: z.string(), startsAt: z.string() }),
  /** The leader asked, outside the page (notification, tray), to start this week's hour. */
  'calendar.startRequested': z.object({}),
  'journal.changed': z.object({
    reason: z.enum(['saved', 'edited', 'flushed', 'files']),
    fileNames: z.array(z.string()),
  }),
  'repos.scanProgress': z.object({
    callId: z.string(),
    repoId: z.string(),
    phase: z.enum(['files', 'manifests', 'parse', 'modules', 'history', 'rank', 'cache', 'done']),
    done: z.number(),
    total: z.number(),
  }),
} as const

export type Contract = typeof contract
export type Domain = keyof Contract
export type ChannelName = { [D in Domain]: `${D}.${keyof Contract[D] & string}` }[Domain]
export type EventName = keyof typeof events
export type EventMap = { [E in EventName]: z.infer<(typeof events)[E]> }

type SpecAt<N extends ChannelName> = N extends `${infer D}.${infer M}`
  ? D extends Domain
    ? M extends keyof Contract[D]
      ? Contract[D][M]
      : never
    : never
  : never

export type ChannelInput<N extends ChannelName> = InputOf<SpecAt<N>>
export type ChannelOutput<N extends ChannelName> = OutputOf<SpecAt<N>>

/** The services the main process must provide: one per domain, one method per channel. */
export type ServiceRegistry = { [D in Domain]: ServiceFor<Contract[D], EventMap> }

export interface ChannelEntry {
  readonly name: ChannelName
  readonly domain: Domain
  readonly method: string
  readonly spec: ChannelSpec
}

let flatList: readonly ChannelEntry[] | undefined
let byName: ReadonlyMap<string, ChannelEntry> | undefined

/** The contract as a flat list, in declaration order (built once: the contract never changes). */
export function listChannels(): readonly ChannelEntry[] {
  if (flatList) return flatList
  const entries: ChannelEntry[] = []
  for (const [domain, channels] of Object.entries(contract) as [Domain, DomainChannels][]) {
    for (const [method, spec] of Object.entries(channels)) {
      entries.push({ name: `${domain}.${method}` as ChannelName, domain, method, spec })
    }
  }
  flatList = entries
  return entries
}

export function findChannel(name: string): ChannelEntry | undefined {
  byName ??= new Map(listChannels().map((entry) => [entry.name, entry]))
  return byName.get(name)
}

/** The renderer's view of the API (window.gemba and the HTTP bridge both implement it). */
export interface GembaApi {
  invoke<N extends ChannelName>(
    name: N,
    input: ChannelInput<N>,
    options?: { signal?: AbortSignal; callId?: string },
  ): Promise<ChannelOutput<N>>
  subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void
}
