// C and C++ (both read with the C++ grammar): `#include "x.h"` and `#include <x.h>`, functions (their
// definitions and the prototypes headers declare), methods, structs, classes, unions, enums, typedefs
// and namespaces. Macros are left out: they are too many and too small to guide a reader.
import type { Node } from 'web-tree-sitter'
import type { LanguageSpec } from '../language-spec.ts'
import { lineOf, unquote } from '../language-spec.ts'
import type { DefinitionKind, ImportRef, ParseLanguage } from '../parsed-file.ts'

function readInclude(node: Node): ImportRef[] {
  const system = node.type === 'system_lib_string'
  const specifier = system ? node.text.replace(/^<|>$/g, '').trim() : unquote(node.text.trim())
  return specifier === '' ? [] : [{ specifier, line: lineOf(node), kind: 'include', ...(system ? { system } : {}) }]
}

/** A function defined inside a class body is a method. */
function cKind(node: Node, kind: DefinitionKind): DefinitionKind {
  return kind === 'function' && node.parent?.type === 'field_declaration_list' ? 'method' : kind
}

const FUNCTION_NAME = '[(identifier) (field_identifier) (qualified_identifier) (operator_name) (destructor_name)] @name'

const QUERY = `
(preproc_include path: (string_literal) @import.include)
(preproc_include path: (system_lib_string) @import.include)
(function_definition declarator: (function_declarator declarator: ${FUNCTION_NAME})) @definition.function
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: ${FUNCTION_NAME}))) @definition.function
(function_definition declarator: (reference_declarator (function_declarator declarator: ${FUNCTION_NAME}))) @definition.function
(declaration declarator: (function_declarator declarator: (identifier) @name)) @definition.function
(declaration declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))) @definition.function
(field_declaration declarator: (function_declarator declarator: (field_identifier) @name)) @definition.method
(struct_specifier name: (_) @name body: (field_declaration_list)) @definition.class
(class_specifier name: (_) @name body: (field_declaration_list)) @definition.class
(union_specifier name: (_) @name body: (field_declaration_list)) @definition.class
(enum_specifier name: (_) @name body: (enumerator_list)) @definition.enum
(type_definition declarator: (type_identifier) @name) @definition.type
(namespace_definition name: (_) @name) @definition.module
(base_class_clause [(type_identifier) @supertype (qualified_identifier name: (type_identifier) @supertype) (template_type name: (type_identifier) @supertype)])
`

function cFamilySpec(language: ParseLanguage): LanguageSpec {
  return {
    language,
    grammar: 'cpp',
    wrapperTypes: ['template_declaration'],
    bodyTypes: ['compound_statement', 'field_declaration_list', 'enumerator_list', 'declaration_list'],
    readImports: (node) => readInclude(node),
    refineKind: cKind,
    query: QUERY,
  }
}

export const cSpec = cFamilySpec('c')
export const cppSpec = cFamilySpec('cpp')
