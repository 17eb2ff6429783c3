// The repository's folders as a module graph (totals per folder, imports between folders) and its
// modules: the top level of the module map (shared/module-view.ts), so the tour, the diagram, ownership
// and the AI context all speak of the same parts. Pure: works on the file list and import edges alone.
import type {
  FileNode,
  FileRecord,
  FolderLink,
  FolderSummary,
  ModuleEdge,
  ModuleGraph,
  ModuleInfo,
} from '../../../../shared/models/repos.ts'
import { boxLocator, moduleId, moduleView, type ModuleBox } from '../../../../shared/module-view.ts'
import { lineKindOf } from './languages.ts'
import { folderPathRole } from './path-roles.ts'

/** Folders deeper than this are counted in their ancestor at this depth: enough to drill into, bounded in size. */
export const MAX_FOLDER_DEPTH = 6
/** The strongest folder-to-folder links kept (the weakest are single imports deep down). */
const MAX_LINKS = 12_000

export interface ModuleMap {
  readonly modules: ModuleInfo[]
  readonly graph: ModuleGraph
  /** The module id of a file path. */
  moduleOf(path: string): string
}

/** A file's folder, cut to MAX_FOLDER_DEPTH. Asked for every file and both ends of every edge: remembered. */
const folders = new Map<string, string>()
function folderOf(path: string): string {
  const known = folders.get(path)
  if (known !== undefined) return known
  let end = path.lastIndexOf('/')
  let folder = '.'
  if (end >= 0) {
    let depth = 1
    for (let at = path.indexOf('/'); at >= 0 && at < end; at = path.indexOf('/', at + 1)) {
      if (depth === MAX_FOLDER_DEPTH) {
        end = at
        break
      }
      depth += 1
    }
    folder = path.slice(0, end)
  }
  if (folders.size > 200_000) folders.clear()
  folders.set(path, folder)
  return folder
}

interface Tally {
  files: number
  lines: number
  code: number
  languages: Map<string, number>
  direct: { files: number; lines: number; languages: Map<string, number> }
}

/** `links`: the folder links of these edges when already known (a rescan whose import graph did not change). */
export function buildModuleGraph(
  files: readonly FileRecord[],
  edges: readonly { from: string; to: string }[],
  links?: readonly FolderLink[],
  packages: readonly string[] = [],
): ModuleGraph {
  const folders = folderSummaries(files)
  const known = new Set(folders.map((folder) => folder.path))
  const nodes = fileNodes(files)
  return {
    folders,
    links: links ?? folderLinks(edges),
    packages: packages.filter((dir) => known.has(dir)),
    files: nodes,
    fileLinks: fileLinks(edges, new Set(nodes.map((node) => node.path))),
  }
}

/** A folder with more code files than this is opened onto its sub-folders only, never onto its files. */
const MAX_FOLDER_FILES = 150
/** At most this many files can be drawn as modules, those of the folders with the most code first. */
const MAX_FILE_NODES = 3000
const MAX_FILE_LINKS = 8000

/**
 * The code files of the folders the module map can open onto their modules: folders of 2 to
 * MAX_FOLDER_FILES code files (a flat package such as `src/<pkg>/`), within MAX_FILE_NODES in all.
 */
function fileNodes(files: readonly FileRecord[]): FileNode[] {
  const byFolder = new Map<string, FileNode[]>()
  for (const file of files) {
    if (lineKindOf(file) !== 'code') continue
    const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '.'
    const list = byFolder.get(folder) ?? []
    list.push({ path: file.path, lines: file.lines, language: file.language })
    byFolder.set(folder, list)
  }
  const candidates = [...byFolder.values()]
    .filter((list) => list.length >= 2 && list.length <= MAX_FOLDER_FILES)
    .map((list) => ({ list, code: list.reduce((sum, node) => sum + node.lines, 0) }))
    .sort((a, b) => b.code - a.code)
  const nodes: FileNode[] = []
  for (const { list } of candidates) {
    if (nodes.length + list.length > MAX_FILE_NODES) continue
    nodes.push(...list)
  }
  return nodes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * Imports that touch a file the map can draw, each end that file or, for any other file, its folder
 * (`rich/console.py → rich/_unicode_data`): what a view with file boxes weighs its arrows by.
 */
function fileLinks(edges: readonly { from: string; to: string }[], nodes: ReadonlySet<string>): FolderLink[] {
  if (nodes.size === 0) return []
  const end = (path: string) => (nodes.has(path) ? path : folderOf(path))
  return moduleEdges(
    edges.filter((edge) => nodes.has(edge.from) || nodes.has(edge.to)),
    end,
  ).slice(0, MAX_FILE_LINKS)
}

function folderSummaries(files: readonly FileRecord[]): FolderSummary[] {
  const tallies = new Map<string, Tally>()
  const tally = (path: string): Tally => {
    let entry = tallies.get(path)
    if (!entry)
      tallies.set(
        path,
        (entry = { files: 0, lines: 0, code: 0, languages: new Map(), direct: { files: 0, lines: 0, languages: new Map() } }),
      )
    return entry
  }
  for (const file of files) {
    const folder = folderOf(file.path)
    const kind = lineKindOf(file)
    const code = kind === 'code' && file.language ? file.language : null
    // A lockfile or generated file in a code folder is counted as a file, not by its lines: a part is
    // the size of what the team writes. So is a file of no language Gemba knows (a design tool's
    // drawing, a data dump): its "lines" say nothing of its size. A vendored or generated folder keeps
    // its own lines.
    const written = kind === 'code' || (kind === 'prose' && file.language !== null)
    const lines = written || folderPathRole(folder) !== 'source' ? file.lines : 0
    const own = tally(folder)
    own.direct.files += 1
    own.direct.lines += lines
    if (code) own.direct.languages.set(code, (own.direct.languages.get(code) ?? 0) + file.lines + 1)
    for (let at = folder; ; at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '.') {
      const entry = tally(at)
      entry.files += 1
      entry.lines += lines
      if (code) {
        entry.code += file.lines
        entry.languages.set(code, (entry.languages.get(code) ?? 0) + file.lines + 1)
      }
      if (at === '.') break
    }
  }
  const dominant = (languages: Map<string, number>) => [...languages].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null
  const folders: FolderSummary[] = [...tallies]
    .map(([path, entry]) => ({
      path,
      files: entry.files,
      lines: entry.lines,
      codeLines: entry.code,
      language: dominant(entry.languages),
      role: folderPathRole(path),
      direct: { files: entry.direct.files, lines: entry.direct.lines, language: dominant(entry.direct.languages) },
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return folders
}

/** Imports between folders, strongest first (capped). */
export function folderLinks(edges: readonly { from: string; to: string }[]): FolderLink[] {
  return moduleEdges(edges, folderOf).slice(0, MAX_LINKS)
}

/** The modules: the map's top level with its supporting folders, and which module each file is in. */
export function findModules(graph: ModuleGraph, workspaceFolders: readonly string[]): ModuleMap {
  const view = moduleView(graph, '.', { showSupporting: false })
  const boxes: ModuleBox[] = [...view.boxes, ...view.supporting]
  const locate = boxLocator(boxes)
  const workspaces = new Set(workspaceFolders)
  const modules: ModuleInfo[] = boxes.map((box) => ({
    id: box.id,
    name: box.kind === 'folder' && box.path !== '.' ? box.path : box.label,
    path: box.path,
    files: box.files,
    lines: box.lines,
    language: box.language,
    kind: box.path === '.' ? 'root' : workspaces.has(box.path) ? 'workspace' : box.path.includes('/') ? 'convention' : 'folder',
    role: box.role,
  }))
  const rootId = moduleId('.')
  const byFolder = new Map<string, string>()
  const moduleOf = (path: string) => {
    const folder = folderOf(path)
    let id = byFolder.get(folder)
    if (id === undefined) {
      id = locate(folder)?.id ?? rootId
      byFolder.set(folder, id)
    }
    return id
  }
  return { modules, graph, moduleOf }
}

/** Aggregates file-level import edges into weighted edges between what `moduleOf` groups them by (self-edges dropped), strongest first. */
export function moduleEdges(edges: readonly { from: string; to: string }[], moduleOf: (path: string) => string): ModuleEdge[] {
  const weights = new Map<string, number>()
  for (const edge of edges) {
    const from = moduleOf(edge.from)
    const to = moduleOf(edge.to)
    if (from === to) continue
    const key = `${from}\u0000${to}`
    weights.set(key, (weights.get(key) ?? 0) + 1)
  }
  return [...weights]
    .map(([key, weight]) => {
      const [from = '', to = ''] = key.split('\u0000')
      return { from, to, weight }
    })
    .sort((a, b) => b.weight - a.weight || byCodeUnits(a.from, b.from) || byCodeUnits(a.to, b.to))
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
