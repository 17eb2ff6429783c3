// Whether a folder the leader names can hold the journal: a full path to an existing folder Gemba can
// write in, outside the operating system's own folders (judged where the path really leads, so a link
// to /etc or /proc/self is what it leads to). Each refusal is one GembaError with a sentence and a next
// step. Writes nothing but a probe file it removes at once.
import { randomBytes } from 'node:crypto'
import { open, realpath, rm, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'

/** The folders an operating system owns, by platform; a folder inside one is the system's too. */
const SYSTEM_FOLDERS: Readonly<Record<string, readonly string[]>> = {
  posix: [
    '/proc',
    '/sys',
    '/dev',
    '/etc',
    '/bin',
    '/sbin',
    '/lib',
    '/lib32',
    '/lib64',
    '/libx32',
    '/usr',
    '/boot',
    '/run',
    '/snap',
    '/var/lib',
    '/var/log',
    '/var/cache',
    '/var/spool',
    '/var/run',
    '/var/db',
  ],
  darwin: ['/System', '/Library', '/private/etc', '/private/var/db', '/private/var/log', '/cores', '/Volumes/Recovery'],
  win32: ['\\windows', '\\program files', '\\program files (x86)', '\\programdata'],
}

function refused(message: string, next: string): GembaError {
  return new GembaError({ code: 'invalid_input', message, next, details: { field: 'journalFolder' } })
}

const suggestion = () =>
  `Type the full path of an existing folder of your own (for example ${join(homedir(), 'Gemba journal')}), or leave the field empty for the default.`

/** The system folder `real` is or is inside, or null. `real` is an absolute, link-free path. */
export function systemFolderOf(real: string, platform: NodeJS.Platform): string | null {
  if (platform === 'win32') {
    // Drive-relative: C:\Windows\System32 → \windows\system32.
    const path = real
      .replace(/^[A-Za-z]:/, '')
      .replaceAll('/', '\\')
      .toLowerCase()
    if (path === '\\' || path === '') return real
    return SYSTEM_FOLDERS.win32!.find((folder) => path === folder || path.startsWith(`${folder}\\`)) ?? null
  }
  if (real === '/') return '/'
  const folders = platform === 'darwin' ? [...SYSTEM_FOLDERS.posix!, ...SYSTEM_FOLDERS.darwin!] : SYSTEM_FOLDERS.posix!
  return folders.find((folder) => real === folder || real.startsWith(`${folder}/`)) ?? null
}

/** Writes and removes a probe file: the only honest answer to "can Gemba write here". */
async function writeProblem(folder: string): Promise<string | null> {
  const probe = join(folder, `.gemba-write-check-${randomBytes(6).toString('hex')}`)
  try {
    const handle = await open(probe, 'wx', 0o600)
    await handle.close()
    await rm(probe, { force: true })
    return null
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EROFS') return 'it is on a read-only disk'
    if (code === 'EACCES' || code === 'EPERM') return 'you do not have permission to write there'
    return `writing there failed (${code ?? 'unknown error'})`
  }
}

/**
 * Checks `folder` can hold the journal; answers it trimmed. Throws 'invalid_input' (field
 * journalFolder) with a sentence for each refusal: relative, missing, a file, a system folder, not writable.
 */
export async function checkJournalFolder(folder: string, platform: NodeJS.Platform = process.platform): Promise<string> {
  const path = folder.trim()
  // A relative folder would depend on where Gemba was started: refused, not silently resolved.
  if (!isAbsolute(path)) throw refused(`The journal folder must be a full path; "${folder}" is relative.`, suggestion())
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw refused(`There is no folder at ${path}.`, `Create the folder first, or choose an existing one. ${suggestion()}`)
    if (code === 'ENOTDIR') throw refused(`${path} is not a folder: part of the path is a file.`, suggestion())
    throw refused(`Gemba cannot open ${path} (${code ?? 'unknown error'}).`, suggestion())
  }
  const info = await stat(real)
  if (!info.isDirectory())
    throw refused(`${path} is a file, not a folder.`, `Choose the folder it is in, or another folder. ${suggestion()}`)
  const system = systemFolderOf(real, platform)
  if (system) {
    const what = real === system ? 'one of the operating system’s own folders' : `inside the operating system’s own folder ${system}`
    const said = real === path ? `${path} is ${what}` : `${path} leads to ${real}, ${what}`
    throw refused(`${said}; your journal belongs in a folder of your own.`, suggestion())
  }
  const problem = await writeProblem(real)
  if (problem) throw refused(`Gemba cannot write in ${path}: ${problem}.`, `Choose a folder you can write in. ${suggestion()}`)
  return path
}
