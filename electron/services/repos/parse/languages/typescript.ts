// TypeScript and TSX: the shared ECMAScript patterns plus types, interfaces, enums, namespaces and
// `import x = require()`. TSX uses the same query against its own grammar.
import type { LanguageSpec } from '../language-spec.ts'
import { ECMASCRIPT_BODIES, ECMASCRIPT_DEFINITIONS, ECMASCRIPT_IMPORTS, ECMASCRIPT_WRAPPERS } from './ecmascript-queries.ts'

const TYPESCRIPT_QUERY = `${ECMASCRIPT_IMPORTS}
${ECMASCRIPT_DEFINITIONS}
(import_require_clause source: (string) @import.require)
(class_declaration name: (type_identifier) @name body: (class_body) @body) @definition.class
(abstract_class_declaration name: (type_identifier) @name body: (class_body) @body) @definition.class
(interface_declaration name: (type_identifier) @name body: (_) @body) @definition.interface
(type_alias_declaration name: (type_identifier) @name) @definition.type
(enum_declaration name: (identifier) @name body: (enum_body) @body) @definition.enum
(internal_module name: (_) @name body: (statement_block) @body) @definition.module
(function_signature name: (identifier) @name) @definition.function
(abstract_method_signature name: (_) @name) @definition.method
(implements_clause [(type_identifier) @supertype (generic_type name: (type_identifier) @supertype)])
(extends_clause value: [(identifier) @supertype (member_expression property: (property_identifier) @supertype)])
(extends_type_clause type: [(type_identifier) @supertype (generic_type name: (type_identifier) @supertype)])
`

const TYPESCRIPT_WRAPPERS = [...ECMASCRIPT_WRAPPERS, 'ambient_declaration', 'expression_statement']

export const typescriptSpec: LanguageSpec = {
  language: 'typescript',
  grammar: 'typescript',
  wrapperTypes: TYPESCRIPT_WRAPPERS,
  bodyTypes: ECMASCRIPT_BODIES,
  query: TYPESCRIPT_QUERY,
}

export const tsxSpec: LanguageSpec = { ...typescriptSpec, language: 'tsx', grammar: 'tsx' }
