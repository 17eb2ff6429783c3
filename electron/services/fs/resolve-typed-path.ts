// Turns a folder the leader typed into the folder they meant: `~` and `~/…` are their home folder, a
// relative path is read from their home folder (never from wherever Gemba was started), and trailing
// slashes or spaces do not make a different folder. Every folder field goes through it (a repository
// to add, an export folder), so `~/exports` means the same everywhere. Pure.
import { isAbsolute, join, resolve } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'

export function resolveTypedPath(typed: string, home: string | undefined): string {
  const text = typed.trim()
  if (text === '~' || text.startsWith('~/') || text.startsWith('~\\')) {
    if (!home) throw noHome(text)
    return resolve(join(home, text.slice(1)))
  }
  if (isAbsolute(text)) return resolve(text)
  if (!home) throw noHome(text)
  return resolve(home, text)
}

function noHome(text: string): GembaError {
  return new GembaError({
    code: 'invalid_input',
    message: `"${text}" is not a full path, and Gemba does not know your home folder here.`,
    next: 'Type the full path of the folder, such as /home/you/code/payments.',
  })
}
