// Python: `import a.b`, `from .x import y`, classes and functions (methods when inside a class).
import type { Node } from 'web-tree-sitter'
import type { LanguageSpec } from '../language-spec.ts'
import { lineOf } from '../language-spec.ts'
import type { ImportKind, ImportRef } from '../parsed-file.ts'

function importedName(node: Node): string {
  return node.type === 'aliased_import' ? (node.childForFieldName('name')?.text ?? '') : node.text
}

function readPythonImports(node: Node, kind: ImportKind): ImportRef[] {
  const line = lineOf(node)
  const names = node.childrenForFieldName('name').flatMap((n) => (n === null ? [] : [importedName(n)]))
  if (kind === 'from') {
    const module = node.childForFieldName('module_name')?.text
    if (module === undefined) return []
    const wildcard = node.namedChildren.some((c) => c?.type === 'wildcard_import')
    return [{ specifier: module, line, kind, names, ...(wildcard ? { wildcard } : {}) }]
  }
  return names.filter((n) => n !== '').map((specifier) => ({ specifier, line, kind }))
}

export const pythonSpec: LanguageSpec = {
  language: 'python',
  grammar: 'python',
  bodyTypes: ['block'],
  readImports: readPythonImports,
  refineKind: (node, kind) =>
    kind === 'function' && node.parent?.type === 'block' && node.parent.parent?.type === 'class_definition'
      ? 'method'
      : kind === 'function' &&
          node.parent?.type === 'decorated_definition' &&
          node.parent.parent?.type === 'block' &&
          node.parent.parent.parent?.type === 'class_definition'
        ? 'method'
        : kind,
  query: `
(import_statement) @import.import
(import_from_statement) @import.from
(class_definition name: (identifier) @name body: (block) @body) @definition.class
(function_definition name: (identifier) @name body: (block) @body) @definition.function
(class_definition superclasses: (argument_list [(identifier) @supertype (attribute attribute: (identifier) @supertype)]))
`,
}
