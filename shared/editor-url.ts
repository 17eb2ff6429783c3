// The URL that opens a file at a line in the leader's own editor (VS Code's and JetBrains' URL
// schemes). Pure; shared so the renderer's plain link and the desktop's openExternal agree.
import type { EditorKind } from './models/ai.ts'

export function editorUrl(editor: EditorKind, absolutePath: string, line: number | null): string {
  const path = absolutePath.replaceAll('\\', '/')
  const at = line && line > 0 ? line : 1
  if (editor === 'jetbrains') return `idea://open?file=${encodeURIComponent(path)}&line=${at}`
  return `vscode://file${path.startsWith('/') ? '' : '/'}${encodeURI(path)}:${at}`
}
