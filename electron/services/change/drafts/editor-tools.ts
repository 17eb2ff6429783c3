// The agent's tools: the read-only repository tools (list_folder, read_file, search_code) plus
// Anthropic's text-editor tool (text_editor_20250728, str_replace_based_edit_tool) executed by Gemba
// against the staged copy; read_file of a file the agent edited shows its staged text, like the
// editor's view. Never writes to disk; what Claude sees is redacted; refusals are reported.
import type { Tool } from '@anthropic-ai/sdk/resources/messages'
import { z } from 'zod'
import { GembaError } from '../../../../shared/errors.ts'
import type { RefusedEdit } from '../../../../shared/models/change.ts'
import { resolveInsideRepo } from '../../fs/resolve-inside-repo.ts'
import { workingTreeSnapshot } from '../../git/git-layer.ts'
import { createRepoTools, mergeRedactions, readTextLines, toolError, type ToolExecution, type ToolSet } from '../../ai/index.ts'
import type { Redactor } from '../../secrets/index.ts'
import { viewRedactions, type StagedCopy, type StagedFile } from './staged-copy.ts'

export const EDITOR_TOOL_NAME = 'str_replace_based_edit_tool'
const MAX_VIEW_CHARS = 40_000

/**
 * Anthropic's schema-less text-editor tool. The SDK's `Tool` type covers custom tools only, and the
 * conversation engine takes `Tool[]`; the request carries this object unchanged, as the API expects.
 */
export const EDITOR_TOOL_DEFINITION = {
  type: 'text_editor_20250728',
  name: EDITOR_TOOL_NAME,
  max_characters: MAX_VIEW_CHARS,
} as unknown as Tool

const editorInput = z.discriminatedUnion('command', [
  z.object({ command: z.literal('view'), path: z.string(), view_range: z.array(z.number().int()).length(2).optional() }),
  z.object({ command: z.literal('str_replace'), path: z.string(), old_str: z.string(), new_str: z.string().optional() }),
  z.object({ command: z.literal('create'), path: z.string(), file_text: z.string() }),
  // insert_text is the 20250728 name; new_str is what earlier versions sent.
  z.object({
    command: z.literal('insert'),
    path: z.string(),
    insert_line: z.number().int(),
    insert_text: z.string().optional(),
    new_str: z.string().optional(),
  }),
])

export interface EditorToolsDeps {
  readonly staged: StagedCopy
  readonly redactor: Redactor
  readonly listFiles: () => Promise<readonly string[]>
  readonly onRefused?: (refusal: RefusedEdit) => void
}

export function createChangeTools(deps: EditorToolsDeps): ToolSet {
  // The agent reads what it edits: the working tree as it is (its staged edits are read_file's own view).
  const read = createRepoTools({ snapshot: workingTreeSnapshot(deps.staged.root), redactor: deps.redactor, listFiles: deps.listFiles })
  return {
    definitions: [...read.definitions, EDITOR_TOOL_DEFINITION],
    async execute(name, input, signal) {
      if (name === 'read_file') return (await readStaged(deps, input)) ?? read.execute(name, input, signal)
      if (name !== EDITOR_TOOL_NAME) return read.execute(name, input, signal)
      const parsed = editorInput.safeParse(input)
      if (!parsed.success)
        return toolError(`Invalid input for ${EDITOR_TOOL_NAME}: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
      const command = parsed.data
      if (command.command === 'view') return view(deps, command.path, command.view_range, signal, read)
      try {
        const { file, unchanged } =
          command.command === 'str_replace'
            ? await deps.staged.strReplace(command.path, command.old_str, command.new_str ?? '')
            : command.command === 'create'
              ? await deps.staged.create(command.path, command.file_text)
              : await deps.staged.insert(command.path, command.insert_line, command.insert_text ?? command.new_str ?? '')
        const verb = command.command === 'create' ? 'created' : 'edited'
        if (unchanged)
          return {
            content: `No change: ${file.path} already reads that way.`,
            isError: false,
            summary: `left ${file.path} as it was (no change)`,
            files: [],
            redactions: [],
          }
        return {
          content: `Staged: ${verb} ${file.path}. The change is kept by Gemba for the leader to review.`,
          isError: false,
          summary: `${verb} ${file.path} (staged)`,
          files: [],
          redactions: [],
        }
      } catch (error) {
        if (!(error instanceof GembaError)) throw error
        deps.onRefused?.({ path: command.path, command: command.command, reason: error.message })
        return toolError(error.message, `${error.message} ${error.next ?? ''}`.trim())
      }
    },
  }
}

const readFileInput = z.object({
  path: z.string(),
  start_line: z.number().int().min(1).optional(),
  end_line: z.number().int().min(1).optional(),
})

/** read_file of a file the agent edited or created: its staged text. null: read the disk as usual. */
async function readStaged(deps: EditorToolsDeps, input: unknown): Promise<ToolExecution | null> {
  const parsed = readFileInput.safeParse(input)
  if (!parsed.success) return null
  const relative = await resolveInsideRepo(deps.staged.root, parsed.data.path, { mustExist: false }).then(
    (resolved) => resolved.relative,
    () => null,
  )
  const file = relative ? deps.staged.get(relative) : undefined
  if (!file || file.current === file.original) return null
  return readTextLines(deps, file.path, file.view, parsed.data, ', as staged with your edits', viewRedactions(file))
}

async function view(
  deps: EditorToolsDeps,
  path: string,
  range: readonly number[] | undefined,
  signal: AbortSignal,
  read: ToolSet,
): Promise<ToolExecution> {
  let file: StagedFile | null
  try {
    file = await deps.staged.read(path)
  } catch (error) {
    if (!(error instanceof GembaError)) throw error
    // A folder: list it with the read tool (confined the same way).
    if (/is a folder|repository folder/.test(error.message)) return read.execute('list_folder', { path }, signal)
    return toolError(error.message)
  }
  if (!file) return toolError(`There is no "${path}" in the repository; use create to add it.`)
  // The view is already redacted; a second pass guards text the agent wrote itself.
  const { text, redactions: again } = await deps.redactor.redact(file.path, file.view)
  const redactions = mergeRedactions(viewRedactions(file), again)
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const start = Math.max(1, range?.[0] ?? 1)
  const end = range?.[1] === undefined || range[1] === -1 ? lines.length : Math.min(lines.length, range[1])
  let content = lines
    .slice(start - 1, end)
    .map((line, index) => `${start + index}\t${line}`)
    .join('\n')
  if (content.length > MAX_VIEW_CHARS) content = `${content.slice(0, MAX_VIEW_CHARS)}\n<response clipped: view a smaller range>`
  return {
    content: content || `${file.path} is empty.`,
    isError: false,
    summary: `viewed ${file.path}${range ? ` lines ${start}-${end}` : ''}`,
    files: [{ path: file.path, bytes: Buffer.byteLength(content, 'utf8') }],
    redactions: redactions.filter((r) => r.line >= start && r.line <= end),
  }
}
