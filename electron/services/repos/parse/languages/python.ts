// Python: `import a.b`, `from .x import y`, modules named by their dotted path in a string, classes and
// functions (methods when inside a class).
import type { Node } from 'web-tree-sitter'
import type { LanguageSpec } from '../language-spec.ts'
import { lineOf } from '../language-spec.ts'
import type { ImportKind, ImportRef } from '../parsed-file.ts'

function importedName(node: Node): string {
  return node.type === 'aliased_import' ? (node.childForFieldName('name')?.text ?? '') : node.text
}

/** A string that is a dotted path (`"hc.settings"`, `"app.wsgi.application"`): a module, or a name in one. */
const DOTTED = /^[rRuU]?(['"])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\1$/

function readPythonImports(node: Node, kind: ImportKind): ImportRef[] {
  const line = lineOf(node)
  if (kind === 'dynamic') {
    // Configuration names the modules it loads by their dotted path (Django's settings module, root
    // URLconf and apps, a WSGI application): a link to the module, or to the module of the named object.
    const dotted = DOTTED.exec(node.text)?.[2]
    if (dotted === undefined) return []
    const cut = dotted.lastIndexOf('.')
    return [{ specifier: dotted.slice(0, cut), line, kind, names: [dotted.slice(cut + 1)] }]
  }
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
((string) @import.dynamic (#match? @import.dynamic "^[rRuU]?['\\"][A-Za-z_][A-Za-z0-9_]*([.][A-Za-z_][A-Za-z0-9_]*)+['\\"]$"))
(class_definition name: (identifier) @name body: (block) @body) @definition.class
(function_definition name: (identifier) @name body: (block) @body) @definition.function
(class_definition superclasses: (argument_list [(identifier) @supertype (attribute attribute: (identifier) @supertype)]))
`,
}
