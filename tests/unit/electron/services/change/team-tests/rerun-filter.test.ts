// "Rerun the failing tests" by each runner's own filter, appended where the command hands arguments to
// the runner; a runner hidden behind a task runner, or one without a known filter, reruns whole.
import { describe, expect, it } from 'vitest'
import { rerunCommand } from '../../../../../../electron/services/change/team-tests/rerun-filter.ts'
import type { TestSummary } from '../../../../../../shared/models/change.ts'

const failed = (runner: string, names: string[]): TestSummary => ({ failed: names, firstError: null, counts: null, runner })

describe('rerunCommand', () => {
  it('narrows each runner to its failing tests with its own filter', () => {
    expect(rerunCommand('pytest -v tests', failed('pytest', ['tests/test_a.py::test_one']))).toEqual({
      command: 'pytest -v tests --last-failed',
      filtered: true,
    })
    expect(rerunCommand('npm test', failed('vitest', ['src/a.test.ts > greet > says hello (1.0)', 'adds']))).toEqual({
      command: "npm test -- -t '^(?:.* )?(?:says hello \\(1\\.0\\)|adds)$'",
      filtered: true,
    })
    expect(rerunCommand('pnpm test', failed('jest', ['greet › says hello']))).toEqual({
      command: "pnpm test -t '(?:says hello)$'",
      filtered: true,
    })
    expect(rerunCommand('node --test test/', failed('node --test', ["it's flaky"]))).toEqual({
      command: "node --test --test-name-pattern='^(?:it'\\''s flaky)$' test/",
      filtered: true,
    })
    expect(rerunCommand('go test ./...', failed('go test', ['TestParse/empty', 'TestParse/long', 'TestRun']))).toEqual({
      command: "go test ./... -run '^(?:TestParse|TestRun)$'",
      filtered: true,
    })
    expect(rerunCommand('cargo test --all-features', failed('cargo test', ['parse::tests::empty']))).toEqual({
      command: "cargo test --all-features -- --exact 'parse::tests::empty'",
      filtered: true,
    })
    expect(rerunCommand('bundle exec rspec', failed('rspec', ['./spec/a_spec.rb:12']))).toEqual({
      command: "bundle exec rspec './spec/a_spec.rb:12'",
      filtered: true,
    })
  })

  it('reruns the whole command when the runner is hidden or has no known filter; nothing when no test failed by name', () => {
    expect(rerunCommand('make test', failed('pytest', ['tests/test_a.py::test_one']))).toEqual({ command: 'make test', filtered: false })
    expect(rerunCommand('./gradlew test', failed('gradle', ['ParserTest > parsesEmpty()']))).toEqual({
      command: './gradlew test',
      filtered: false,
    })
    expect(rerunCommand('npm test', failed('vitest', []))).toBeNull()
    expect(rerunCommand('npm test', null)).toBeNull()
  })
})
