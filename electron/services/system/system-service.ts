// What the app is and where it keeps things, and cancelling a running call by its id.
import type { EventMap } from '../../../shared/api.ts'
import type { AppInfo, systemChannels } from '../../../shared/channels/system.ts'
import type { ServiceFor } from '../../../shared/contract.ts'

export interface SystemServiceDeps {
  readonly info: AppInfo
  /** The dispatcher's cancel, passed in so this service needs no reference to the transport. */
  readonly cancel: (callId: string) => boolean
}

export class SystemService implements ServiceFor<typeof systemChannels, EventMap> {
  private readonly deps: SystemServiceDeps

  constructor(deps: SystemServiceDeps) {
    this.deps = deps
  }

  async info(): Promise<AppInfo> {
    return this.deps.info
  }

  async cancel(input: { callId: string }): Promise<{ cancelled: boolean }> {
    return { cancelled: this.deps.cancel(input.callId) }
  }
}
