// Maps a file path to the language the code parser reads it as, by extension. Declaration files
// (`.d.ts`) count as TypeScript: they carry the types a reader needs. `.h` is read as C (with the C++
// grammar, which reads both). No grammar Gemba ships reads Swift or Scala, so those are not parsed.
import type { ParseLanguage } from './parsed-file.ts'

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
