// Where the leader has been, per box of the module map: how many of the box's files they opened in
// the viewer, were walked through (cited) and changed, over every hour in the repository, and the
// shade that says it (the strongest kind wins: changed, then cited, then read). Pure.
import type { ModuleBox } from '../../../shared/module-view.ts'
import type { PathVisit, RepoVisits } from '../../../shared/models/sessions.ts'
import { plural } from '../../../shared/plural.ts'

export type VisitShade = 'changed' | 'cited' | 'read' | 'none'

export interface BoxVisits {
  readonly read: number
  readonly cited: number
  readonly changed: number
  readonly shade: VisitShade
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.')
const under = (path: string, folder: string) => folder === '.' || path === folder || path.startsWith(`${folder}/`)

/** Whether a repository file is inside the box (a folder and all below it, a folder's own files, one file, a group's members). */
export function boxHolds(box: ModuleBox, path: string): boolean {
  switch (box.kind) {
    case 'folder':
      return under(path, box.path)
    case 'files':
      return parentOf(path) === box.path
    case 'file':
      return path === box.path || box.members.includes(path)
    case 'group':
      return box.members.some((member) => (member.endsWith('/') ? parentOf(path) === member.slice(0, -1) : under(path, member)))
  }
}

export function boxVisits(box: ModuleBox, visits: RepoVisits | null | undefined): BoxVisits {
  const inside: PathVisit[] = visits ? visits.paths.filter((visit) => boxHolds(box, visit.path)) : []
  const read = inside.filter((visit) => visit.read > 0).length
  const cited = inside.filter((visit) => visit.cited > 0).length
  const changed = inside.filter((visit) => visit.changed > 0).length
  const shade: VisitShade = changed > 0 ? 'changed' : cited > 0 ? 'cited' : read > 0 ? 'read' : 'none'
  return { read, cited, changed, shade }
}

/** "You changed 1 file here, were walked through 3 and read 2", or that the leader has not been here. */
export function visitsSentence(visits: BoxVisits): string {
  if (visits.shade === 'none') return 'You have not been here in any hour.'
  const parts = [
    visits.changed ? `changed ${plural(visits.changed, 'file')}` : null,
    visits.cited ? `were walked through ${plural(visits.cited, 'file')}` : null,
    visits.read ? `read ${plural(visits.read, 'file')}` : null,
  ].filter(Boolean)
  const last = parts.pop()
  return `Here you ${parts.length ? `${parts.join(', ')} and ${last}` : last}.`
}
