// The repository's file tree as text for the context: every file when it fits, otherwise summarised
// (folders with file counts, the deepest levels and the longest listings folded) until it fits the
// budget. Pure and deterministic; never reads the disk.

interface Folder {
  readonly name: string
  readonly folders: Map<string, Folder>
  readonly files: string[]
  count: number
}

export interface RenderedTree {
  readonly text: string
  /** False when every file is listed. */
  readonly summarised: boolean
}

function folder(name: string): Folder {
  return { name, folders: new Map(), files: [], count: 0 }
}

function buildTree(paths: readonly string[]): Folder {
  const root = folder('')
  for (const path of paths) {
    const parts = path.split('/')
    let node = root
    node.count++
    for (const part of parts.slice(0, -1)) {
      let child = node.folders.get(part)
      if (!child) node.folders.set(part, (child = folder(part)))
      node = child
      node.count++
    }
    node.files.push(parts.at(-1)!)
  }
  return root
}

interface Shape {
  /** Folders deeper than this are shown as one line with their file count. */
  readonly depth: number
  /** Sub-folders and files listed per folder before the rest are folded into one line. */
  readonly entries: number
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`

function render(node: Folder, shape: Shape, level: number, out: string[]): void {
  const indent = '  '.repeat(level)
  const byName = (a: Folder, b: Folder) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  let folders = [...node.folders.values()].sort(byName)
  if (folders.length > shape.entries) {
    const kept = new Set([...folders].sort((a, b) => b.count - a.count || byName(a, b)).slice(0, shape.entries))
    const hidden = folders.length - kept.size
    const hiddenFiles = folders.filter((f) => !kept.has(f)).reduce((sum, f) => sum + f.count, 0)
    folders = folders.filter((f) => kept.has(f))
    for (const child of folders) renderFolder(child, shape, level, out)
    out.push(`${indent}… ${plural(hidden, 'more folder')} (${plural(hiddenFiles, 'file')})`)
  } else {
    for (const child of folders) renderFolder(child, shape, level, out)
  }
  const files = [...node.files].sort()
  for (const name of files.slice(0, shape.entries)) out.push(`${indent}${name}`)
  if (files.length > shape.entries) out.push(`${indent}… ${plural(files.length - shape.entries, 'more file')}`)
}

function renderFolder(node: Folder, shape: Shape, level: number, out: string[]): void {
  const indent = '  '.repeat(level)
  if (level + 1 >= shape.depth) {
    out.push(`${indent}${node.name}/ (${plural(node.count, 'file')})`)
    return
  }
  out.push(`${indent}${node.name}/`)
  render(node, shape, level + 1, out)
}

const SHAPES: readonly Shape[] = [
  { depth: Infinity, entries: Infinity },
  { depth: Infinity, entries: 60 },
  { depth: 6, entries: 40 },
  { depth: 4, entries: 30 },
  { depth: 3, entries: 20 },
  { depth: 2, entries: 20 },
  { depth: 2, entries: 10 },
  { depth: 1, entries: 10 },
]

/** The tree of `paths` (repository-relative, sorted or not) within `maxChars`, summarised as needed. */
export function renderTree(paths: readonly string[], maxChars: number): RenderedTree {
  const root = buildTree(paths)
  let last = ''
  for (const [index, shape] of SHAPES.entries()) {
    const out: string[] = []
    render(root, shape, 0, out)
    last = out.join('\n')
    if (last.length <= maxChars) return { text: last, summarised: index > 0 }
  }
  // Even the coarsest shape is too long (thousands of top-level folders): cut it at a line.
  const cut = last.slice(0, Math.max(0, maxChars - 40))
  return { text: `${cut.slice(0, cut.lastIndexOf('\n') + 1)}… (tree cut to fit the context budget)`, summarised: true }
}
