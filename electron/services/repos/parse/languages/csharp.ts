// C#: `using` directives (aliases and `using static` included), the namespace (block or file-scoped),
// classes, records, structs, interfaces, enums, delegates, methods and constructors, and the type names
// a file uses: C# reaches types through namespaces, so these names are its real links to other files.
import type { Node } from 'web-tree-sitter'
import type { LanguageSpec } from '../language-spec.ts'
import { lineOf } from '../language-spec.ts'
import type { ImportRef } from '../parsed-file.ts'

const NAME_TYPES = new Set(['identifier', 'qualified_name', 'alias_qualified_name'])

function readUsing(node: Node): ImportRef[] {
  const names = node.namedChildren.filter((child): child is Node => child !== null && NAME_TYPES.has(child.type))
  const alias = node.childForFieldName('name')
  const target = names.filter((child) => child.id !== alias?.id).at(-1)
  if (target === undefined) return []
  const isStatic = node.children.some((child) => child?.type === 'static')
  return [
    {
      specifier: target.text.replace(/\s+/g, '').replace(/^global::/, ''),
      line: lineOf(node),
      kind: isStatic ? 'static' : 'import',
      ...(alias !== null ? { alias: alias.text } : {}),
    },
  ]
}

export const csharpSpec: LanguageSpec = {
  language: 'csharp',
  grammar: 'c-sharp',
  bodyTypes: ['declaration_list', 'block', 'enum_member_declaration_list', 'arrow_expression_clause', 'accessor_list'],
  readImports: (node) => readUsing(node),
  query: `
(file_scoped_namespace_declaration name: (_) @package)
(namespace_declaration name: (_) @package)
(using_directive) @import.import
(class_declaration name: (identifier) @name) @definition.class
(record_declaration name: (identifier) @name) @definition.class
(struct_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum
(delegate_declaration name: (identifier) @name) @definition.type
(method_declaration name: (identifier) @name) @definition.method
(constructor_declaration name: (identifier) @name) @definition.method
(base_list (identifier) @supertype)
(base_list (generic_name (identifier) @supertype))
(invocation_expression function: (member_access_expression name: (identifier) @reference))
(invocation_expression function: (member_access_expression name: (generic_name (identifier) @reference)))
(generic_name (identifier) @reference)
(type_argument_list (identifier) @reference)
(parameter type: (identifier) @reference)
(variable_declaration type: (identifier) @reference)
(property_declaration type: (identifier) @reference)
(method_declaration returns: (identifier) @reference)
(object_creation_expression type: (identifier) @reference)
(member_access_expression expression: (identifier) @reference)
(typeof_expression type: (identifier) @reference)
(attribute name: (identifier) @reference)
(type_parameter_constraint (type (identifier) @reference))
`,
}
