// Reads a journal Markdown file back into a session record: the figures from the front matter,
// the long text from the marked regions. Hand edits are honoured; anything that does not make a
// valid record becomes a problem to report. Never writes.
import { parse } from 'yaml'
import { z } from 'zod'
import {
  developerLoopSchema,
  JOURNAL_SCHEMA_VERSION,
  journalSentRecordSchema,
  journalSessionRecordSchema,
  type JournalCitation,
  type JournalProblem,
  type JournalSessionRecord,
  type JournalSentRecord,
  type JournalSource,
  type JournalTranscriptEntry,
} from '../../../shared/models/journal.ts'
import { readFence, readRegion } from './markdown-regions.ts'

export type ParsedSession =
  { readonly ok: true; readonly record: JournalSessionRecord } | { readonly ok: false; readonly problem: JournalProblem }

/** What the JSON sidecar holds. */
export interface JournalSidecar {
  readonly schemaVersion: number
  readonly id: string
  readonly transcript: readonly JournalTranscriptEntry[]
  readonly diagramSvg?: string
  /** What was sent to Claude (absent in older sidecars). */
  readonly sent?: readonly JournalSentRecord[]
}

export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  if (!match) return null
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) }
}

export function parseSessionMarkdown(text: string, fileName: string, sidecar?: JournalSidecar): ParsedSession {
  const problem = (code: JournalProblem['code'], message: string): ParsedSession => ({
    ok: false,
    problem: { fileName, code, message },
  })
  const split = splitFrontMatter(text)
  if (!split) return problem('no_front_matter', `${fileName} has no front matter (the block between --- lines at the top).`)
  let front: unknown
  try {
    front = parse(split.yaml)
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unreadable'
    return problem('bad_front_matter', `The front matter of ${fileName} is not valid YAML: ${detail}`)
  }
  if (typeof front !== 'object' || front === null || Array.isArray(front)) {
    return problem('bad_front_matter', `The front matter of ${fileName} is not a list of fields.`)
  }
  const candidate = assemble(front as Record<string, unknown>, split.body, sidecar)
  const parsed = journalSessionRecordSchema.safeParse(candidate)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first ? first.path.join('.') || 'a field' : 'a field'
    return problem('invalid_fields', `${fileName}: ${where} — ${first?.message ?? 'invalid'}.`)
  }
  return { ok: true, record: parsed.data }
}

function assemble(front: Record<string, unknown>, body: string, sidecar: JournalSidecar | undefined): unknown {
  const walkthrough = readRegion(body, 'walkthrough')
  const diagramBlock = readRegion(body, 'diagram')
  const mermaid = diagramBlock === null ? null : (readFence(diagramBlock) ?? diagramBlock)
  const caption = typeof front.diagramCaption === 'string' ? front.diagramCaption : undefined
  const svg = sidecar?.id === front.id ? sidecar?.diagramSvg : undefined
  return {
    schemaVersion: front.schemaVersion ?? JOURNAL_SCHEMA_VERSION,
    id: front.id,
    date: front.date,
    startedAt: front.startedAt,
    finishedAt: front.finishedAt,
    week: front.week,
    theme: front.theme,
    repository: front.repository,
    offline: front.offline ?? false,
    stepMinutes: front.stepMinutes,
    timeboxMinutes: front.timeboxMinutes,
    effort: front.effort,
    frictionTags: front.frictionTags ?? [],
    usage: front.usage,
    walkthrough:
      walkthrough === null
        ? null
        : { markdown: walkthrough, citations: parseCitations(readRegion(body, 'citations') ?? ''), ...sourceOf(front.walkthroughSource) },
    diagram:
      mermaid === null
        ? null
        : {
            mermaid,
            ...(svg === undefined ? {} : { svg }),
            ...(caption === undefined ? {} : { caption }),
            ...sourceOf(front.diagramSource),
          },
    ...notesOf(body),
    ...(Array.isArray(front.questionsAsked) ? { questionsAsked: front.questionsAsked } : {}),
    change: assembleChange(front.change, body),
    reflection: readRegion(body, 'reflection') ?? '',
    questions: front.questions ?? [],
    transcript: sidecar && sidecar.id === front.id ? sidecar.transcript : [],
    ...sentOf(sidecar, front.id),
    ...loopOf(front.loop),
    ...(Array.isArray(front.viewed)
      ? { viewed: front.viewed.filter((path): path is string => typeof path === 'string' && path !== '') }
      : {}),
  }
}

/** The developer loop's figures; a hand edit that breaks them drops them, never the entry. */
function loopOf(value: unknown): { loop?: z.infer<typeof developerLoopSchema> } {
  if (value === undefined || value === null) return {}
  const parsed = developerLoopSchema.safeParse(value)
  return parsed.success ? { loop: parsed.data } : {}
}

function sourceOf(value: unknown): { source?: JournalSource } {
  return value === 'ai' || value === 'offline' || value === 'hand' ? { source: value } : {}
}

function notesOf(body: string): { notes?: { explore?: string; diagram?: string } } {
  const explore = readRegion(body, 'explore-notes')
  const diagram = readRegion(body, 'diagram-notes')
  if (explore === null && diagram === null) return {}
  return { notes: { ...(explore === null ? {} : { explore }), ...(diagram === null ? {} : { diagram }) } }
}

/** What was sent, when the sidecar of this session has a readable list (hand edits may break it: then it is left out). */
function sentOf(sidecar: JournalSidecar | undefined, id: unknown): { sent?: readonly JournalSentRecord[] } {
  if (!sidecar || sidecar.id !== id || sidecar.sent === undefined) return {}
  const parsed = z.array(journalSentRecordSchema()).safeParse(sidecar.sent)
  return parsed.success ? { sent: parsed.data } : {}
}

function assembleChange(front: unknown, body: string): unknown {
  if (front === null || front === undefined) return null
  if (typeof front !== 'object') return front
  const figures = front as Record<string, unknown>
  const diffBlock = readRegion(body, 'diff') ?? ''
  const outputBlock = readRegion(body, 'test-output') ?? ''
  const run = figures.testRun
  return {
    request: figures.request ?? '',
    branch: figures.branch,
    commit: figures.commit ?? null,
    manual: figures.manual ?? false,
    ...Object.fromEntries(
      ['originalBranch', 'returned', 'branchDeleted', 'cloneOn', 'branchTip', 'authorship', 'testLog']
        .filter((key) => figures[key] !== undefined)
        .map((key) => [key, figures[key]]),
    ),
    diff: readFence(diffBlock) ?? diffBlock,
    testRun: run && typeof run === 'object' ? { ...(run as object), outputTail: readFence(outputBlock) ?? outputBlock } : null,
    explanation: readRegion(body, 'explanation') ?? '',
  }
}

const CITATION = /^\s*[-*]\s+`([^`]+)`(?:\s+\((unverified|withheld)\))?(?:\s+—\s+(.*))?\s*$/

export function parseCitations(block: string): JournalCitation[] {
  const citations: JournalCitation[] = []
  for (const line of block.split(/\r?\n/)) {
    const match = CITATION.exec(line)
    if (!match) continue
    const reference = match[1] ?? ''
    const mark = match[2] as JournalCitation['mark']
    const label = match[3]?.trim()
    const range = /^(.*?):(\d+)(?:-(\d+))?$/.exec(reference)
    const path = range ? (range[1] ?? reference) : reference
    citations.push({
      path,
      ...(range?.[2] ? { line: Number(range[2]) } : {}),
      ...(range?.[3] ? { endLine: Number(range[3]) } : {}),
      ...(label ? { label } : {}),
      ...(mark ? { mark } : {}),
    })
  }
  return citations
}
