import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ModelCatalogue } from '../../../../../../electron/services/ai/models/model-catalogue.ts'
import type { AiModelInfo } from '../../../../../../shared/models/ai.ts'

const signal = new AbortController().signal
const haiku: AiModelInfo = {
  id: 'claude-haiku-5-5',
  displayName: 'Claude Haiku 5.5',
  createdAt: null,
  contextWindow: 200_000,
  maxOutputTokens: 64_000,
  capabilities: { citations: true, adaptiveThinking: false, effortLevels: [] },
}
let folder: string | undefined
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
  folder = undefined
})

describe('ModelCatalogue', () => {
  it('keeps the list for a day, on disk without the key, and answers from it offline after a restart', async () => {
    folder = await mkdtemp(join(tmpdir(), 'gemba-models-'))
    const file = join(folder, 'cache', 'ai-models.json')
    let now = 0
    let calls = 0
    let online = true
    const list = async () => {
      calls++
      if (!online) throw new Error('offline')
      return [haiku]
    }
    const catalogue = new ModelCatalogue({ list, endpoint: async () => 'https://api.anthropic.com', file, now: () => now })
    expect(await catalogue.list(signal)).toEqual([haiku])
    now += 60 * 60_000
    await catalogue.list(signal)
    expect(calls).toBe(1)
    expect(await readFile(file, 'utf8')).not.toContain('sk-ant')

    online = false
    now += 25 * 60 * 60_000
    const restarted = new ModelCatalogue({ list, endpoint: async () => 'https://api.anthropic.com', file, now: () => now })
    expect(await restarted.list(signal)).toEqual([haiku])
    expect(calls).toBe(2)
    await expect(restarted.list(signal, { refresh: true, fallback: false })).rejects.toThrow('offline')
    expect(await restarted.profileFor('claude-haiku-5-5', signal)).toMatchObject({
      source: 'models_api',
      capabilities: { adaptiveThinking: false },
    })
  })

  it('never lets a missing list stop a thread: the profile falls back to the family, within its timeout', async () => {
    const catalogue = new ModelCatalogue({
      list: () => new Promise(() => undefined),
      endpoint: async () => 'https://gateway.example',
      file: null,
      timeoutMs: 20,
    })
    expect(await catalogue.profileFor('claude-sonnet-5-5', signal)).toMatchObject({ source: 'built_in', prefixCacheTtl: '1h' })
  })
})
