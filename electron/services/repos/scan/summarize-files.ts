// Totals of a file list: lines and files per language and per top-level folder, and the lines set
// apart from both code and docs (lockfiles, generated, vendored and minified files, pages under docs),
// so that a lockfile never makes a project look like JavaScript. Pure.
import type { FileRecord, FolderStat, LanguageStat, LinesApart } from '../../../../shared/models/repos.ts'
import { lineKindOf } from './languages.ts'

export function summarizeFiles(files: readonly FileRecord[]): {
  languages: LanguageStat[]
  folders: FolderStat[]
  totalLines: number
  linesApart: LinesApart[]
} {
  const languages = new Map<string, { files: number; lines: number }>()
  const folders = new Map<string, { files: number; lines: number }>()
  const apart = new Map<LinesApart['reason'], { files: number; lines: number }>()
  let totalLines = 0
  for (const file of files) {
    totalLines += file.lines
    const kind = lineKindOf(file)
    if (kind !== 'code' && kind !== 'prose') add(apart, kind, file.lines)
    else if (file.language) add(languages, file.language, file.lines)
    const slash = file.path.indexOf('/')
    add(folders, slash === -1 ? '.' : file.path.slice(0, slash), file.lines)
  }
  return {
    languages: [...languages].map(([language, stat]) => ({ language, ...stat })).sort((a, b) => b.lines - a.lines || b.files - a.files),
    folders: [...folders].map(([folder, stat]) => ({ folder, ...stat })).sort((a, b) => b.lines - a.lines || b.files - a.files),
    totalLines,
    linesApart: [...apart].map(([reason, stat]) => ({ reason, ...stat })).sort((a, b) => b.lines - a.lines),
  }
}

function add<K>(map: Map<K, { files: number; lines: number }>, key: K, lines: number): void {
  const stat = map.get(key) ?? { files: 0, lines: 0 }
  stat.files += 1
  stat.lines += lines
  map.set(key, stat)
}
