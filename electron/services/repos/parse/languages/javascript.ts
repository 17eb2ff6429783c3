// JavaScript (and JSX, which the JavaScript grammar parses): imports and declarations.
import type { LanguageSpec } from '../language-spec.ts'
import { ECMASCRIPT_BODIES, ECMASCRIPT_DEFINITIONS, ECMASCRIPT_IMPORTS, ECMASCRIPT_WRAPPERS } from './ecmascript-queries.ts'

export const javascriptSpec: LanguageSpec = {
  language: 'javascript',
  grammar: 'javascript',
  wrapperTypes: ECMASCRIPT_WRAPPERS,
  bodyTypes: ECMASCRIPT_BODIES,
  query: `${ECMASCRIPT_IMPORTS}
${ECMASCRIPT_DEFINITIONS}
(class_declaration name: (identifier) @name body: (class_body) @body) @definition.class
(class_heritage [(identifier) @supertype (member_expression property: (property_identifier) @supertype)])
`,
}
