// No oracle: a model guessing at a password Gemba redacts, through every tool the small-change agent
// has (str_replace with new_str == old_str, str_replace on a prefix, insert and view, create and
// read_file, search_code literal and regular expression, read_file, view, list_folder), and at the
// file a hard link makes of `.pgpass`, gets the very same answers for the right guess as for wrong
// ones: it recovers nothing. Driven end to end: the real change service and SDK against the fake
// Anthropic server, on a real git repository; nothing reaches the working tree.
import { link, readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { changeChannels } from '../../../shared/channels/change.ts'
import { textReply, toolUseReply } from '../../fixtures/fake-anthropic/replies.ts'
import { startFakeAnthropic, type FakeAnthropic, type RecordedRequest } from '../../fixtures/fake-anthropic/start-fake-anthropic.ts'
import { recordedProgress } from '../../fixtures/recorded-progress.ts'
import { makeHarness, type Harness } from './harness.ts'

const PASSWORD = 'Tr0ub4dor-Xyz9q'
const PGPASS_PASSWORD = 'Pg7w3Rt5Yu1e'
/** The right guess and two wrong ones that differ in one character, so the echoes weigh the same. */
const GUESSES = [PASSWORD, 'Tr0ub4dor-Xyz9r', 'Tr0ub4dAr-Xyz9q']
const DB = `export const config = {\n  host: 'db.internal',\n  password: '${PASSWORD}',\n}\nexport const retries = 3\n`
const EDIT = 'str_replace_based_edit_tool'

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')

/** The guessing model's rounds of tool calls for one guess. */
function rounds(guess: string) {
  const same = (old: string) => ({ name: EDIT, input: { command: 'str_replace', path: 'src/db.ts', old_str: old, new_str: old } })
  return [
    [
      same(`password: '${guess}'`),
      same(`'${guess}'`),
      same(guess.slice(0, 9)),
      { name: 'search_code', input: { query: guess } },
      { name: 'search_code', input: { query: `password: '${escapeRegex(guess)}'|nothing-else`, is_regex: true } },
      { name: 'search_code', input: { query: guess.slice(0, 9), path: 'src' } },
    ],
    [
      { name: EDIT, input: { command: 'insert', path: 'src/db.ts', insert_line: 5, insert_text: `export const probe = '${guess}'\n` } },
      { name: EDIT, input: { command: 'view', path: 'src/db.ts' } },
      { name: EDIT, input: { command: 'create', path: 'src/probe.ts', file_text: `export const copy = '${guess}'\n` } },
      { name: 'read_file', input: { path: 'src/probe.ts' } },
    ],
    [
      { name: 'read_file', input: { path: 'src/db.ts' } },
      { name: 'list_folder', input: { path: 'src' } },
      { name: 'list_folder', input: { path: 'notes' } },
      { name: 'read_file', input: { path: 'notes/pg.txt' } },
      { name: EDIT, input: { command: 'view', path: 'notes/pg.txt' } },
      { name: 'search_code', input: { query: 'db.internal:5432' } },
      { name: EDIT, input: { command: 'str_replace', path: 'notes/pg.txt', old_str: PGPASS_PASSWORD, new_str: PGPASS_PASSWORD } },
    ],
  ]
}

interface WireBlock {
  readonly type: string
  readonly text?: string
  readonly content?: string | readonly WireBlock[]
}

function toolResults(request: RecordedRequest): string[] {
  const messages = (request.body?.messages as { role: string; content: string | WireBlock[] }[] | undefined) ?? []
  const out: string[] = []
  for (const message of messages) {
    if (message.role !== 'user' || typeof message.content === 'string') continue
    for (const block of message.content) {
      if (block.type !== 'tool_result') continue
      const content = block.content
      out.push(typeof content === 'string' ? content : (content ?? []).map((part) => part.text ?? JSON.stringify(part)).join('\n'))
    }
  }
  return out
}

function roundsDone(request: RecordedRequest): number {
  const messages = (request.body?.messages as { role: string; content: string | WireBlock[] }[] | undefined) ?? []
  return messages.filter((m) => m.role === 'user' && Array.isArray(m.content) && m.content.some((b) => b.type === 'tool_result')).length
}

let fake: FakeAnthropic | undefined
let h: Harness | undefined
afterEach(async () => {
  await fake?.close()
  await h?.cleanup()
})

describe('a model guessing at a redacted password through every tool', () => {
  it('gets the same answers for the right guess as for wrong ones, and the password never comes back', async () => {
    let guess = GUESSES[0]!
    fake = await startFakeAnthropic({
      respond: (request) => {
        const done = roundsDone(request)
        const plan = rounds(guess)
        return done < plan.length ? toolUseReply(plan[done]!) : textReply('I could not find the password.')
      },
    })
    h = await makeHarness({ baseUrl: fake.url })
    await h.repo.files({ 'src/db.ts': DB, 'notes/.pgpass': `db.internal:5432:shop:shop:${PGPASS_PASSWORD}\n` })
    await link(h.repo.path('notes/.pgpass'), h.repo.path('notes/pg.txt'))
    await h.repo.commit('Database settings')

    const answers: string[][] = []
    for (const next of GUESSES) {
      guess = next
      const before = fake.messageRequests().length
      await h.service.start(
        changeChannels.start.input.parse({ repoId: h.repoId, request: 'Tidy the database settings', estimateMinutes: 10, mode: 'agent' }),
        new AbortController().signal,
        recordedProgress(),
      )
      const mine = fake.messageRequests().slice(before)
      const agentRequests = mine.filter((request) => roundsDone(request) > 0)
      const results = toolResults(agentRequests.at(-1)!)
      expect(results.length).toBe(rounds(next).flat().length)
      // The model's own words come back in some answers ("No matches for …"): they are set aside.
      const echoOut = (text: string) =>
        text.replaceAll(escapeRegex(next), '<guess>').replaceAll(next, '<guess>').replaceAll(next.slice(0, 9), '<prefix>')
      answers.push(results.map(echoOut))
      // What the model wrote comes back as it wrote it; the password itself never does.
      for (const request of mine) {
        const sent = echoOut(toolResults(request).join('\n'))
        expect(sent).not.toContain(PASSWORD)
        expect(sent).not.toContain(PGPASS_PASSWORD)
        expect(sent).not.toContain(PASSWORD.slice(0, 11))
      }
    }
    // Every answer, tool by tool, is the same for the right guess as for each wrong one.
    expect(answers[0]).toEqual(answers[1])
    expect(answers[0]).toEqual(answers[2])
    // And they are the answers of a model that can see nothing: the prefix and the whole value are not found.
    const [right] = answers
    expect(right![0]).toMatch(/was not found in the file as you see it/)
    expect(right![2]).toMatch(/was not found in the file as you see it/)
    expect(right![3]).toMatch(/^No matches/)
    expect(right![7]).toContain("export const probe = '<guess>'")
    expect(right![9]).toContain("export const copy = '<guess>'")
    expect(right!.slice(-5).join('\n')).toMatch(/hard-link/)
    expect(await readFile(h.repo.path('src/db.ts'), 'utf8')).toBe(DB)
  }, 60_000)
})
