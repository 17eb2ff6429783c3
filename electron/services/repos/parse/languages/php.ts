// PHP: the namespace, `use` imports (grouped ones expanded, aliases kept), require/include of a literal
// path (with or without `__DIR__ .`), classes, interfaces, traits, enums, functions, methods and
// top-level constants, and the class names a file uses: PHP autoloads classes, so a name in the file's
// own namespace is a link without any import.
import type { Node } from 'web-tree-sitter'
import type { LanguageSpec } from '../language-spec.ts'
import { lineOf } from '../language-spec.ts'
import type { ImportKind, ImportRef } from '../parsed-file.ts'

function clause(node: Node, prefix: string, line: number): ImportRef | null {
  const target = node.namedChildren.find((child) => child !== null && (child.type === 'qualified_name' || child.type === 'name'))
  if (target === undefined || target === null) return null
  const alias = node.childForFieldName('alias')
  const name = target.text.replace(/\s+/g, '').replace(/^\\/, '')
  return { specifier: prefix === '' ? name : `${prefix}\\${name}`, line, kind: 'import', ...(alias !== null ? { alias: alias.text } : {}) }
}

function readUse(node: Node): ImportRef[] {
  const line = lineOf(node)
  const group = node.childForFieldName('body')
  if (group !== null) {
    const prefix = node.namedChildren.find((child) => child?.type === 'namespace_name')?.text.replace(/^\\/, '') ?? ''
    return group.namedChildren.flatMap((child) => (child === null ? [] : (clause(child, prefix, line) ?? [])))
  }
  return node.namedChildren.flatMap((child) => (child?.type === 'namespace_use_clause' ? (clause(child, '', line) ?? []) : []))
}

/** `require __DIR__ . '/x.php'` → ./x.php (beside the file); `require 'lib/x.php'` → lib/x.php. */
function readRequire(node: Node): ImportRef[] {
  const strings = node.descendantsOfType('string_content').filter((child): child is Node => child !== null)
  const literal = strings[0]?.text
  if (literal === undefined || strings.length !== 1) return []
  const besideFile = /__DIR__|dirname\s*\(\s*__FILE__\s*\)/.test(node.text)
  const specifier = besideFile ? `./${literal.replace(/^\/+/, '')}` : literal
  return [{ specifier, line: lineOf(node), kind: 'require' }]
}

function readPhpImports(node: Node, kind: ImportKind): ImportRef[] {
  return kind === 'require' ? readRequire(node) : readUse(node)
}

export const phpSpec: LanguageSpec = {
  language: 'php',
  grammar: 'php',
  bodyTypes: ['declaration_list', 'compound_statement', 'enum_declaration_list'],
  readImports: readPhpImports,
  query: `
(namespace_definition name: (namespace_name) @package)
(namespace_use_declaration) @import.import
(require_expression) @import.require
(require_once_expression) @import.require
(include_expression) @import.require
(include_once_expression) @import.require
(class_declaration name: (name) @name) @definition.class
(interface_declaration name: (name) @name) @definition.interface
(trait_declaration name: (name) @name) @definition.class
(enum_declaration name: (name) @name) @definition.enum
(function_definition name: (name) @name) @definition.function
(method_declaration name: (name) @name) @definition.method
(program (const_declaration (const_element (name) @name)) @definition.constant)
(base_clause [(name) (qualified_name)] @supertype)
(class_interface_clause [(name) (qualified_name)] @supertype)
(named_type [(name) (qualified_name)] @reference)
(object_creation_expression [(name) (qualified_name)] @reference)
(scoped_call_expression scope: [(name) (qualified_name)] @reference)
(class_constant_access_expression . [(name) (qualified_name)] @reference)
(use_declaration [(name) (qualified_name)] @reference)
(catch_clause type: (type_list [(named_type (name) @reference)]))
`,
}
