// The exclusion rule for a path the repository guard has resolved: the rule for the name asked for,
// or for what it resolves to through links (`ops/ci-credentials.txt -> ../deploy/.netrc` is withheld
// as the .netrc it is). Every reader asks this, never the name alone. Pure.
import type { Redactor } from './secret-redactor.ts'

export interface ResolvedName {
  readonly relative: string
  readonly realRelative: string
}

export function withheldRule(redactor: Pick<Redactor, 'exclusion'>, path: ResolvedName, content?: string): string | null {
  return (
    redactor.exclusion(path.relative, content) ??
    (path.realRelative !== path.relative ? redactor.exclusion(path.realRelative, content) : null)
  )
}
