// Totals of a file list: lines and files per language and per top-level folder. Pure.
import type { FileRecord, FolderStat, LanguageStat } from '../../../../shared/models/repos.ts'

export function summarizeFiles(files: readonly FileRecord[]): {
  languages: LanguageStat[]
  folders: FolderStat[]
  totalLines: number
} {
  const languages = new Map<string, { files: number; lines: number }>()
  const folders = new Map<string, { files: number; lines: number }>()
  let totalLines = 0
  for (const file of files) {
    totalLines += file.lines
    if (file.language) add(languages, file.language, file.lines)
    const slash = file.path.indexOf('/')
    add(folders, slash === -1 ? '.' : file.path.slice(0, slash), file.lines)
  }
  return {
    languages: [...languages].map(([language, stat]) => ({ language, ...stat })).sort((a, b) => b.lines - a.lines || b.files - a.files),
    folders: [...folders].map(([folder, stat]) => ({ folder, ...stat })).sort((a, b) => b.lines - a.lines || b.files - a.files),
    totalLines,
  }
}

function add(map: Map<string, { files: number; lines: number }>, key: string, lines: number): void {
  const stat = map.get(key) ?? { files: 0, lines: 0 }
  stat.files += 1
  stat.lines += lines
  map.set(key, stat)
}
