// The table of every language the code parser reads, keyed by ParseLanguage.
import type { LanguageSpec } from './language-spec.ts'
import { cppSpec, cSpec } from './languages/c-family.ts'
import { csharpSpec } from './languages/csharp.ts'
import { goSpec } from './languages/go.ts'
import { javaSpec } from './languages/java.ts'
import { javascriptSpec } from './languages/javascript.ts'
import { kotlinSpec } from './languages/kotlin.ts'
import { pythonSpec } from './languages/python.ts'
import { phpSpec } from './languages/php.ts'
import { rubySpec } from './languages/ruby.ts'
import { rustSpec } from './languages/rust.ts'
import { tsxSpec, typescriptSpec } from './languages/typescript.ts'
import type { ParseLanguage } from './parsed-file.ts'

export const LANGUAGE_SPECS: Readonly<Record<ParseLanguage, LanguageSpec>> = {
  typescript: typescriptSpec,
  tsx: tsxSpec,
  javascript: javascriptSpec,
  python: pythonSpec,
  go: goSpec,
  java: javaSpec,
  kotlin: kotlinSpec,
  ruby: rubySpec,
  rust: rustSpec,
  csharp: csharpSpec,
  php: phpSpec,
  c: cSpec,
  cpp: cppSpec,
}
