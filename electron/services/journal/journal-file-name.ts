// Names journal files: `2026-11-24-week-03-payments-api.md`, with `-2`, `-3`… when the name is
// already taken by another session. Never reuses a name that belongs to a different session.
import type { JournalSessionRecord } from '../../../shared/models/journal.ts'
import { slugify } from '../../../shared/slug.ts'

export function baseFileName(record: Pick<JournalSessionRecord, 'date' | 'week' | 'repository'>): string {
  return `${record.date}-week-${String(record.week).padStart(2, '0')}-${slugify(record.repository.name, { maxLength: 60, fallback: 'repository' })}`
}

/**
 * The file name for a session. `taken` holds the names (lower-cased, with .md) already used by
 * other sessions; case-insensitive so two sessions never collide on macOS or Windows either.
 */
export function journalFileName(record: Pick<JournalSessionRecord, 'date' | 'week' | 'repository'>, taken: ReadonlySet<string>): string {
  const base = baseFileName(record)
  let candidate = `${base}.md`
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base}-${n}.md`
  return candidate
}

export function sidecarName(fileName: string): string {
  return fileName.replace(/\.md$/i, '.json')
}

export function isJournalFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !name.startsWith('.')
}
