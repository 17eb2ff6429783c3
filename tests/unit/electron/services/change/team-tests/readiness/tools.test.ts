// The programs a test command runs: what readiness looks for on the PATH before it runs anything.
import { describe, expect, it } from 'vitest'
import { programsOf } from '../../../../../../../electron/services/change/team-tests/readiness/tools.ts'

describe('programsOf', () => {
  it("names the programs, never the shell's own commands", () => {
    expect(programsOf('sleep 60 & echo $! > .sleeper; wait')).toEqual(['sleep'])
    expect(programsOf('read -r x < file; printf "%s" "$x" && pytest -q')).toEqual(['pytest'])
  })

  it('reads a subshell, a group and variables set before the program', () => {
    expect(programsOf('(cd web; make test)')).toEqual(['make'])
    expect(programsOf('{ npm ci; npm test; }')).toEqual(['npm', 'npm'])
    expect(programsOf('CI=1 npm test')).toEqual(['npm'])
  })

  it('takes a cargo subcommand Cargo does not have for a program of its own', () => {
    expect(programsOf('cargo nextest run')).toEqual(['cargo-nextest'])
    expect(programsOf('cargo test --locked')).toEqual(['cargo'])
  })
})
