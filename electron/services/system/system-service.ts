// What the app is and where it keeps things, the desktop's folder picker and print to PDF. Platform
// needs come in as ports; it never imports 'electron'. (Cancelling a call by its id is about calls, so
// the composition root's adapter serves it.)
import { join } from 'node:path'
import type { AppInfo, PaperSize } from '../../../shared/channels/system.ts'
import { GembaError } from '../../../shared/errors.ts'
import { writeFileAtomic } from '../fs/atomic-write.ts'
import { resolveTypedPath } from '../fs/resolve-typed-path.ts'

export interface SystemServiceDeps {
  readonly info: AppInfo
  /** The desktop's folder picker; absent in browser mode, where a path field is used instead. */
  readonly pickFolder?: ((title: string) => Promise<string | null>) | undefined
  /** The desktop window's page as PDF bytes (Electron's printToPDF); absent in browser mode. */
  readonly printToPdf?: ((paper: PaperSize) => Promise<Uint8Array>) | undefined
  /** The leader's home folder: a PDF folder typed as `~/…` or relative is read from it. */
  readonly home?: string | undefined
}

export class SystemService {
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

  async printToPdf(input: {
    folder: string
    fileName: string
    paper?: PaperSize | undefined
  }): Promise<{ path: string | null; supported: boolean }> {
    if (!this.deps.printToPdf) return { path: null, supported: false }
    const folder = resolveTypedPath(input.folder, this.deps.home)
    const pdf = await this.deps.printToPdf(input.paper ?? 'A4')
    const path = join(folder, input.fileName)
    await writeFileAtomic(path, pdf).catch((error: unknown) => {
      throw new GembaError(
        { code: 'storage', message: `The PDF could not be written to ${folder}.`, next: 'Choose a folder you can write to.' },
        { cause: error },
      )
    })
    return { path, supported: true }
  }
}
