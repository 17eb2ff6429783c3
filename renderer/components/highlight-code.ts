// highlight.js on demand: its core is loaded the first time code is shown, and each language the first
// time a file in it is shown (one small chunk per language), so none of it weighs on the first paint.
// A file in no known language is coloured by highlight.js's common set, loaded only for that case.
import type { HLJSApi, LanguageFn } from 'highlight.js'

type LanguageModule = Promise<{ default: LanguageFn }>

const LANGUAGES: Readonly<Record<string, () => LanguageModule>> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  go: () => import('highlight.js/lib/languages/go'),
  graphql: () => import('highlight.js/lib/languages/graphql'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  lua: () => import('highlight.js/lib/languages/lua'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  r: () => import('highlight.js/lib/languages/r'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scala: () => import('highlight.js/lib/languages/scala'),
  scss: () => import('highlight.js/lib/languages/scss'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
}

/** Turns source text into highlight.js HTML (escaped). */
export type Highlight = (code: string) => string

let core: Promise<HLJSApi> | undefined
const registered = new Map<string, Promise<boolean>>()

function loadCore(): Promise<HLJSApi> {
  core ??= import('highlight.js/lib/core').then((module) => module.default)
  return core
}

/** The highlighter for `language` (a name from languageOfPath), or null when it cannot be loaded. */
export async function highlighterFor(language: string | null): Promise<Highlight | null> {
  try {
    if (language === null || !LANGUAGES[language]) {
      const { default: common } = await import('highlight.js/lib/common')
      return (code) => common.highlightAuto(code).value
    }
    const hljs = await loadCore()
    let ready = registered.get(language)
    if (!ready) {
      ready = LANGUAGES[language]().then(({ default: definition }) => (hljs.registerLanguage(language, definition), true))
      registered.set(language, ready)
    }
    await ready
    return (code) => hljs.highlight(code, { language, ignoreIllegals: true }).value
  } catch {
    return null
  }
}
