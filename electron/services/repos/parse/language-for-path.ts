// Maps a file path to the language the code parser reads it as, by extension. Declaration files
// (`.d.ts`) count as TypeScript: they carry the types a reader needs. `.h` is read as C (with the C++
// grammar, which reads both). No grammar Gemba ships reads Swift, Scala or Elixir: those are read by
// their lines (`lightLanguageFor`).
import type { LightLanguage, ParseLanguage } from './parsed-file.ts'

const BY_EXTENSION: Readonly<Record<string, ParseLanguage>> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.py': 'python',
  '.pyi': 'python',
  '.go': 'go',
  '.java': 'java',
  '.kt': 'kotlin',
  '.kts': 'kotlin',
  '.rb': 'ruby',
  '.rake': 'ruby',
  '.gemspec': 'ruby',
  '.rs': 'rust',
  '.cs': 'csharp',
  '.php': 'php',
  '.c': 'c',
  '.h': 'c',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.cxx': 'cpp',
  '.c++': 'cpp',
  '.hpp': 'cpp',
  '.hh': 'cpp',
  '.hxx': 'cpp',
  '.h++': 'cpp',
  '.ipp': 'cpp',
  '.inl': 'cpp',
  '.tpp': 'cpp',
}

const BY_NAME: Readonly<Record<string, ParseLanguage>> = {
  Rakefile: 'ruby',
  Gemfile: 'ruby',
}

export function languageForPath(path: string): ParseLanguage | null {
  const slash = path.lastIndexOf('/')
  const base = path.slice(slash + 1)
  const byName = BY_NAME[base]
  if (byName !== undefined) return byName
  const dot = base.lastIndexOf('.')
  if (dot <= 0) return null
  return BY_EXTENSION[base.slice(dot).toLowerCase()] ?? null
}

const LIGHT_BY_EXTENSION: Readonly<Record<string, LightLanguage>> = {
  '.swift': 'swift',
  '.scala': 'scala',
  '.sc': 'scala',
  '.ex': 'elixir',
  '.exs': 'elixir',
}

/** The language of a file no grammar reads but the scan reads by its lines (parse/light-extract.ts). */
export function lightLanguageFor(path: string): LightLanguage | null {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? null : (LIGHT_BY_EXTENSION[base.slice(dot).toLowerCase()] ?? null)
}

/** Executables kept without an extension in a `bin/` or `exe/` folder: their first line says what runs them. */
const SCRIPT = /(^|\/)(bin|exe)\/[^/.]+$/

export function mayBeScript(path: string): boolean {
  return SCRIPT.test(path)
}

/** The language of an executable script by its `#!` line (`#!/usr/bin/env ruby`), or null. */
export function scriptLanguage(path: string, text: string): ParseLanguage | null {
  if (!SCRIPT.test(path) || !text.startsWith('#!')) return null
  const line = text.slice(0, text.indexOf('\n') < 0 ? 200 : Math.min(200, text.indexOf('\n')))
  const interpreter = /([A-Za-z]+)[\d.]*(\s|$)/.exec(line.replace(/^#!\s*(\S*\/)?(env\s+(-\S+\s+)*)?/, ''))?.[1] ?? ''
  if (/^(node|nodejs|bun|deno)$/.test(interpreter)) return 'javascript'
  if (/^python$/.test(interpreter)) return 'python'
  if (/^(ruby|jruby)$/.test(interpreter)) return 'ruby'
  if (/^php$/.test(interpreter)) return 'php'
  return null
}
