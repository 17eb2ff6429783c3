// The AI coach's panels (an explore or diagram conversation per repository and session): threads,
// streamed turns with their tool calls, usage and cost, citation checks, the context preview, the
// diagram's draw → validate → repair → fallback flow, and the read-only file viewer. Follows its own
// calls' ai.* events by call id (the map is state); every panel's call can be cancelled through the
// controller it holds. Mermaid's parser comes in as a port (it needs the page's DOM).
import { create } from 'zustand'
import type { GembaApi } from '../../shared/api.ts'
import type { GembaErrorData } from '../../shared/errors.ts'
import {
  addUsage,
  ZERO_USAGE,
  type AiContextPreview,
  type AiNextCallEstimate,
  type AiPurpose,
  type AiRequestRecord,
  type AiThreadView,
  type AiUsage,
  type CitationCheck,
  type RepoContextSettings,
} from '../../shared/models/ai.ts'
import type { CoachMemory } from '../../shared/models/settings.ts'
import { errorData } from '../bridge.ts'
import { citationKey, extractMermaid, findCitations } from './citations.ts'

export interface ToolEntry {
  readonly id: string
  readonly name: string
  readonly input: Readonly<Record<string, unknown>>
  readonly ok: boolean | null
  readonly summary: string | null
}

export interface Turn {
  readonly id: string
  readonly question: string
  readonly kind: 'question' | 'repair'
  readonly text: string
  readonly tools: readonly ToolEntry[]
  readonly status: 'streaming' | 'done' | 'error' | 'cancelled'
  readonly error: GembaErrorData | null
  readonly usage: AiUsage
  readonly costUsd: number
  readonly retry: { readonly until: number; readonly reason: string; readonly attempt: number } | null
  /** The commit the answer's citations were checked against. */
  readonly checkedAgainst: string | null
}

export interface DiagramState {
  readonly status: 'idle' | 'drawing' | 'repairing' | 'ready' | 'fallback'
  readonly source: string | null
  readonly caption: string
  /** Why the offline diagram is shown instead, when it is. */
  readonly reason: string | null
  readonly saved: 'no' | 'saving' | 'yes' | 'failed'
  /** True when the leader brought back an earlier drawing: keeping it is their pick, not Gemba's. */
  readonly picked: boolean
  /** Every drawing that parsed in this conversation, oldest first, so the leader can go back to one. */
  readonly drawings: readonly { readonly source: string; readonly caption: string }[]
}

export interface Panel {
  readonly repoId: string
  readonly purpose: AiPurpose
  readonly sessionId: string | null
  readonly thread: AiThreadView | null
  readonly opening: boolean
  readonly openError: GembaErrorData | null
  readonly turns: readonly Turn[]
  readonly activeCallId: string | null
  /** Aborts this panel's call under way; null when none is. */
  readonly controller: AbortController | null
  readonly sessionUsage: AiUsage
  readonly sessionCostUsd: number
  readonly sessionBudgetUsd: number | null
  readonly preview: AiContextPreview | null
  readonly previewStatus: 'idle' | 'loading' | 'ready' | 'error'
  readonly previewError: GembaErrorData | null
  readonly contextSettings: RepoContextSettings | null
  readonly checks: Readonly<Record<string, CitationCheck>>
  /** Citation checks in flight: until they answer, unchecked citations show as pending. */
  readonly verifying: number
  readonly diagram: DiagramState
  /** The thread's record of what each request carried, once asked for. */
  readonly sent: readonly AiRequestRecord[] | null
  /** What the next question in the open thread should cost. */
  readonly nextCall: AiNextCallEstimate | null
}

export interface ViewerTarget {
  readonly repoId: string
  readonly path: string
  readonly line: number | null
  /** The coach thread the file was cited in: the viewer reads what that thread read (its commit, or the working tree). */
  readonly threadId?: string
  /** The session the leader opens it in, which keeps the file's path (where they have been). */
  readonly sessionId?: string | null
}

const ZERO: AiUsage = ZERO_USAGE

/** A drawing that parsed: shown, added to the conversation's drawings, not kept yet. */
function drawn(diagram: DiagramState, drawing: { source: string; caption: string }): DiagramState {
  return {
    status: 'ready',
    source: drawing.source,
    caption: drawing.caption,
    reason: null,
    saved: 'no',
    picked: false,
    drawings: [...diagram.drawings, drawing].slice(-20),
  }
}

export const coachKey = (purpose: AiPurpose, repoId: string, sessionId?: string | null) => `${purpose}|${repoId}|${sessionId ?? ''}`

const EMPTY_DIAGRAM: DiagramState = { status: 'idle', source: null, caption: '', reason: null, saved: 'no', picked: false, drawings: [] }

function newPanel(purpose: AiPurpose, repoId: string, sessionId: string | null): Panel {
  return {
    repoId,
    purpose,
    sessionId,
    thread: null,
    opening: false,
    openError: null,
    turns: [],
    activeCallId: null,
    controller: null,
    sessionUsage: ZERO,
    sessionCostUsd: 0,
    sessionBudgetUsd: null,
    preview: null,
    previewStatus: 'idle',
    previewError: null,
    contextSettings: null,
    checks: {},
    verifying: 0,
    diagram: EMPTY_DIAGRAM,
    sent: null,
    nextCall: null,
  }
}

/** Which panel and turn a call belongs to: its events are matched through this, even after it answered. */
export interface CallTarget {
  readonly key: string
  readonly turnId: string
}

/** What the coach needs from the page besides the client: Mermaid's own parser. */
export interface CoachPorts {
  readonly validateMermaid: (source: string) => Promise<MermaidCheck>
}

export type MermaidCheck = { readonly ok: true } | { readonly ok: false; readonly error: string }

/** Calls remembered for late events; the oldest are forgotten first. */
const MAX_CALLS = 200

export interface CoachState {
  readonly panels: Readonly<Record<string, Panel>>
  readonly viewer: ViewerTarget | null
  readonly calls: Readonly<Record<string, CallTarget>>
  ensure(purpose: AiPurpose, repoId: string, sessionId?: string | null): string
  /** `count`: ask Anthropic's token counter for the exact size (sends the text; generates nothing). */
  loadPreview(key: string, options?: { readonly count?: boolean }): Promise<void>
  loadContextSettings(key: string): Promise<void>
  saveContextSettings(key: string, settings: RepoContextSettings): Promise<boolean>
  /** The leader's choice of what the coach remembers (Settings → AI); new conversations use it. */
  setMemory(key: string, memory: CoachMemory): Promise<void>
  ask(key: string, question: string, kind?: Turn['kind']): Promise<string | null>
  cancel(key: string): void
  retry(key: string): Promise<void>
  startOver(key: string): Promise<void>
  drawDiagram(key: string, instruction?: string): Promise<void>
  saveDiagram(key: string, save: (diagram: { mermaid: string; caption: string }) => Promise<void>): Promise<void>
  /** Shows an earlier drawing of this conversation again, for the leader to keep instead. */
  showDrawing(key: string, index: number): void
  verify(key: string, text: string): Promise<void>
  loadSent(key: string): Promise<void>
  loadEstimate(key: string): Promise<void>
  /**
   * What the repository says of each of these paths (a diagram's node labels), checked as citations
   * are: 'verified' for a folder or file it has, 'missing' for one it does not. Null on a failure or
   * when the signal aborts (the diagram was drawn again or left): nothing is then claimed either way.
   */
  checkPaths(repoId: string, paths: readonly string[], signal: AbortSignal): Promise<ReadonlyMap<string, CitationCheck['status']> | null>
  openFile(target: ViewerTarget): void
  closeViewer(): void
}

export function createCoachStore(client: GembaApi, ports: CoachPorts) {
  return create<CoachState>((set, get) => {
    const patch = (key: string, change: Partial<Panel> | ((panel: Panel) => Partial<Panel>)): void => {
      const panel = get().panels[key]
      if (!panel) return
      set({ panels: { ...get().panels, [key]: { ...panel, ...(typeof change === 'function' ? change(panel) : change) } } })
    }
    const patchTurn = (key: string, turnId: string, change: (turn: Turn) => Partial<Turn>): void =>
      patch(key, (panel) => ({ turns: panel.turns.map((turn) => (turn.id === turnId ? { ...turn, ...change(turn) } : turn)) }))
    // Events travel apart from the call's result (server-sent events in browser mode) and may arrive
    // after it: they are matched through this map, not through the call still being active.
    const byCall = (callId: string): [string, Turn] | undefined => {
      const call = get().calls[callId]
      const turn = call && get().panels[call.key]?.turns.find((t) => t.id === call.turnId)
      return call && turn ? [call.key, turn] : undefined
    }

    client.subscribe('ai.delta', ({ callId, text }) => {
      const found = byCall(callId)
      // Once the answer is in, its text is final; a late delta must not repeat itself.
      if (found && found[1].status === 'streaming') patchTurn(found[0], found[1].id, (t) => ({ text: t.text + text, retry: null }))
    })
    client.subscribe('ai.toolCall', ({ callId, id, name, input }) => {
      const found = byCall(callId)
      const turn = found?.[1]
      if (found && turn)
        patchTurn(found[0], turn.id, (t) => ({
          tools: [...t.tools, { id, name, input, ok: null, summary: null }],
          text: t.text && !t.text.endsWith('\n') ? `${t.text}\n\n` : t.text,
        }))
    })
    client.subscribe('ai.toolResult', ({ callId, id, ok, summary }) => {
      const found = byCall(callId)
      const turn = found?.[1]
      if (found && turn)
        patchTurn(found[0], turn.id, (t) => ({ tools: t.tools.map((tool) => (tool.id === id ? { ...tool, ok, summary } : tool)) }))
    })
    client.subscribe('ai.usage', (report) => {
      const found = byCall(report.callId)
      const turn = found?.[1]
      if (!found || !turn) return
      patchTurn(found[0], turn.id, (t) => ({ usage: addUsage(t.usage, report.usage), costUsd: t.costUsd + report.cost.usd }))
      patch(found[0], {
        sessionUsage: report.sessionUsage,
        sessionCostUsd: report.sessionCostUsd,
        sessionBudgetUsd: report.sessionBudgetUsd,
      })
    })
    client.subscribe('ai.retry', ({ callId, waitSeconds, reason, attempt }) => {
      const found = byCall(callId)
      const turn = found?.[1]
      if (found && turn) patchTurn(found[0], turn.id, () => ({ retry: { until: Date.now() + waitSeconds * 1000, reason, attempt } }))
    })

    /** Something the open thread answers (its next call's cost, what was sent), or `failed` when it cannot. */
    const aboutThread = async (key: string, load: (threadId: string) => Promise<Partial<Panel>>, failed: Partial<Panel>): Promise<void> => {
      const thread = get().panels[key]?.thread
      if (!thread) return
      patch(key, await load(thread.threadId).catch(() => failed))
    }

    const openThread = async (key: string, signal: AbortSignal): Promise<AiThreadView> => {
      const panel = get().panels[key]!
      if (panel.thread) return panel.thread
      patch(key, { opening: true, openError: null })
      try {
        const thread = await client.invoke(
          'ai.startThread',
          { repoId: panel.repoId, purpose: panel.purpose, ...(panel.sessionId ? { sessionId: panel.sessionId } : {}) },
          { signal },
        )
        patch(key, { thread, opening: false, sessionBudgetUsd: thread.sessionBudgetUsd, sessionCostUsd: thread.sessionCostUsd })
        return thread
      } catch (error) {
        patch(key, { opening: false })
        throw error
      }
    }

    return {
      panels: {},
      viewer: null,
      calls: {},
      ensure(purpose, repoId, sessionId = null) {
        const key = coachKey(purpose, repoId, sessionId)
        if (!get().panels[key]) set({ panels: { ...get().panels, [key]: newPanel(purpose, repoId, sessionId) } })
        return key
      },
      async loadPreview(key, options = {}) {
        const panel = get().panels[key]
        if (!panel) return
        patch(key, { previewStatus: 'loading', previewError: null })
        try {
          const preview = await client.invoke('ai.preview', {
            repoId: panel.repoId,
            purpose: panel.purpose,
            ...(options.count ? { count: true } : {}),
          })
          patch(key, { preview, previewStatus: 'ready' })
        } catch (error) {
          patch(key, { previewStatus: 'error', previewError: errorData(error) })
        }
      },
      async loadContextSettings(key) {
        const panel = get().panels[key]
        if (!panel) return
        try {
          patch(key, { contextSettings: await client.invoke('ai.contextSettings', { repoId: panel.repoId }) })
        } catch (error) {
          patch(key, { previewError: errorData(error) })
        }
      },
      async saveContextSettings(key, settings) {
        const panel = get().panels[key]
        if (!panel) return false
        try {
          const saved = await client.invoke('ai.setContextSettings', {
            repoId: panel.repoId,
            scope: settings.scope,
            include: [...settings.include],
            exclude: [...settings.exclude],
          })
          // Later threads use the new context; the open one keeps the prefix it was cached with.
          for (const [other, candidate] of Object.entries(get().panels))
            if (candidate.repoId === panel.repoId) patch(other, { contextSettings: saved, preview: null, previewStatus: 'idle' })
          if (!panel.thread) void get().loadPreview(key)
          return true
        } catch (error) {
          patch(key, { previewError: errorData(error) })
          return false
        }
      },
      async setMemory(key, memory) {
        try {
          await client.invoke('settings.update', { ai: { memory } })
          // Open conversations keep the prefix they were cached with; the next ones show and send the new note.
          for (const [other, candidate] of Object.entries(get().panels))
            if (!candidate.thread) patch(other, { preview: null, previewStatus: 'idle' })
          if (!get().panels[key]?.thread) void get().loadPreview(key)
        } catch (error) {
          patch(key, { previewError: errorData(error) })
        }
      },
      async ask(key, question, kind = 'question') {
        const panel = get().panels[key]
        if (!panel || panel.activeCallId) return null
        const controller = new AbortController()
        const callId = crypto.randomUUID()
        const turnId = crypto.randomUUID()
        const turn: Turn = {
          id: turnId,
          question,
          kind,
          text: '',
          tools: [],
          status: 'streaming',
          error: null,
          usage: ZERO,
          costUsd: 0,
          retry: null,
          checkedAgainst: null,
        }
        patch(key, (p) => ({ turns: [...p.turns, turn], activeCallId: callId, controller }))
        set({ calls: Object.fromEntries([...Object.entries(get().calls), [callId, { key, turnId }]].slice(-MAX_CALLS)) })
        try {
          const thread = await openThread(key, controller.signal)
          const answer = await client.invoke('ai.ask', { threadId: thread.threadId, question }, { signal: controller.signal, callId })
          // Citations of lines Gemba sent come back checked word for word; the rest are checked by path and line.
          const cited = Object.fromEntries((answer.citations ?? []).map((check) => [citationKey(check.path, check.line), check]))
          patch(key, (p) => ({ checks: { ...p.checks, ...cited } }))
          patchTurn(key, turnId, () => ({
            text: answer.text,
            status: 'done',
            retry: null,
            checkedAgainst: answer.checkedAgainst ?? get().panels[key]?.thread?.headCommit ?? null,
          }))
          void get().verify(key, answer.text)
          return answer.text
        } catch (error) {
          const data = errorData(error)
          const partial = typeof data.details?.partialText === 'string' ? data.details.partialText : ''
          patchTurn(key, turnId, (t) => ({
            status: data.code === 'cancelled' ? 'cancelled' : 'error',
            error: data,
            retry: null,
            text: t.text || partial,
          }))
          const text = get().panels[key]?.turns.find((t) => t.id === turnId)?.text ?? ''
          if (text) void get().verify(key, text)
          return null
        } finally {
          patch(key, { activeCallId: null, controller: null, sent: null })
          void get().loadEstimate(key)
        }
      },
      cancel(key) {
        get().panels[key]?.controller?.abort()
      },
      async retry(key) {
        const turn = get().panels[key]?.turns.at(-1)
        if (turn) await get().ask(key, turn.question, turn.kind)
      },
      async startOver(key) {
        const panel = get().panels[key]
        if (!panel || panel.activeCallId) return
        if (panel.thread) void client.invoke('ai.closeThread', { threadId: panel.thread.threadId }).catch(() => undefined)
        patch(key, {
          thread: null,
          turns: [],
          checks: {},
          diagram: EMPTY_DIAGRAM,
          preview: null,
          previewStatus: 'idle',
          sent: null,
          nextCall: null,
        })
      },
      async drawDiagram(key, instruction) {
        const wanted = instruction?.trim()
        const question = wanted
          ? `Draw the high-level architecture again, focusing on this: ${wanted}`
          : 'Draw me a high-level architecture.'
        patch(key, (p) => ({ diagram: { ...p.diagram, status: 'drawing', reason: null, saved: 'no', picked: false } }))
        const answer = await get().ask(key, question)
        if (answer === null) return patch(key, (p) => ({ diagram: { ...p.diagram, status: p.diagram.source ? 'ready' : 'idle' } }))
        const first = extractMermaid(answer)
        const firstCheck = first
          ? await ports.validateMermaid(first.source)
          : { ok: false as const, error: 'The answer held no Mermaid diagram.' }
        if (first && firstCheck.ok) return patch(key, (p) => ({ diagram: drawn(p.diagram, first) }))
        const error = firstCheck.ok ? '' : firstCheck.error
        patch(key, (p) => ({ diagram: { ...p.diagram, status: 'repairing' } }))
        const repaired = await get().ask(
          key,
          `That Mermaid diagram does not parse. Mermaid's parser error:\n${error}\nSend the whole corrected flowchart in one \`\`\`mermaid block.`,
          'repair',
        )
        const second = repaired === null ? null : extractMermaid(repaired)
        const secondCheck = second
          ? await ports.validateMermaid(second.source)
          : { ok: false as const, error: 'no diagram in the repair answer' }
        if (second && secondCheck.ok) return patch(key, (p) => ({ diagram: drawn(p.diagram, second) }))
        const firstLine = (text: string) => text.split('\n')[0]!.replace(/[:.]\s*$/, '')
        const why =
          repaired === null
            ? 'the repair request failed'
            : `the repaired one did not parse either (${secondCheck.ok ? '' : firstLine(secondCheck.error)})`
        patch(key, (p) => ({
          diagram: {
            ...p.diagram,
            status: 'fallback',
            source: null,
            caption: '',
            reason: `Claude’s diagram did not parse (${firstLine(error)}), and ${why}.`,
            saved: 'no',
            picked: false,
          },
        }))
      },
      async saveDiagram(key, save) {
        const diagram = get().panels[key]?.diagram
        if (!diagram?.source) return
        patch(key, (p) => ({ diagram: { ...p.diagram, saved: 'saving' } }))
        try {
          await save({ mermaid: diagram.source, caption: diagram.caption })
          patch(key, (p) => ({ diagram: { ...p.diagram, saved: 'yes' } }))
        } catch {
          patch(key, (p) => ({ diagram: { ...p.diagram, saved: 'failed' } }))
        }
      },
      showDrawing(key, index) {
        const drawing = get().panels[key]?.diagram.drawings[index]
        if (drawing)
          patch(key, (p) => ({
            diagram: {
              ...p.diagram,
              status: 'ready',
              source: drawing.source,
              caption: drawing.caption,
              reason: null,
              saved: 'no',
              picked: true,
            },
          }))
      },
      async verify(key, text) {
        const panel = get().panels[key]
        if (!panel) return
        const unchecked = findCitations(text)
          .filter((c) => !(c.key in panel.checks))
          .slice(0, 300)
        if (unchecked.length === 0) return
        patch(key, (p) => ({ verifying: p.verifying + 1 }))
        try {
          const checks = await client.invoke('ai.verifyCitations', {
            repoId: panel.repoId,
            commit: panel.thread?.headCommit ?? null,
            citations: unchecked.map((c) => ({ path: c.path, line: c.line })),
          })
          patch(key, (p) => ({
            checks: { ...p.checks, ...Object.fromEntries(checks.map((check) => [citationKey(check.path, check.line), check])) },
          }))
        } catch {
          // Unchecked citations stay marked as unverified; nothing is trusted silently.
        } finally {
          patch(key, (p) => ({ verifying: p.verifying - 1 }))
        }
      },
      loadEstimate: (key) =>
        aboutThread(key, async (threadId) => ({ nextCall: await client.invoke('ai.estimate', { threadId }) }), { nextCall: null }),
      loadSent: (key) => aboutThread(key, async (threadId) => ({ sent: await client.invoke('ai.sent', { threadId }) }), { sent: [] }),
      async checkPaths(repoId, paths, signal) {
        try {
          const citations = paths.map((path) => ({ path }))
          const checks = await client.invoke('ai.verifyCitations', { repoId, citations }, { signal })
          const statuses = new Map<string, CitationCheck['status']>()
          paths.forEach((path, index) => {
            const status = checks[index]?.status
            if (status) statuses.set(path, status)
          })
          return statuses
        } catch {
          return null
        }
      },
      openFile(target) {
        set({ viewer: target })
      },
      closeViewer() {
        set({ viewer: null })
      },
    }
  })
}
