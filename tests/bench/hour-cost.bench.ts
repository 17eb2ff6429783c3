// What a leader's hour costs (a script, not a test): `npm run bench -- hour-cost [-- /path/to/repo]`.
// Runs a scripted hour through the real services (AiService for explore and diagram, ChangeService for
// the small change) against the fake Anthropic server, which reports usage the way the API does (cache
// writes split by lifetime, reads, a prompt cache that expires on its clock), and prices it at list
// prices for the default model. The hour: a walkthrough and eight follow-ups, a diagram with one
// repair, a change with six agent rounds, the commit message and the explanation, with the pauses a
// real hour has (reading code, reviewing a diff, running tests). Baseline in the same run: the same
// hour with the repository prefix on the 5-minute cache. Target: under $1.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AiClient, createAnthropicSdk } from '../../electron/services/ai/client/ai-client.ts'
import { AiService } from '../../electron/services/ai/ai-service.ts'
import { contextSettingsStore } from '../../electron/services/ai/context/context-settings-store.ts'
import { RepoContextProvider } from '../../electron/services/ai/context/repo-context-provider.ts'
import { ModelCatalogue } from '../../electron/services/ai/models/model-catalogue.ts'
import { costOf, priceFor } from '../../electron/services/ai/client/pricing.ts'
import { addUsage, ZERO_USAGE } from '../../shared/models/ai.ts'
import { SecretRedactor } from '../../electron/services/secrets/secret-redactor.ts'
import { ChangeService } from '../../electron/services/change/change-service.ts'
import { changePrefs } from '../../electron/services/change/change-prefs.ts'
import { unwatched, type Progress } from '../../electron/services/events-port.ts'
import { createCodeParser } from '../../electron/services/repos/parse/code-parser.ts'
import { RepoService } from '../../electron/services/repos/repo-service.ts'
import type { AiUsage, CacheTtl } from '../../shared/models/ai.ts'
import type { RepoEntry, ScanResult } from '../../shared/models/repos.ts'
import { DEFAULT_MODEL } from '../../shared/models/settings.ts'
import { textReply, toolUseReply, type MessageReply } from '../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic } from '../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { syntheticRepo } from './synthetic-repo.ts'
import { unsavedSpending } from '../fixtures/spending.ts'

const KEY = 'sk-ant-bench-0000000000000000000000'
const MINUTE = 60_000
const path = process.argv.slice(2).find((arg) => arg.startsWith('/')) ?? (await syntheticRepo())

const WORDS =
  'the service reads each request validates it and hands it to the module that owns the data before the answer goes back through the same layer'.split(
    ' ',
  )
/** Prose of about `tokens` tokens, as the fake counts them (four characters a token). */
function prose(tokens: number, seed = 0): string {
  const out: string[] = []
  let chars = 0
  for (let i = seed; chars < tokens * 4; i++) {
    const word = WORDS[i % WORDS.length]!
    out.push(word)
    chars += word.length + 1
  }
  return out.join(' ')
}

const DIAGRAM_BROKEN = '```mermaid\nflowchart TD\n  api["src/api" --> db[[\n```'
const DIAGRAM = '```mermaid\nflowchart TD\n  api["src/api"] --> core["src/core"]\n  core --> db[("database")]\n```'

interface Step {
  readonly name: string
  /** Minutes into the hour when the leader asks. */
  readonly at: number
  readonly run: (hour: Hour) => Promise<void>
}

interface Hour {
  readonly fake: FakeAnthropic
  readonly ai: AiService
  readonly change: ChangeService
  readonly repoId: string
  readonly files: readonly string[]
  readonly threads: Map<string, string>
  draftId: string | null
  readonly signal: AbortSignal
  /** Counts each request's usage, the coach's and the change's. */
  readonly progress: Progress
}

const read = (file: string) => ({ name: 'read_file', input: { path: file } })

function ask(thread: 'explore' | 'diagram', question: string, replies: (files: readonly string[]) => MessageReply[]): Step['run'] {
  return async (hour) => {
    hour.fake.enqueue(...replies(hour.files))
    let threadId = hour.threads.get(thread)
    if (!threadId) {
      threadId = (await hour.ai.startThread({ repoId: hour.repoId, purpose: thread, sessionId: 'bench-session' }, hour.signal)).threadId
      hour.threads.set(thread, threadId)
    }
    await hour.ai.ask({ threadId, question }, hour.signal, hour.progress)
  }
}

async function agentReplies(root: string, files: readonly string[]): Promise<MessageReply[]> {
  // A real line of a real file, so the agent's str_replace applies to the staged copy.
  const target = files[0]!
  const text = await readFile(join(root, target), 'utf8')
  const line =
    text.split('\n').find((candidate) => candidate.trim().length > 12 && text.split(candidate).length === 2) ?? text.split('\n')[0]!
  const edit = 'str_replace_based_edit_tool'
  return [
    toolUseReply([{ name: edit, input: { command: 'view', path: target } }], {
      thinking: prose(350, 3),
      preamble: 'Let me read where this lives.',
    }),
    toolUseReply([{ name: 'search_code', input: { query: line.trim().slice(0, 20) } }], { thinking: prose(120, 5) }),
    toolUseReply([read(files[1]!)], { thinking: prose(120, 7) }),
    toolUseReply([{ name: edit, input: { command: 'str_replace', path: target, old_str: line, new_str: `${line} // checked` } }], {
      thinking: prose(150, 9),
      preamble: `## Plan\n\n${prose(250, 11)}`,
    }),
    toolUseReply([{ name: edit, input: { command: 'create', path: 'test/bench-change.test.ts', file_text: `// ${prose(200, 13)}\n` } }], {
      thinking: prose(100, 15),
    }),
    textReply(prose(180, 17), { thinking: prose(80, 19) }),
  ]
}

const STEPS: readonly Step[] = [
  {
    name: 'walkthrough (2 tool rounds)',
    at: 0,
    run: ask('explore', 'Walk me through the codebase.', (f) => [
      toolUseReply([read(f[0]!), read(f[1]!)]),
      toolUseReply([read(f[2]!)]),
      textReply(prose(1500)),
    ]),
  },
  {
    name: 'follow-up 1',
    at: 2.5,
    run: ask('explore', 'How does a request flow through it?', (f) => [toolUseReply([read(f[3]!)]), textReply(prose(500, 1))]),
  },
  {
    name: 'follow-up 2',
    at: 4,
    run: ask('explore', 'Where is the data model?', (f) => [toolUseReply([read(f[4]!)]), textReply(prose(500, 2))]),
  },
  {
    name: 'follow-up 3 (after 6.5 min reading)',
    at: 10.5,
    run: ask('explore', 'What do the tests cover?', (f) => [toolUseReply([read(f[5]!)]), textReply(prose(500, 3))]),
  },
  { name: 'follow-up 4', at: 12, run: ask('explore', 'Who changes this most?', () => [textReply(prose(400, 4))]) },
  {
    name: 'follow-up 5',
    at: 13.5,
    run: ask('explore', 'What would I read first?', (f) => [toolUseReply([read(f[6]!)]), textReply(prose(500, 5))]),
  },
  {
    name: 'diagram',
    at: 15.5,
    run: ask('diagram', 'Draw me a high-level architecture.', () => [textReply(`${prose(80)}\n\n${DIAGRAM_BROKEN}`)]),
  },
  {
    name: 'diagram repair',
    at: 16.5,
    run: ask(
      'diagram',
      "That Mermaid diagram does not parse. Mermaid's parser error:\nParse error on line 2\nSend the whole corrected flowchart in one ```mermaid block.",
      () => [textReply(`${prose(80)}\n\n${DIAGRAM}`)],
    ),
  },
  {
    name: 'follow-up 6 (after the diagram)',
    at: 19,
    run: ask('explore', 'How is it deployed?', (f) => [toolUseReply([read(f[7]!)]), textReply(prose(500, 6))]),
  },
  { name: 'follow-up 7', at: 20, run: ask('explore', 'Where do errors go?', () => [textReply(prose(400, 7))]) },
  { name: 'follow-up 8', at: 21, run: ask('explore', 'What slows the team down here?', () => [textReply(prose(400, 8))]) },
  {
    name: 'change: agent (6 rounds)',
    at: 25,
    run: async (hour) => {
      hour.fake.enqueue(...(await agentReplies(path, hour.files)))
      const draft = await hour.change.start(
        {
          repoId: hour.repoId,
          request: 'Fix the small thing the walkthrough found, with a test.',
          estimateMinutes: 20,
          mode: 'agent',
          sessionId: 'bench-session',
          handsOnKeyboard: false,
        },
        hour.signal,
        hour.progress,
      )
      hour.draftId = draft.draftId
    },
  },
  {
    name: 'commit message (after reviewing the diff)',
    at: 35,
    run: async (hour) =>
      void (
        hour.fake.enqueue(textReply(`Check the value\n\n${prose(60)}`)),
        await hour.change.commitMessage({ draftId: hour.draftId! }, hour.signal, hour.progress)
      ),
  },
  {
    name: 'explanation (after the tests)',
    at: 43,
    run: async (hour) =>
      void (
        hour.fake.enqueue(textReply(prose(350, 21))),
        await hour.change.explain({ draftId: hour.draftId!, sessionId: 'bench-session' }, hour.signal, hour.progress)
      ),
  },
]

interface StepCost {
  readonly usage: AiUsage
  readonly requests: number
}

async function runHour(ttl: CacheTtl, scan: ScanResult, cacheFolder: string): Promise<StepCost[]> {
  const fake = await startFakeAnthropic({ now: () => 0 })
  const spending = unsavedSpending(50)
  const redactor = new SecretRedactor()
  const parser = await createCodeParser()
  const store = contextSettingsStore(null)
  const provider = new RepoContextProvider({ scan: async () => scan, settings: store, redactor, parser: async () => parser })
  const models = new ModelCatalogue({
    list: (signal) => new AiClient({ createSdk: createAnthropicSdk, apiKey: KEY, baseURL: fake.url }).listModels(signal),
    endpoint: async () => fake.url,
    file: null,
  })
  const ai = new AiService({
    settings: async () => ({ apiKey: KEY, endpoint: fake.url, model: DEFAULT_MODEL, contextTokens: null, memory: 'off' }),
    createSdk: createAnthropicSdk,
    spending,
    context: (request, signal) => provider.context(request, signal),
    repoRoot: async () => path,
    contextSettings: store,
    redactor,
    models,
    prefixCacheTtl: () => ttl,
  })
  let entries: RepoEntry[] = []
  const repos = new RepoService({
    store: { load: async () => entries, save: async (next) => void (entries = [...next]) },
    cacheFolder,
    createParser: async () => parser,
  })
  const repo = await repos.add({ path }, new AbortController().signal)
  const change = new ChangeService({
    repos: {
      info: (id, signal) => repos.info({ id }, signal),
      workingFiles: (id, leaveOut, signal) => repos.workingFiles({ id, leaveOut }, signal),
      scan: async () => scan,
    },
    ai: async () => ({ apiKey: KEY, endpoint: fake.url, model: DEFAULT_MODEL, contextTokens: null }),
    createSdk: createAnthropicSdk,
    spending,
    session: { record: async () => undefined },
    prefs: changePrefs({ get: () => undefined, set: () => undefined }),
    home: cacheFolder,
    testEnv: {},
    modelProfile: async (model, signal) => ({ ...(await ai.profileFor(model, signal)), prefixCacheTtl: ttl }),
  })
  let usage: AiUsage = ZERO_USAGE
  let requests = 0
  const hour: Hour = {
    fake,
    ai,
    change,
    repoId: repo.id,
    files: scan.keyFiles
      .map((file) => file.path)
      .filter((file) => !redactor.exclusion(file))
      .slice(0, 8),
    threads: new Map(),
    draftId: null,
    signal: new AbortController().signal,
    progress: {
      report: (event, payload) => {
        if (event !== 'ai.usage' && event !== 'change.usage') return
        usage = addUsage(usage, (payload as unknown as { usage: AiUsage }).usage)
        requests++
      },
    },
  }
  const costs: StepCost[] = []
  let clock = 0
  for (const step of STEPS) {
    fake.advanceClock((step.at - clock) * MINUTE)
    clock = step.at
    usage = ZERO_USAGE
    requests = 0
    await step.run(hour)
    costs.push({ usage, requests })
  }
  parser.dispose()
  await fake.close()
  return costs
}

const cacheFolder = await mkdtemp(join(tmpdir(), 'gemba-bench-hour-'))
const scanParser = await createCodeParser()
let scanEntries: RepoEntry[] = []
const scanRepos = new RepoService({
  store: { load: async () => scanEntries, save: async (next) => void (scanEntries = [...next]) },
  cacheFolder,
  createParser: async () => scanParser,
})
const scanSignal = new AbortController().signal
const scanned = await scanRepos.scan({ id: (await scanRepos.add({ path }, scanSignal)).id }, scanSignal, unwatched)
scanParser.dispose()

const hourly = await runHour('1h', scanned, cacheFolder)
const baseline = await runHour('5m', scanned, cacheFolder)
await rm(cacheFolder, { recursive: true, force: true })

const price = (usage: AiUsage) => costOf(usage, DEFAULT_MODEL).usd
const fmt = (n: number) => n.toLocaleString('en')
const usd = (n: number) => `$${n.toFixed(4)}`
const row = (cells: readonly string[], widths: readonly number[]) =>
  `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`
const widths = [48, 4, 6, 9, 9, 9, 7, 9, 9]
console.log(
  `\nRepository: ${path} (${fmt(scanned.filesCount)} files); model ${DEFAULT_MODEL}, priced as "${priceFor(DEFAULT_MODEL).row.name}" (list prices per MTok: input $${priceFor(DEFAULT_MODEL).row.input}, output $${priceFor(DEFAULT_MODEL).row.output}, cache read $${priceFor(DEFAULT_MODEL).row.cacheRead}; writes 1.25× input for 5 minutes, 2× for an hour)`,
)
console.log(row(['step (minute of the hour)', 'req', 'input', 'write 1h', 'write 5m', 'read', 'output', '1h prefix', '5m prefix'], widths))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
let total: AiUsage = ZERO_USAGE
let totalBaseline: AiUsage = ZERO_USAGE
for (const [index, step] of STEPS.entries()) {
  const { usage, requests } = hourly[index]!
  const long = usage.cacheWrite1hTokens ?? 0
  total = addUsage(total, usage)
  totalBaseline = addUsage(totalBaseline, baseline[index]!.usage)
  console.log(
    row(
      [
        `${step.name} (${step.at})`,
        String(requests),
        fmt(usage.inputTokens),
        fmt(long),
        fmt(usage.cacheWriteTokens - long),
        fmt(usage.cacheReadTokens),
        fmt(usage.outputTokens),
        usd(price(usage)),
        usd(price(baseline[index]!.usage)),
      ],
      widths,
    ),
  )
}
const long = total.cacheWrite1hTokens ?? 0
console.log(
  row(
    [
      'the hour',
      String(hourly.reduce((n, s) => n + s.requests, 0)),
      fmt(total.inputTokens),
      fmt(long),
      fmt(total.cacheWriteTokens - long),
      fmt(total.cacheReadTokens),
      fmt(total.outputTokens),
      usd(price(total)),
      usd(price(totalBaseline)),
    ],
    widths,
  ),
)
const saved = price(totalBaseline) - price(total)
console.log(
  `\nThe hour costs ${usd(price(total))} with the repository prefix cached for an hour, ${usd(price(totalBaseline))} on the 5-minute cache (baseline, same run): ${saved >= 0 ? 'saves' : 'costs'} ${usd(Math.abs(saved))} (${((price(total) / price(totalBaseline)) * 100).toFixed(0)}% of the baseline).`,
)
console.log(`Target: under $1 for the hour: ${price(total) < 1 ? 'met' : 'MISSED'}`)
