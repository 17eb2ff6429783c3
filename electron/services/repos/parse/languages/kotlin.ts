// Kotlin: package, imports, classes (interfaces and enums among them), objects, functions
// (methods inside a class body) and type aliases.
import type { Node } from 'web-tree-sitter'
import type { LanguageSpec } from '../language-spec.ts'
import type { DefinitionKind } from '../parsed-file.ts'
import { readJvmImport } from './jvm-imports.ts'

function kotlinKind(node: Node, kind: DefinitionKind): DefinitionKind {
  if (node.type === 'class_declaration') {
    if (node.children.some((c) => c?.type === 'interface')) return 'interface'
    if (node.children.some((c) => c?.type === 'enum_class_body')) return 'enum'
    return 'class'
  }
  if (node.type === 'function_declaration' && node.parent?.type === 'class_body') return 'method'
  return kind
}

export const kotlinSpec: LanguageSpec = {
  language: 'kotlin',
  grammar: 'kotlin',
  bodyTypes: ['class_body', 'enum_class_body', 'function_body'],
  readImports: (node) => readJvmImport(node),
  refineKind: kotlinKind,
  query: `
(package_header (qualified_identifier) @package)
(import) @import.import
(class_declaration name: (identifier) @name) @definition.class
(object_declaration name: (identifier) @name) @definition.object
(function_declaration name: (identifier) @name) @definition.function
(type_alias type: (identifier) @name) @definition.type
(delegation_specifier (user_type (identifier) @supertype))
(delegation_specifier (constructor_invocation (user_type (identifier) @supertype)))
(user_type (identifier) @reference)
(call_expression (identifier) @reference)
(navigation_expression . (identifier) @reference)
`,
}
