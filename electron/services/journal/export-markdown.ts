// Exports sessions as a folder of Markdown: each session's .md file as it is on disk, its diagram
// as an .svg beside it when the session has one, and an index.md linking them. Reads the journal,
// writes only into the chosen export folder.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'
import type { JournalExportResult } from '../../../shared/models/journal.ts'
import { writeFileAtomic } from '../fs/atomic-write.ts'
import { readSessionFile } from './journal-folder.ts'

export async function exportMarkdown(
  journalFolder: string,
  fileNames: readonly string[],
  target: string,
  signal?: AbortSignal,
): Promise<JournalExportResult> {
  const files: string[] = []
  const lines: string[] = ['# Gemba journal export', '']
  try {
    await mkdir(target, { recursive: true })
    for (const fileName of fileNames) {
      signal?.throwIfAborted()
      const content = await readSessionFile(journalFolder, fileName)
      await writeFileAtomic(join(target, fileName), content.text)
      files.push(fileName)
      const svg = content.sidecar?.diagramSvg
      let diagram = ''
      if (svg) {
        const svgName = fileName.replace(/\.md$/i, '.svg')
        await writeFileAtomic(join(target, svgName), svg)
        files.push(svgName)
        diagram = ` · [diagram](${encodeURI(svgName)})`
      }
      lines.push(`- [${fileName.replace(/\.md$/i, '')}](${encodeURI(fileName)})${diagram}`)
    }
    await writeFileAtomic(join(target, 'index.md'), `${lines.join('\n')}\n`)
    files.push('index.md')
  } catch (error) {
    if (error instanceof GembaError || (error as { name?: string }).name === 'AbortError') throw error
    throw new GembaError(
      {
        code: 'storage',
        message: `The export to ${target} could not be written.`,
        next: 'Choose a folder you can write to, with some free space.',
        details: { folder: target, written: files.length },
      },
      { cause: error },
    )
  }
  return { folder: target, files, sessions: fileNames.length }
}

/** Writes one file (the share summary) into the chosen export folder. */
export async function writeExportFile(target: string, fileName: string, text: string): Promise<JournalExportResult> {
  try {
    await mkdir(target, { recursive: true })
    await writeFileAtomic(join(target, fileName), text)
  } catch (error) {
    throw new GembaError(
      {
        code: 'storage',
        message: `The export to ${target} could not be written.`,
        next: 'Choose a folder you can write to, with some free space.',
        details: { folder: target },
      },
      { cause: error },
    )
  }
  return { folder: target, files: [fileName], sessions: 0 }
}
