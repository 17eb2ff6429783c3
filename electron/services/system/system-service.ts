// What the app is and where it keeps things, and cancelling a running call by its id.
import type { EventMap } from '../../../shared/api.ts'
import type { AppInfo, systemChannels } from '../../../shared/channels/system.ts'
import type { ServiceFor } from '../../../shared/contract.ts'

export interface SystemServiceDeps {
  readonly info: AppInfo
  /** The dispatcher's cancel, passed in so this service needs no reference to the transport. */
  readonly cancel: (callId: string) => boolean
  /** The desktop's folder picker; absent in browser mode, where a path field is used instead. */
  readonly pickFolder?: ((title: string) => Promise<string | null>) | undefined
}

export class SystemService implements ServiceFor<typeof systemChannels, EventMap> {
  private readonly deps: SystemServiceDeps

  constructor(deps: SystemServiceDeps) {
    this.deps = deps
  }

  async info(): Promise<AppInfo> {
    return this.deps.info
  }

  async pickFolder(input: { title?: string | undefined }): Promise<{ path: string | null; supported: boolean }> {
    if (!this.deps.pickFolder) return { path: null, supported: false }
    return { path: await this.deps.pickFolder(input.title ?? 'Choose a repository folder'), supported: true }
  }

  async cancel(input: { callId: string }): Promise<{ cancelled: boolean }> {
    return { cancelled: this.deps.cancel(input.callId) }
  }
}
