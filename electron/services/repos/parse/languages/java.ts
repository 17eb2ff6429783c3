// Java: package, imports, classes, interfaces, enums, records, methods and constructors.
import type { LanguageSpec } from '../language-spec.ts'
import { readJvmImport } from './jvm-imports.ts'

export const javaSpec: LanguageSpec = {
  language: 'java',
  grammar: 'java',
  bodyTypes: ['class_body', 'interface_body', 'enum_body', 'block', 'constructor_body'],
  readImports: (node) => readJvmImport(node),
  query: `
(package_declaration [(scoped_identifier) (identifier)] @package)
(import_declaration) @import.import
(class_declaration name: (identifier) @name) @definition.class
(record_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.interface
(annotation_type_declaration name: (identifier) @name) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum
(method_declaration name: (identifier) @name) @definition.method
(constructor_declaration name: (identifier) @name) @definition.method
(super_interfaces (type_list [(type_identifier) @supertype (generic_type (type_identifier) @supertype)]))
(superclass [(type_identifier) @supertype (generic_type (type_identifier) @supertype)])
(type_identifier) @reference
(method_invocation object: (identifier) @reference)
`,
}
