// Ruby: require, require_relative and load calls; modules, classes and methods; the constants a file
// names (Rails autoloads them, so they are often its only link to other files).
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
(module name: (_) @name) @definition.module
(class name: (_) @name) @definition.class
(method name: (_) @name) @definition.method
(singleton_method name: (_) @name) @definition.method
(constant) @reference
`,
}
