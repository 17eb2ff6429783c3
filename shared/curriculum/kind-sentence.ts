// The sentence that says which kind of codebase the week's text was chosen for, and why: shown on
// Today and in the hour, built from the same week and kind reading. Pure.
import type { CurriculumWeek } from '../models/curriculum.ts'
import type { RepoKind, RepoKindReading } from '../models/repos.ts'

const KIND_NAMES: Readonly<Record<RepoKind, string>> = {
  'web-service': 'a web service',
  library: 'a library',
  cli: 'a command-line tool',
  'storage-engine': 'a storage engine',
  'web-app': 'a web app',
  'mobile-app': 'a mobile app',
}

export function kindName(kind: RepoKind | 'unknown'): string {
  return kind === 'unknown' ? 'an unknown kind of codebase' : KIND_NAMES[kind]
}

/** `week` is the curriculum's own week (with its variants), `fitted` the one chosen for the kind. */
export function kindSentence(week: CurriculumWeek, fitted: CurriculumWeek, reading: RepoKindReading): string {
  if (reading.kind === 'unknown') {
    return `Gemba could not tell what kind of codebase this is (${reading.reason}), so this week reads as written for a web service.`
  }
  const reads = `This repository reads as ${kindName(reading.kind)} (${reading.reason})`
  if (reading.kind === 'web-service') return `${reads}, the kind this week’s text is written for.`
  if (fitted === week) return `${reads}; this week’s text is the same for every kind of codebase.`
  if (fitted.theme !== week.theme) return `${reads}, so this week is “${fitted.theme}”.`
  return `${reads}, so this week’s prompts are the ones for ${kindName(reading.kind)}.`
}
