// The name of the branch a change lands on: gemba/<yyyy-mm-dd>-<slug>, unique among existing branches.
// Pure.
import { slugify as slugText } from '../../../../shared/slug.ts'

/** The slug of a change request, as used in its branch name. */
export function slugify(text: string, maxLength = 40): string {
  return slugText(text, { maxLength, fallback: 'change' })
}

export function gembaBranchName(date: Date, request: string, existing: readonly string[]): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  const base = `gemba/${day}-${slugify(request)}`
  const taken = new Set(existing)
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
