// Builds the AiService from the ports the composition root has: Settings (key, endpoint, model,
// budgets, memory), the repos domain's scan (cached) and repository list, the journal (for the coach's
// memory), the data folder and the desktop's openExternal. Keeps backend.ts to one call; never reads
// process.env and never imports 'electron'.
import { join } from 'node:path'
import type { JournalSessionRecord } from '../../../shared/models/journal.ts'
import type { ScanResult } from '../../../shared/models/repos.ts'
import { GembaError } from '../../../shared/errors.ts'
import type { CodeParser } from '../repos/index.ts'
import type { CoachRecordPort, SpendingPort, ViewerRecordPort } from '../sessions/index.ts'
import { AiClient, createAnthropicSdk } from './client/ai-client.ts'
import { AiService } from './ai-service.ts'
import { readAiSettings, type AiSettingsSource } from './ai-settings.ts'
import { journalVisits } from './memory/journal-visits.ts'
import { ModelCatalogue } from './models/model-catalogue.ts'
import { contextSettingsStore } from './context/context-settings-store.ts'
import { RepoContextProvider } from './context/repo-context-provider.ts'
import { SecretRedactor } from '../secrets/index.ts'
import { threadStore } from './threads/thread-store.ts'

export interface AiWiring {
  readonly settings: AiSettingsSource
  /** Each session's one spending record (the sessions service's port). */
  readonly spending: SpendingPort
  /** Where answered questions of a session's coach are kept with the session. */
  readonly coachRecords?: CoachRecordPort
  /** Where files the leader opened in the viewer during a session are listed with it. */
  readonly viewerRecords?: ViewerRecordPort
  readonly scan: (repoId: string, signal: AbortSignal) => Promise<ScanResult>
  /** The folder of a repository in the leader's list, or undefined. */
  readonly repoPath: (repoId: string) => Promise<string | undefined>
  readonly createParser: () => Promise<CodeParser | null>
  readonly dataFolder: string
  readonly openExternal?: ((url: string) => Promise<void>) | undefined
  /** The leader's past sessions on a repository, newest first (the journal). */
  readonly pastSessions?: (repoId: string, limit: number, signal: AbortSignal) => Promise<readonly JournalSessionRecord[]>
}

export function createAiService(wiring: AiWiring): AiService {
  const redactor = new SecretRedactor()
  const contextSettings = contextSettingsStore(join(wiring.dataFolder, 'ai-context-settings.json'))
  let parser: Promise<CodeParser | null> | undefined
  const provider = new RepoContextProvider({
    scan: wiring.scan,
    settings: contextSettings,
    redactor,
    parser: () => (parser ??= wiring.createParser().catch(() => null)),
  })
  const models = new ModelCatalogue({
    list: async (signal) =>
      new AiClient({
        createSdk: createAnthropicSdk,
        apiKey: await wiring.settings.resolveApiKey(),
        baseURL: wiring.settings.endpoint().url,
      }).listModels(signal),
    endpoint: async () => wiring.settings.endpoint().url,
    file: join(wiring.dataFolder, 'cache', 'ai-models.json'),
  })
  const repoPath = wiring.repoPath
  return new AiService({
    settings: readAiSettings(wiring.settings),
    createSdk: createAnthropicSdk,
    spending: wiring.spending,
    ...(wiring.coachRecords ? { coachRecords: wiring.coachRecords } : {}),
    ...(wiring.viewerRecords ? { viewerRecords: wiring.viewerRecords } : {}),
    models,
    ...(wiring.pastSessions ? { pastVisits: journalVisits({ sessionsOn: wiring.pastSessions, repoPath }) } : {}),
    context: (request, signal) => provider.context(request, signal),
    repoRoot: async (repoId) => {
      const path = await wiring.repoPath(repoId)
      if (!path)
        throw new GembaError({ code: 'not_found', message: 'That repository is not in your list.', next: 'Add it again by its folder.' })
      return path
    },
    contextSettings,
    // The packer's code parser holds WebAssembly memory: freed with the service.
    release: async () => {
      const created = await parser
      parser = undefined
      created?.dispose()
    },
    threads: threadStore(aiThreadsFolder(wiring.dataFolder)),
    ...(wiring.openExternal ? { openExternal: wiring.openExternal } : {}),
    redactor,
  })
}

/** Where kept AI threads live inside the data folder. */
export function aiThreadsFolder(dataFolder: string): string {
  return join(dataFolder, 'ai-threads')
}
