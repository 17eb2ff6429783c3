// Fails when a module of the app (electron/, renderer/, shared/) reaches itself through its imports,
// type-only imports included: a circle makes two modules one, and the folders stop showing the design.
// Reads the relative imports (the code names each file it imports, extension included) and prints
// every circle with the files in it. Part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const FOLDERS = ['electron', 'renderer', 'shared']
const SOURCE = /\.(ts|tsx)$/
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

function sources(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path)
    return SOURCE.test(entry.name) ? [path] : []
  })
}

/** Comments out of the way, so an example in a comment is not read as an import. */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

const files = FOLDERS.flatMap((folder) => sources(join(root, folder)))
const known = new Set(files)
const graph = new Map(
  files.map((file) => {
    const targets = new Set()
    for (const match of code(readFileSync(file, 'utf8')).matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1] ?? match[2])
      if (known.has(target)) targets.add(target)
    }
    return [file, [...targets]]
  }),
)

// Tarjan's strongly connected components, without recursion (a long import chain must not overflow).
let next = 0
const index = new Map()
const low = new Map()
const stack = []
const onStack = new Set()
const circles = []
for (const start of files) {
  if (index.has(start)) continue
  const work = [[start, 0]]
  index.set(start, next)
  low.set(start, next++)
  stack.push(start)
  onStack.add(start)
  while (work.length > 0) {
    const frame = work[work.length - 1]
    const [node, at] = frame
    const targets = graph.get(node)
    if (at < targets.length) {
      frame[1] += 1
      const target = targets[at]
      if (!index.has(target)) {
        index.set(target, next)
        low.set(target, next++)
        stack.push(target)
        onStack.add(target)
        work.push([target, 0])
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)))
      continue
    }
    work.pop()
    if (work.length > 0) {
      const parent = work[work.length - 1][0]
      low.set(parent, Math.min(low.get(parent), low.get(node)))
    }
    if (low.get(node) !== index.get(node)) continue
    const members = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      members.push(member)
    } while (member !== node)
    if (members.length > 1 || graph.get(node).includes(node)) circles.push(members)
  }
}

if (circles.length === 0) {
  process.stdout.write(`No import circle among ${files.length} modules.\n`)
} else {
  for (const members of circles) {
    process.stderr.write(`Import circle of ${members.length} modules:\n`)
    for (const file of members.sort()) process.stderr.write(`  ${relative(root, file)}\n`)
  }
  process.exit(1)
}
