// Child process for the crash test: saves versions `from`..`to` of one session through the journal
// service, printing each version number once it is saved. The parent kills it with SIGKILL.
import { JournalService } from '../../../electron/services/journal/journal-service.ts'
import { versionedRecord } from './versioned-record.ts'

const [journalFolder, cacheFolder, pendingFolder, from, to] = process.argv.slice(2)
const service = new JournalService({
  journalFolder: journalFolder ?? '',
  createJournalFolder: true,
  cacheFolder: cacheFolder ?? '',
  pendingFolder: pendingFolder ?? '',
  now: () => new Date('2026-11-30T12:00:00Z'),
})
for (let version = Number(from); version <= Number(to); version += 1) {
  await service.saveSession(versionedRecord(version))
  process.stdout.write(`${version}\n`)
}
