// Which boxes a module diagram shows for one folder of a repository, and the weighted dependencies
// between them: at most about fifteen, the folder's sub-folders with a folder that holds most of the
// code (or is only a container such as src/ or packages/) opened in place, the smallest folded into one
// "other folders" box, and tests, docs, tooling and the like behind a toggle. A folder of files (a flat
// package such as `src/<pkg>/`) opens onto its modules, its files, with the imports between them; a
// repository that is one such package is drawn on its modules from the start. Shared by the scan (its
// top level is the repository's modules), the Mermaid diagram and the interactive map. Pure.
import type { FileNode, FolderSummary, ModuleGraph } from './models/repos.ts'

export const MAX_BOXES = 15

/** Folders that only group code: opened in place when they hold most of it. */
const CONTAINERS = new Set([
  'src',
  'lib',
  'libs',
  'app',
  'apps',
  'cmd',
  'internal',
  'pkg',
  'packages',
  'services',
  'modules',
  'crates',
  'components',
  'source',
  'sources',
  'main',
  'java',
  'kotlin',
  'scala',
  'include',
  'projects',
  'workspaces',
  'plugins',
  'extensions',
])

export interface ModuleBox {
  /** Safe id (letters, digits, underscores). */
  readonly id: string
  /** The folder ('.' for the root); for a folder's own files, the folder; for a group, the common parent. */
  readonly path: string
  readonly label: string
  /**
   * `folder`: a folder and all below it; `files`: only the files directly in `path`; `file`: one file
   * (a module); `group`: several small folders or files.
   */
  readonly kind: 'folder' | 'files' | 'file' | 'group'
  /** For a group: its folders (`dir/` for a folder's own files) or files. */
  readonly members: readonly string[]
  readonly files: number
  readonly lines: number
  readonly language: string | null
  readonly role: FolderSummary['role']
  readonly supporting: boolean
  /** Whether drilling in shows more than this box. */
  readonly drillable: boolean
}

export interface ModuleViewEdge {
  readonly from: string
  readonly to: string
  /** File-level imports from one box into the other. */
  readonly weight: number
}

export interface ModuleView {
  readonly focus: string
  /** What to draw, main code first. */
  readonly boxes: readonly ModuleBox[]
  readonly edges: readonly ModuleViewEdge[]
  /** The supporting folders at this level (tests, docs, tooling…), drawn only when `showSupporting`. */
  readonly supporting: readonly ModuleBox[]
}

export interface ModuleViewOptions {
  readonly showSupporting: boolean
  readonly maxBoxes?: number
  /**
   * Draw a flat package that holds most of the code on its modules (files) rather than as one box (the
   * map and its diagram do; the scan's modules, which own history, stay folders).
   */
  readonly openFiles?: boolean
}

/** A stable id safe for Mermaid and HTML: letters, digits and underscores. */
export function moduleId(path: string, kind: ModuleBox['kind'] = 'folder'): string {
  const base = path === '.' || path === '' ? 'root' : `m_${path.replace(/[^A-Za-z0-9]/g, '_')}`
  return kind === 'folder' ? base : `${base}__${kind}`
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.')
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/** The folders of a graph, indexed: each folder's children and its summary, and the files it can open onto. */
export class FolderIndex {
  readonly byPath: ReadonlyMap<string, FolderSummary>
  readonly children: ReadonlyMap<string, readonly string[]>
  /** A folder's own code files that the map can draw as modules. */
  readonly filesIn: ReadonlyMap<string, readonly FileNode[]>
  readonly fileNodes: ReadonlySet<string>

  constructor(graph: Pick<ModuleGraph, 'folders' | 'files'>) {
    const filesIn = new Map<string, FileNode[]>()
    for (const node of graph.files ?? []) {
      const folder = parentOf(node.path)
      filesIn.set(folder, [...(filesIn.get(folder) ?? []), node])
    }
    this.filesIn = filesIn
    this.fileNodes = new Set((graph.files ?? []).map((node) => node.path))
    const byPath = new Map(graph.folders.map((folder) => [folder.path, folder]))
    const children = new Map<string, string[]>()
    for (const folder of graph.folders) {
      if (folder.path === '.') continue
      const parent = parentOf(folder.path)
      const list = children.get(parent) ?? []
      list.push(folder.path)
      children.set(parent, list)
    }
    for (const list of children.values()) list.sort()
    this.byPath = byPath
    this.children = children
  }
}

export function moduleView(graph: ModuleGraph, focus: string, options: ModuleViewOptions, index = new FolderIndex(graph)): ModuleView {
  const max = options.maxBoxes ?? MAX_BOXES
  const start = index.byPath.get(focus)
  if (!start) return { focus, boxes: [], edges: [], supporting: [] }
  // A folder of files only opens onto them: its modules.
  if ((focus !== '.' || options.openFiles) && !index.children.get(focus)?.length && (index.filesIn.get(focus)?.length ?? 0) >= 2)
    return filesView(graph, focus, index)
  const boxesOf = (path: string): ModuleBox[] => {
    const folder = index.byPath.get(path)
    if (!folder) return []
    const own: ModuleBox[] = folder.direct.files > 0 ? [filesBox(folder, index)] : []
    return [
      ...own,
      ...(index.children.get(path) ?? []).flatMap((child) => {
        const summary = index.byPath.get(child)
        return summary ? [folderBox(summary, index)] : []
      }),
    ]
  }
  const all = boxesOf(focus)
  const packages = new Set(graph.packages ?? [])
  let code = all.filter((box) => !box.supporting)
  const supporting = all.filter((box) => box.supporting)
  // Open, in place, the code folder that holds most of the code or only groups it, while the view stays small.
  for (let round = 0; round < 12; round++) {
    const total = code.reduce((sum, box) => sum + box.lines, 0) || 1
    const candidate = code
      .filter(
        (box) => box.kind === 'folder' && (index.children.get(box.path)?.length ?? 0) > 0 && (!packages.has(box.path) || code.length === 1),
      )
      .sort((a, b) => b.lines - a.lines)
      .find((box) => box.lines / total > 0.5 || (CONTAINERS.has(nameOf(box.path)) && box.lines / total > 0.2) || code.length === 1)
    if (!candidate) break
    const opened = boxesOf(candidate.path)
    const openedCode = opened.filter((box) => !box.supporting)
    // Past the limit only when one box holds most of this level (it says little): the smallest are then folded.
    if (code.length - 1 + openedCode.length > max && candidate.lines / total <= 0.6) break
    code = [...code.filter((box) => box !== candidate), ...openedCode]
    supporting.push(...opened.filter((box) => box.supporting))
  }
  // One flat package holding most of the code: its modules are the parts worth drawing.
  if (options.openFiles) {
    const codeOf = (box: ModuleBox) =>
      box.kind === 'files' || box.kind === 'folder'
        ? (index.filesIn.get(box.path)?.reduce((sum, node) => sum + node.lines, 0) ??
          (box.kind === 'folder' ? (index.byPath.get(box.path)?.codeLines ?? box.lines) : 0))
        : 0
    const total = code.reduce((sum, box) => sum + codeOf(box), 0)
    const flat = code.find(
      (box) =>
        (box.kind === 'files' || (box.kind === 'folder' && !index.children.get(box.path)?.length)) &&
        (index.filesIn.get(box.path)?.length ?? 0) >= 2 &&
        codeOf(box) > 0.5 * total,
    )
    if (flat) {
      // Its largest modules, the rest in one box, beside the other parts of this level.
      const others = code.filter((box) => box !== flat)
      const modules = fileBoxes(flat.path, index).sort((a, b) => b.lines - a.lines || (a.path < b.path ? -1 : 1))
      const room = Math.max(4, max - others.length - 1)
      code = [...others, ...(modules.length <= room + 1 ? modules : [...modules.slice(0, room), groupOf(modules.slice(room), flat.path)])]
    }
  }
  const order = (a: ModuleBox, b: ModuleBox) => b.lines - a.lines || (a.path < b.path ? -1 : 1)
  const boxes = options.showSupporting
    ? [...foldSmallest(code, max, focus), ...foldSmallest(supporting, 6, focus)].sort(
        (a, b) => Number(a.supporting) - Number(b.supporting) || order(a, b),
      )
    : foldSmallest(code, max, focus).sort(order)
  return { focus, boxes, edges: viewEdges(graph, boxes, index), supporting: supporting.sort(order) }
}

/** A folder's own files as modules, the smallest folded into one box (what opening a folder of files shows). */
function filesView(graph: ModuleGraph, folder: string, index = new FolderIndex(graph)): ModuleView {
  const boxes = foldSmallest(fileBoxes(folder, index), MAX_BOXES, folder).sort((a, b) => b.lines - a.lines || (a.path < b.path ? -1 : 1))
  return { focus: folder, boxes, edges: viewEdges(graph, boxes, index), supporting: [] }
}

/** The folders or files of a group box, each as its own box (what drilling into the group shows). */
export function groupView(graph: ModuleGraph, group: ModuleBox, index = new FolderIndex(graph)): ModuleView {
  const nodes = new Map((graph.files ?? []).map((node) => [node.path, node]))
  const boxes = group.members.flatMap((member) => {
    const node = nodes.get(member)
    if (node) return [fileBox(node, index)]
    const folder = index.byPath.get(member.replace(/\/$/, ''))
    if (!folder) return []
    return [member.endsWith('/') ? filesBox(folder, index) : folderBox(folder, index)]
  })
  return { focus: group.path, boxes, edges: viewEdges(graph, boxes, index), supporting: [] }
}

/** What opening a box shows: a group's members, a folder of files' modules, or a folder's parts. */
export function openedView(graph: ModuleGraph, box: ModuleBox, options: ModuleViewOptions, index = new FolderIndex(graph)): ModuleView {
  if (box.kind === 'group') return groupView(graph, box, index)
  if (box.kind === 'files') return filesView(graph, box.path, index)
  return moduleView(graph, box.path, options, index)
}

/** A package's smaller modules as one box, opened onto them by a drill-in. */
function groupOf(modules: readonly ModuleBox[], folder: string): ModuleBox {
  return {
    id: moduleId(folder, 'group'),
    path: folder,
    label: `${modules.length} smaller modules`,
    kind: 'group',
    members: modules.map((box) => box.path),
    files: modules.length,
    lines: modules.reduce((sum, box) => sum + box.lines, 0),
    language: modules[0]?.language ?? null,
    role: modules[0]?.role ?? 'source',
    supporting: false,
    drillable: true,
  }
}

function fileBoxes(folder: string, index: FolderIndex): ModuleBox[] {
  return (index.filesIn.get(folder) ?? []).map((node) => fileBox(node, index))
}

function fileBox(node: FileNode, index: FolderIndex): ModuleBox {
  const role = index.byPath.get(parentOf(node.path))?.role ?? 'source'
  return {
    id: moduleId(node.path, 'file'),
    path: node.path,
    label: nameOf(node.path),
    kind: 'file',
    members: [],
    files: 1,
    lines: node.lines,
    language: node.language,
    role,
    supporting: role !== 'source',
    drillable: false,
  }
}

/**
 * Past `max`, the smallest boxes become one "N smaller folders" box (a drill-in lists them); so do
 * boxes too small to matter at this level (a file or two, or a few lines), when there are two or more.
 */
function foldSmallest(boxes: ModuleBox[], max: number, focus: string): ModuleBox[] {
  const ordered = [...boxes].sort((a, b) => b.lines - a.lines || (a.path < b.path ? -1 : 1))
  const total = ordered.reduce((sum, box) => sum + box.lines, 0)
  // A folder's own files (often its entry point) and a package's modules are never folded for being small.
  const tiny = ordered.filter(
    (box) =>
      box.kind !== 'files' &&
      box.kind !== 'file' &&
      !(box.kind === 'group' && box.label.endsWith('modules')) &&
      (box.lines < 0.003 * total || (box.files <= 2 && box.lines < 0.01 * total)),
  )
  const keep = Math.min(max - 1, ordered.length - (tiny.length >= 2 ? tiny.length : 0))
  if (ordered.length <= max && keep === ordered.length) return boxes
  const kept = ordered.slice(0, keep)
  const rest = ordered.slice(keep)
  if (rest.length === 1) return [...kept, ...rest]
  const supporting = rest.every((box) => box.supporting)
  const members = rest.flatMap((box) => (box.kind === 'group' ? box.members : [box.kind === 'files' ? `${box.path}/` : box.path]))
  const allFiles = rest.every((box) => box.kind === 'file')
  const group: ModuleBox = {
    id: `${moduleId(focus, 'group')}${supporting ? '_supporting' : ''}`,
    path: focus,
    label: allFiles ? `${rest.length} smaller modules` : supporting ? `${rest.length} other folders` : `${rest.length} smaller folders`,
    kind: 'group',
    members,
    files: rest.reduce((sum, box) => sum + box.files, 0),
    lines: rest.reduce((sum, box) => sum + box.lines, 0),
    language: rest[0]?.language ?? null,
    role: supporting ? (rest[0]?.role ?? 'source') : 'source',
    supporting,
    drillable: true,
  }
  return [...kept, group]
}

function folderBox(folder: FolderSummary, index: FolderIndex): ModuleBox {
  const children = index.children.get(folder.path) ?? []
  const modules = index.filesIn.get(folder.path)?.length ?? 0
  return {
    id: moduleId(folder.path),
    path: folder.path,
    label: `${folder.path === '.' ? '(root)' : folder.path}/`,
    kind: 'folder',
    members: [],
    files: folder.files,
    lines: folder.lines,
    language: folder.language,
    role: folder.role,
    supporting: folder.role !== 'source',
    drillable: children.length > 0 || modules >= 2,
  }
}

function filesBox(folder: FolderSummary, index: FolderIndex): ModuleBox {
  const alone = (index.children.get(folder.path) ?? []).length === 0
  const modules = index.filesIn.get(folder.path)?.length ?? 0
  return {
    id: moduleId(folder.path, alone ? 'folder' : 'files'),
    path: folder.path,
    label: folder.path === '.' ? '(root files)' : `${folder.path}/ (files)`,
    kind: alone ? 'folder' : 'files',
    members: [],
    files: folder.direct.files,
    lines: folder.direct.lines,
    language: folder.direct.language,
    role: folder.role,
    supporting: folder.role !== 'source',
    drillable: modules >= 2,
  }
}

/** The box a folder falls in: a `files` box owns its folder exactly, a `folder` box its whole subtree. */
export function boxLocator(boxes: readonly ModuleBox[]): (folder: string) => ModuleBox | undefined {
  const exact = new Map<string, ModuleBox>()
  const subtree: { prefix: string; box: ModuleBox }[] = []
  for (const box of boxes) {
    if (box.kind === 'files') exact.set(box.path, box)
    else if (box.kind === 'folder') subtree.push({ prefix: box.path === '.' ? '' : `${box.path}/`, box })
    else {
      for (const member of box.members) {
        if (member.endsWith('/')) exact.set(member.slice(0, -1), box)
        else subtree.push({ prefix: `${member}/`, box })
      }
    }
  }
  subtree.sort((a, b) => b.prefix.length - a.prefix.length)
  const memo = new Map<string, ModuleBox | undefined>()
  return (folder) => {
    if (memo.has(folder)) return memo.get(folder)
    const hit = exact.get(folder) ?? subtree.find((entry) => entry.prefix === '' || `${folder}/`.startsWith(entry.prefix))?.box
    memo.set(folder, hit)
    return hit
  }
}

/**
 * The box a file or folder path falls in: a file box (or a group holding it) for a file drawn as a
 * module, else the box of its folder.
 */
export function pathLocator(boxes: readonly ModuleBox[], fileNodes: ReadonlySet<string>): (path: string) => ModuleBox | undefined {
  const files = new Map<string, ModuleBox>()
  for (const box of boxes) {
    if (box.kind === 'file') files.set(box.path, box)
    if (box.kind === 'group') for (const member of box.members) if (fileNodes.has(member)) files.set(member, box)
  }
  const folders = boxLocator(boxes)
  return (path) => files.get(path) ?? folders(fileNodes.has(path) ? parentOf(path) : path)
}

function viewEdges(graph: ModuleGraph, boxes: readonly ModuleBox[], index: FolderIndex): ModuleViewEdge[] {
  const weights = new Map<string, number>()
  const add = (from: ModuleBox | undefined, to: ModuleBox | undefined, weight: number) => {
    if (!from || !to || from === to) return
    const key = `${from.id} ${to.id}`
    weights.set(key, (weights.get(key) ?? 0) + weight)
  }
  // Folders drawn as their files: their imports come file by file, not folder by folder.
  const opened = new Set<string>()
  for (const box of boxes) {
    if (box.kind === 'file') opened.add(parentOf(box.path))
    if (box.kind === 'group') for (const member of box.members) if (index.fileNodes.has(member)) opened.add(parentOf(member))
  }
  const locate = boxLocator(boxes)
  for (const link of graph.links) {
    if (opened.has(link.from) || opened.has(link.to)) continue
    add(locate(link.from), locate(link.to), link.weight)
  }
  if (opened.size) {
    const locatePath = pathLocator(boxes, index.fileNodes)
    const folderOfEnd = (end: string) => (index.fileNodes.has(end) ? parentOf(end) : end)
    for (const link of graph.fileLinks ?? []) {
      if (!opened.has(folderOfEnd(link.from)) && !opened.has(folderOfEnd(link.to))) continue
      add(locatePath(link.from), locatePath(link.to), link.weight)
    }
  }
  return [...weights]
    .map(([key, weight]) => {
      const [from = '', to = ''] = key.split(' ')
      return { from, to, weight }
    })
    .sort((a, b) => b.weight - a.weight || (a.from < b.from ? -1 : 1) || (a.to < b.to ? -1 : 1))
}
