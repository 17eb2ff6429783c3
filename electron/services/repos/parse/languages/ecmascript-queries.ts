// Query patterns shared by JavaScript, TypeScript and TSX: ES imports, CommonJS require, dynamic
// import(), re-exports, and the declarations every dialect has. Strings only; no grammar loading.

export const ECMASCRIPT_IMPORTS = `
(import_statement source: (string) @import.import)
(export_statement source: (string) @import.reexport)
(call_expression
  function: (identifier) @_require
  arguments: (arguments . (string) @import.require)
  (#eq? @_require "require"))
(call_expression
  function: (import)
  arguments: (arguments . (string) @import.dynamic))
`

export const ECMASCRIPT_DEFINITIONS = `
(function_declaration name: (identifier) @name body: (_) @body) @definition.function
(generator_function_declaration name: (identifier) @name body: (_) @body) @definition.function
(class_body (method_definition name: (_) @name body: (_) @body) @definition.method)
(program (lexical_declaration
  (variable_declarator
    name: (identifier) @name
    value: [(arrow_function body: (_) @body) (function_expression body: (_) @body)])) @definition.function)
(program (export_statement (lexical_declaration
  (variable_declarator
    name: (identifier) @name
    value: [(arrow_function body: (_) @body) (function_expression body: (_) @body)])) @definition.function))
`

export const ECMASCRIPT_WRAPPERS = ['export_statement'] as const
export const ECMASCRIPT_BODIES = ['statement_block', 'class_body'] as const
