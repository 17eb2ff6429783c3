// Ruby: require, require_relative and load calls, `autoload :Name` (and its explicit path); modules,
// classes and methods; the constants a file names, whole (`ActiveRecord::Base`) or bare: Rails and
// Zeitwerk autoload them, so they are often a file's only link to other files.
import type { LanguageSpec } from '../language-spec.ts'

export const rubySpec: LanguageSpec = {
  language: 'ruby',
  grammar: 'ruby',
  bodyTypes: ['body_statement'],
  query: `
(call
  method: (identifier) @_method
  arguments: (argument_list . (string (string_content) @import.require))
  (#any-of? @_method "require" "load"))
(call
  method: (identifier) @_method
  arguments: (argument_list . (string (string_content) @import.require_relative))
  (#eq? @_method "require_relative"))
(call
  method: (identifier) @_method
  arguments: (argument_list . (simple_symbol) @import.autoload)
  (#eq? @_method "autoload"))
(call
  method: (identifier) @_method
  arguments: (argument_list (simple_symbol) . (string (string_content) @import.require))
  (#eq? @_method "autoload"))
(module name: (_) @name) @definition.module
(class name: (_) @name) @definition.class
(method name: (_) @name) @definition.method
(singleton_method name: (_) @name) @definition.method
(constant) @reference
(scope_resolution) @reference
`,
}
