// Java and Kotlin import statements read from their parsed node: `import static a.b.C.m;`,
// `import a.b.*`, `import a.b.C as D`. Shared because both languages name things the same way.
import type { Node } from 'web-tree-sitter'
import { lineOf } from '../language-spec.ts'
import type { ImportRef } from '../parsed-file.ts'

const NAME_TYPES = new Set(['scoped_identifier', 'identifier', 'qualified_identifier'])

export function readJvmImport(node: Node): ImportRef[] {
  const name = node.namedChildren.find((c) => c !== null && NAME_TYPES.has(c.type))
  if (name === undefined || name === null) return []
  const isStatic = node.children.some((c) => c?.type === 'static')
  const wildcard = node.children.some((c) => c !== null && (c.type === 'asterisk' || c.type === '*' || c.type === '.*'))
  const specifier = name.text.replace(/\s+/g, '')
  return [{ specifier, line: lineOf(node), kind: isStatic ? 'static' : 'import', ...(wildcard ? { wildcard } : {}) }]
}
