// Version n of one session, different in size and content for every n, so a torn or mixed write
// could never pass for a real version.
import type { JournalSessionRecord } from '../../../shared/models/journal.ts'
import { buildSessionRecord } from '../../unit/electron/services/journal/fixtures/build-session-record.ts'

export function versionedRecord(version: number): JournalSessionRecord {
  const filler = `line ${version} of the reflection. `.repeat(200 + ((version * 7919) % 4000))
  const base = buildSessionRecord()
  return buildSessionRecord({
    reflection: `Version ${version}.\n\n${filler}`,
    effort: { estimateMinutes: version, actualMinutes: version * 2 },
    transcript: [
      ...base.transcript,
      { step: 'reflect', role: 'leader', text: `saved version ${version} ${filler}`, at: '2026-11-24T10:00:00Z' },
    ],
  })
}
