// Go: import paths, the package name, funcs, methods (with receivers) and type declarations.
import type { Node } from 'web-tree-sitter'
import type { LanguageSpec } from '../language-spec.ts'
import type { DefinitionKind } from '../parsed-file.ts'

function typeKind(node: Node, kind: DefinitionKind): DefinitionKind {
  if (node.type !== 'type_spec' && node.type !== 'type_alias') return kind
  return node.childForFieldName('type')?.type === 'interface_type' ? 'interface' : 'type'
}

/** `type Server struct` rather than the whole field list. */
function typeSignature(node: Node, name: string): string | undefined {
  if (node.type !== 'type_spec' && node.type !== 'type_alias') return undefined
  const type = node.childForFieldName('type')
  if (type === null) return `type ${name}`
  const params = node.childForFieldName('type_parameters')?.text ?? ''
  const alias = node.type === 'type_alias' ? ' =' : ''
  if (type.type === 'struct_type') return `type ${name}${params}${alias} struct`
  if (type.type === 'interface_type') return `type ${name}${params}${alias} interface`
  const firstLine = type.text.split('\n')[0] ?? ''
  return `type ${name}${params}${alias} ${firstLine}`
}

export const goSpec: LanguageSpec = {
  language: 'go',
  grammar: 'go',
  bodyTypes: ['block'],
  refineKind: typeKind,
  signature: typeSignature,
  query: `
(package_clause (package_identifier) @package)
(import_spec path: (_) @import.import)
(function_declaration name: (identifier) @name) @definition.function
(method_declaration name: (field_identifier) @name) @definition.method
(type_spec name: (type_identifier) @name) @definition.type
(type_alias name: (type_identifier) @name) @definition.type
(type_identifier) @reference
(call_expression function: (identifier) @reference)
(selector_expression operand: (identifier) field: (field_identifier) @reference)
`,
}
