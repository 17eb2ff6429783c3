// Rust: `mod x;` declarations, `use` trees (expanded to one path each; `pub use` is a re-export),
// `extern crate`, and structs, enums, traits, impls, functions (methods inside impls and traits), type
// aliases, macros, inline modules and constants.
import type { Node } from 'web-tree-sitter'
import type { LanguageSpec } from '../language-spec.ts'
import { lineOf } from '../language-spec.ts'
import type { DefinitionKind, ImportKind, ImportRef } from '../parsed-file.ts'

/** `crate::a::{self, b::C, d as e, f::*}` → crate::a, crate::a::b::C, crate::a::d, crate::a::f (wildcard). */
function expandUse(node: Node, prefix: string, out: { path: string; wildcard: boolean }[]): void {
  switch (node.type) {
    case 'use_as_clause': {
      const path = node.childForFieldName('path')
      if (path !== null) expandUse(path, prefix, out)
      return
    }
    case 'use_wildcard': {
      const path = node.namedChildren.find((child) => child !== null && child.type !== 'use_list')
      out.push({ path: `${prefix}${path?.text.replace(/\s+/g, '') ?? ''}`.replace(/::$/, ''), wildcard: true })
      return
    }
    case 'scoped_use_list': {
      const path = node.childForFieldName('path')
      const list = node.childForFieldName('list')
      const next = path === null ? prefix : `${prefix}${path.text.replace(/\s+/g, '')}::`
      if (list !== null) expandUse(list, next, out)
      return
    }
    case 'use_list':
      for (const child of node.namedChildren) if (child !== null) expandUse(child, prefix, out)
      return
    default: {
      const text = node.text.replace(/\s+/g, '')
      if (text === '') return
      out.push({ path: text === 'self' ? prefix.replace(/::$/, '') : `${prefix}${text}`, wildcard: false })
    }
  }
}

function readRustImports(node: Node, kind: ImportKind): ImportRef[] {
  const line = lineOf(node)
  if (kind === 'mod') return [{ specifier: node.text, line, kind }]
  if (node.type === 'extern_crate_declaration') {
    const name = node.childForFieldName('name')?.text
    return name ? [{ specifier: name, line, kind: 'import' }] : []
  }
  const argument = node.childForFieldName('argument')
  if (argument === null) return []
  const reexport = node.namedChildren.some((child) => child?.type === 'visibility_modifier')
  const paths: { path: string; wildcard: boolean }[] = []
  expandUse(argument, '', paths)
  return paths
    .filter((entry) => entry.path !== '')
    .map((entry) => ({
      specifier: entry.path,
      line,
      kind: reexport ? 'reexport' : 'import',
      ...(entry.wildcard ? { wildcard: true } : {}),
    }))
}

function rustKind(node: Node, kind: DefinitionKind): DefinitionKind {
  if (kind !== 'function') return kind
  const owner = node.parent?.type === 'declaration_list' ? node.parent.parent?.type : undefined
  return owner === 'impl_item' || owner === 'trait_item' ? 'method' : kind
}

/** `impl<T> Handler for Router<T>` rather than the whole block; `macro_rules! name` without its rules. */
function rustSignature(node: Node, name: string): string | undefined {
  if (node.type === 'macro_definition') return `macro_rules! ${name}`
  if (node.type !== 'impl_item') return undefined
  const body = node.childForFieldName('body')
  return body === null ? node.text.split('\n')[0] : node.text.slice(0, body.startIndex - node.startIndex)
}

export const rustSpec: LanguageSpec = {
  language: 'rust',
  grammar: 'rust',
  bodyTypes: ['declaration_list', 'block', 'field_declaration_list', 'enum_variant_list'],
  readImports: readRustImports,
  refineKind: rustKind,
  signature: rustSignature,
  query: `
(mod_item name: (identifier) @import.mod !body)
(use_declaration) @import.import
(extern_crate_declaration) @import.import
(struct_item name: (type_identifier) @name) @definition.class
(union_item name: (type_identifier) @name) @definition.class
(enum_item name: (type_identifier) @name) @definition.enum
(trait_item name: (type_identifier) @name) @definition.interface
(impl_item type: (_) @name) @definition.object
(impl_item trait: [(type_identifier) @supertype (generic_type type: (type_identifier) @supertype) (scoped_type_identifier name: (type_identifier) @supertype)])
(function_item name: (identifier) @name) @definition.function
(function_signature_item name: (identifier) @name) @definition.function
(type_item name: (type_identifier) @name) @definition.type
(macro_definition name: (identifier) @name) @definition.function
(mod_item name: (identifier) @name body: (declaration_list)) @definition.module
(source_file (const_item name: (identifier) @name) @definition.constant)
(source_file (static_item name: (identifier) @name) @definition.constant)
`,
}
