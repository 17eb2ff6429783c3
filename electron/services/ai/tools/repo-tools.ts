// The read-only repository tools Claude may call during a session (list_folder, read_file,
// search_code): their Anthropic tool schemas and one executor that validates input and dispatches.
// Every result is confined to the repository and passed through secret redaction.
import type { Tool } from '@anthropic-ai/sdk/resources/messages'
import { z } from 'zod'
import { listFolder } from './list-folder.ts'
import { MAX_LINES_PER_READ, readRepoFile } from './read-file.ts'
import { MAX_SEARCH_RESULTS, searchCode } from './search-code.ts'
import { toolError, type RepoToolDeps, type ToolExecution } from './tool-execution.ts'

/** Anything the conversation engine can offer Claude as tools. */
export interface ToolSet {
  /** Stable, byte-identical across a session: part of the cached prefix. */
  readonly definitions: readonly Tool[]
  execute(name: string, input: unknown, signal: AbortSignal): Promise<ToolExecution>
}

export const REPO_TOOL_DEFINITIONS: readonly Tool[] = [
  {
    name: 'list_folder',
    description:
      'List the tracked files and sub-folders directly inside one folder of the repository, with each file\'s number of lines. Use "" or "." for the root.',
    input_schema: {
      type: 'object',
      properties: { path: { type: 'string', description: 'Folder path relative to the repository root, e.g. "src/api".' } },
      required: [],
    },
  },
  {
    name: 'read_file',
    description: `Read a text file of the repository, with line numbers (at most ${MAX_LINES_PER_READ} lines per call). Cite code as path:line using these numbers. Secrets appear as [redacted by Gemba: …].`,
    input_schema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'File path relative to the repository root.' },
        start_line: { type: 'integer', minimum: 1, description: 'First line to read (default 1).' },
        end_line: { type: 'integer', minimum: 1, description: 'Last line to read (inclusive).' },
      },
      required: ['path'],
    },
  },
  {
    name: 'search_code',
    description: `Search the repository's tracked text files for a literal string (or a regular expression) and return matching lines as path:line: text (at most ${MAX_SEARCH_RESULTS}). Lines are matched as shown, with secrets already redacted.`,
    input_schema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'Text to find.' },
        is_regex: {
          type: 'boolean',
          description: 'Treat query as an RE2 regular expression, matched line by line (default false). No backreferences or lookarounds.',
        },
        case_sensitive: { type: 'boolean', description: 'Default false.' },
        path: { type: 'string', description: 'Only search inside this folder.' },
        max_results: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_RESULTS },
      },
      required: ['query'],
    },
  },
]

const inputs = {
  list_folder: z.object({ path: z.string().optional() }),
  read_file: z.object({ path: z.string(), start_line: z.number().int().min(1).optional(), end_line: z.number().int().min(1).optional() }),
  search_code: z.object({
    query: z.string(),
    is_regex: z.boolean().optional(),
    case_sensitive: z.boolean().optional(),
    path: z.string().optional(),
    max_results: z.number().int().min(1).optional(),
  }),
}

export function createRepoTools(deps: RepoToolDeps): ToolSet {
  return {
    definitions: REPO_TOOL_DEFINITIONS,
    async execute(name, input, signal) {
      try {
        return await dispatch(deps, name, input, signal)
      } catch (error) {
        // A file that vanished or cannot be read is Claude's problem to route around, not the session's.
        if (signal.aborted) throw error
        const code = (error as { code?: string }).code
        return toolError(`${name} failed${code ? ` (${code})` : ''}; try another path.`)
      }
    },
  }
}

async function dispatch(deps: RepoToolDeps, name: string, input: unknown, signal: AbortSignal): Promise<ToolExecution> {
  switch (name) {
    case 'list_folder': {
      const parsed = inputs.list_folder.safeParse(input)
      return parsed.success ? listFolder(deps, parsed.data, signal) : invalid(name, parsed.error)
    }
    case 'read_file': {
      const parsed = inputs.read_file.safeParse(input)
      return parsed.success ? readRepoFile(deps, parsed.data, signal) : invalid(name, parsed.error)
    }
    case 'search_code': {
      const parsed = inputs.search_code.safeParse(input)
      return parsed.success ? searchCode(deps, parsed.data, signal) : invalid(name, parsed.error)
    }
    default:
      return toolError(`There is no tool called ${name}.`)
  }
}

function invalid(name: string, error: z.ZodError): ToolExecution {
  const issues = error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ')
  return toolError(`Invalid input for ${name}: ${issues}`)
}
