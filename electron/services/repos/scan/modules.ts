// The top-level areas of a codebase: workspace packages first, then top folders, split one level down
// where a language convention groups code (src/, lib/, app/, cmd/, internal/, packages/…) or a folder
// is only a chain of single folders (src/main/java/com/acme/…). Pure: works on the file list alone.
import type { FileRecord, ModuleEdge, ModuleInfo } from '../../../../shared/models/repos.ts'
import { isCodeLanguage } from './languages.ts'

const CONTAINERS = new Set([
  'src', 'lib', 'libs', 'app', 'apps', 'cmd', 'internal', 'pkg', 'packages', 'services', 'modules', 'crates',
  'components', 'source', 'electron', 'server', 'client', 'core', 'plugins', 'projects',
])
const TARGET_MODULES = 24

interface Folder {
  files: number
  lines: number
  children: Map<string, Folder>
  direct: number
}

export interface ModuleMap {
  readonly modules: ModuleInfo[]
  /** The module id of a file path (the longest module path that contains it). */
  moduleOf(path: string): string
}

export function findModules(files: readonly FileRecord[], workspaceFolders: readonly string[]): ModuleMap {
  const tree = buildTree(files)
  const roots = new Set<string>(workspaceFolders)
  // Top-level folders that hold no workspace package become modules, split where conventions say so.
  const candidates: string[] = []
  for (const name of tree.children.keys()) {
    if (![...roots].some((root) => root === name || root.startsWith(`${name}/`))) candidates.push(name)
  }
  const collapsed = new Set<string>()
  const collapse = (path: string) => {
    const end = collapseChain(tree, path)
    if (end !== path) collapsed.add(end)
    return end
  }
  const work = candidates.map(collapse)
  for (let round = 0; round < 40 && work.length + roots.size < TARGET_MODULES; round++) {
    work.sort((a, b) => (nodeAt(tree, b)?.files ?? 0) - (nodeAt(tree, a)?.files ?? 0))
    const total = files.length || 1
    const index = work.findIndex((path) => {
      const node = nodeAt(tree, path)
      if (!node || node.children.size < 2) return false
      const last = path.slice(path.lastIndexOf('/') + 1)
      return CONTAINERS.has(last) || node.files / total > 0.25 || collapsed.has(path)
    })
    if (index === -1) break
    const [path] = work.splice(index, 1)
    const node = path === undefined ? undefined : nodeAt(tree, path)
    if (!node || path === undefined) break
    if (node.direct > 0) roots.add(path)
    for (const child of node.children.keys()) work.push(collapse(`${path}/${child}`))
  }
  for (const path of work) roots.add(path)
  const ordered = [...roots].sort((a, b) => b.length - a.length).map((root) => ({ prefix: `${root}/`, id: idOf(root) }))
  const rootId = idOf('.')
  // Asked for every file and both ends of every import edge: remember each folder's answer.
  const byFolder = new Map<string, string>()
  const moduleOf = (path: string) => {
    const folder = path.slice(0, path.lastIndexOf('/') + 1)
    let id = byFolder.get(folder)
    if (id === undefined) {
      id = ordered.find((root) => folder.startsWith(root.prefix))?.id ?? rootId
      byFolder.set(folder, id)
    }
    return id
  }
  const stats = new Map<string, { files: number; lines: number; languages: Map<string, number> }>()
  for (const file of files) {
    const id = moduleOf(file.path)
    const stat = stats.get(id) ?? { files: 0, lines: 0, languages: new Map() }
    stat.files += 1
    stat.lines += file.lines
    if (isCodeLanguage(file.language) && file.language) stat.languages.set(file.language, (stat.languages.get(file.language) ?? 0) + file.lines + 1)
    stats.set(id, stat)
  }
  const workspaceSet = new Set(workspaceFolders)
  const modules: ModuleInfo[] = []
  for (const path of [...roots, '.']) {
    const id = idOf(path)
    const stat = stats.get(id)
    if (!stat) continue
    const language = [...stat.languages].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
    modules.push({
      id,
      name: path === '.' ? '(root)' : path,
      path,
      files: stat.files,
      lines: stat.lines,
      language,
      kind: path === '.' ? 'root' : workspaceSet.has(path) ? 'workspace' : path.includes('/') ? 'convention' : 'folder',
    })
  }
  modules.sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path))
  return { modules, moduleOf }
}

/** Aggregates file-level import edges into weighted module edges (self-edges dropped). */
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
    .sort((a, b) => b.weight - a.weight || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
}

/** A stable id safe for Mermaid and HTML: letters, digits and underscores. */
export function idOf(path: string): string {
  if (path === '.') return 'root'
  return `m_${path.replace(/[^A-Za-z0-9]/g, '_')}`
}

function buildTree(files: readonly FileRecord[]): Folder {
  const root: Folder = { files: 0, lines: 0, children: new Map(), direct: 0 }
  for (const file of files) {
    const parts = file.path.split('/')
    let node = root
    node.files += 1
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i] ?? ''
      let child = node.children.get(name)
      if (!child) {
        child = { files: 0, lines: 0, children: new Map(), direct: 0 }
        node.children.set(name, child)
      }
      child.files += 1
      child.lines += file.lines
      node = child
    }
    node.direct += 1
  }
  return root
}

function nodeAt(tree: Folder, path: string): Folder | undefined {
  let node: Folder | undefined = tree
  for (const part of path.split('/')) node = node?.children.get(part)
  return node
}

/** src/main/java/com/acme → keeps descending while a folder holds one folder and no files. */
function collapseChain(tree: Folder, path: string): string {
  let current = path
  let node = nodeAt(tree, current)
  while (node && node.direct === 0 && node.children.size === 1) {
    const [only] = node.children.keys()
    current = `${current}/${only}`
    node = nodeAt(tree, current)
  }
  return current
}
