// Sessions on disk: one JSON file per session plus programme.json, in one folder passed in. Every
// write is atomic. A file that cannot be read is moved aside (never deleted) and reported.
import { mkdir, readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { GembaError } from '../../../shared/errors.ts'
import { sessionSchema, type Session, type SessionNotice } from '../../../shared/models/sessions.ts'
import { writeJsonAtomic } from '../fs/atomic-write.ts'
import { EMPTY_PROGRAMME, programmeStateSchema, type ProgrammeState } from './programme.ts'

const PROGRAMME_FILE = 'programme.json'
const SESSION_FILE = /^[a-z0-9-]{8,80}\.json$/

export interface LoadedSessions {
  readonly sessions: Session[]
  /** Replaced in place as the programme changes (the service holds this object for its lifetime). */
  programme: ProgrammeState
  readonly notices: SessionNotice[]
}

export class SessionStore {
  readonly #folder: string
  readonly #now: () => Date

  constructor(folder: string, now: () => Date) {
    this.#folder = folder
    this.#now = now
  }

  async load(): Promise<LoadedSessions> {
    await this.#ensureFolder()
    const notices: SessionNotice[] = []
    const sessions: Session[] = []
    const names = (await readdir(this.#folder)).filter((name) => SESSION_FILE.test(name) && name !== PROGRAMME_FILE).sort()
    for (const name of names) {
      const parsed = await this.#read(name, (raw) => sessionSchema.parse(raw), notices)
      if (parsed && `${parsed.id}.json` === name) sessions.push(parsed)
      else if (parsed) notices.push(await this.#moveAside(name, 'its id does not match its file name'))
    }
    const programme = (await this.#read(PROGRAMME_FILE, (raw) => programmeStateSchema.parse(raw), notices)) ?? EMPTY_PROGRAMME
    sessions.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    return { sessions, programme, notices }
  }

  async saveSession(session: Session): Promise<void> {
    await this.#write(`${session.id}.json`, session)
  }

  async saveProgramme(programme: ProgrammeState): Promise<void> {
    await this.#write(PROGRAMME_FILE, programme)
  }

  async #read<T>(name: string, parse: (raw: unknown) => T, notices: SessionNotice[]): Promise<T | null> {
    let text: string
    try {
      text = await readFile(join(this.#folder, name), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw storageError(`Gemba could not read ${name} in the sessions folder.`, error)
    }
    try {
      return parse(JSON.parse(text))
    } catch {
      notices.push(await this.#moveAside(name, 'it is not a session Gemba can read'))
      return null
    }
  }

  async #moveAside(name: string, why: string): Promise<SessionNotice> {
    const stamp = this.#now().toISOString().replace(/[:.]/g, '-')
    const movedTo = join(this.#folder, 'corrupt', `${name}.${stamp}`)
    await mkdir(join(this.#folder, 'corrupt'), { recursive: true })
    await rename(join(this.#folder, name), movedTo)
    return {
      code: 'session_file_corrupt',
      file: join(this.#folder, name),
      movedTo,
      message: `The session file ${name} was set aside because ${why}. Nothing was deleted: it is in ${movedTo}.`,
    }
  }

  async #write(name: string, value: unknown): Promise<void> {
    try {
      await writeJsonAtomic(join(this.#folder, name), value, { makeFolder: true, mode: 0o600 })
    } catch (error) {
      throw storageError(`Gemba could not save ${name} in ${this.#folder}.`, error)
    }
  }

  async #ensureFolder(): Promise<void> {
    try {
      await mkdir(this.#folder, { recursive: true })
    } catch (error) {
      throw storageError(`Gemba could not create the sessions folder ${this.#folder}.`, error)
    }
  }
}

function storageError(message: string, cause: unknown): GembaError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code
  return new GembaError(
    {
      code: 'storage',
      message: code ? `${message} (${code})` : message,
      next: 'Check that the data folder exists, has free space and that you can write to it.',
    },
    { cause },
  )
}
