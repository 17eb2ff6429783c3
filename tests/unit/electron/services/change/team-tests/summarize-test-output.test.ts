// A failed run in short, read from what the common runners really print (outputs captured from node
// --test, vitest, pytest and cargo test runs; go test, RSpec, Jest, Maven and Gradle as they print
// them): the failing tests and the first error, and what stopped a run before any test did.
import { describe, expect, it } from 'vitest'
import { summarizeTestOutput } from '../../../../../../electron/services/change/team-tests/summarize-test-output.ts'

const NODE_SPEC = `✖ spells hello correctly (21.840048ms)
✔ greets by name (0.419902ms)
ℹ tests 2
ℹ pass 1
ℹ fail 1

✖ failing tests:

test at greet.test.js:3:1
✖ spells hello correctly (21.840048ms)
  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
  + actual - expected
`

const NODE_TAP = `TAP version 13
# Subtest: spells hello correctly
not ok 1 - spells hello correctly
  ---
  duration_ms: 2.246575
  failureType: 'testCodeFailure'
  error: |-
    Expected values to be strictly equal:
    + actual - expected
  code: 'ERR_ASSERTION'
  ...
# Subtest: greets by name
ok 2 - greets by name
# fail 1`

const VITEST = ` \u001b[31m❯\u001b[39m greet.test.ts (2 tests | 1 failed) 10ms
   ❯ greet (2)
     × spells hello 7ms
     ✓ works 0ms

⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

 FAIL  greet.test.ts > greet > spells hello
AssertionError: expected 'Helo' to be 'Hello' // Object.is equality

 Test Files  1 failed (1)
      Tests  1 failed | 1 passed (2)`

const PYTEST = `tests/test_greet.py F.                                                   [100%]

=================================== FAILURES ===================================
__________________________________ test_hello __________________________________

    def test_hello():
>       assert "Helo" == "Hello"
E       AssertionError: assert 'Helo' == 'Hello'

tests/test_greet.py:2: AssertionError
=========================== short test summary info ============================
FAILED tests/test_greet.py::test_hello - AssertionError: assert 'Helo' == 'He...
========================= 1 failed, 1 passed in 1.87s ==========================`

const CARGO = `running 2 tests
test tests::ok ... ok
test tests::spells_hello ... FAILED

failures:

---- tests::spells_hello stdout ----

thread 'tests::spells_hello' (16384) panicked at src/lib.rs:4:25:
assertion \`left == right\` failed
  left: "Helo"

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.23s

error: test failed, to rerun pass \`--lib\``

const GO = `--- FAIL: TestGreet (0.00s)
    greet_test.go:9: got "Helo, Ada", want "Hello, Ada"
--- FAIL: TestTrim (0.00s)
    greet_test.go:15: got " Ada", want "Ada"
FAIL
FAIL\texample.com/greet\t0.004s`

const RSPEC = `Failures:

  1) Greeter says hello
     Failure/Error: expect(greet("Ada")).to eq("Hello, Ada")

       expected: "Hello, Ada"
            got: "Helo, Ada"

Finished in 0.01 seconds (files took 0.1 seconds to load)
3 examples, 1 failure

Failed examples:

rspec ./spec/greeter_spec.rb:4 # Greeter says hello`

const JEST = `FAIL src/greet.test.js
  ● greet › spells hello

    expect(received).toBe(expected) // Object.is equality

Tests:       1 failed, 1 passed, 2 total`

const MAVEN = `[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.03 s <<< FAILURE! -- in com.acme.GreeterTest
[ERROR] com.acme.GreeterTest.spellsHello -- Time elapsed: 0.01 s <<< FAILURE!
org.opentest4j.AssertionFailedError: expected: <Hello> but was: <Helo>
[ERROR] Failures:
[ERROR]   GreeterTest.spellsHello:12 expected: <Hello> but was: <Helo>
[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0`

const GRADLE = `GreeterTest > spellsHello() FAILED
    org.opentest4j.AssertionFailedError at GreeterTest.java:12

2 tests completed, 1 failed`

describe('summarizeTestOutput', () => {
  it.each([
    [
      'node --test (spec)',
      NODE_SPEC,
      ['spells hello correctly'],
      /^AssertionError \[ERR_ASSERTION\]: Expected values to be strictly equal/,
      'fail 1',
    ],
    ['node --test (TAP)', NODE_TAP, ['spells hello correctly'], /^Expected values to be strictly equal/, 'fail 1'],
    [
      'vitest',
      VITEST,
      ['greet.test.ts > greet > spells hello'],
      /^AssertionError: expected 'Helo' to be 'Hello'/,
      '1 failed | 1 passed (2)',
    ],
    ['pytest', PYTEST, ['tests/test_greet.py::test_hello'], /^AssertionError: assert 'Helo' == 'Hello'$/, '1 failed, 1 passed in 1.87s'],
    [
      'cargo test',
      CARGO,
      ['tests::spells_hello'],
      /^src\/lib\.rs:4:25: assertion `left == right` failed$/,
      'FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.23s',
    ],
    ['go test', GO, ['TestGreet', 'TestTrim'], /^got "Helo, Ada", want "Hello, Ada"$/, null],
    [
      'rspec',
      RSPEC,
      ['./spec/greeter_spec.rb:4 Greeter says hello'],
      /^expect\(greet\("Ada"\)\)\.to eq\("Hello, Ada"\)$/,
      '3 examples, 1 failure',
    ],
    ['jest', JEST, ['greet › spells hello'], /^expect\(received\)\.toBe\(expected\)/, '1 failed, 1 passed, 2 total'],
    [
      'maven',
      MAVEN,
      ['GreeterTest.spellsHello:12'],
      /AssertionFailedError: expected: <Hello> but was: <Helo>/,
      'Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.03 s <<< FAILURE! -- in com.acme.GreeterTest',
    ],
    ['gradle', GRADLE, ['GreeterTest > spellsHello()'], /AssertionFailedError at GreeterTest\.java:12/, '2 tests completed, 1 failed'],
  ])('%s', (_name, output, failed, firstError, counts) => {
    const summary = summarizeTestOutput(output)
    expect(summary.failed).toEqual(failed)
    expect(summary.firstError).toMatch(firstError)
    if (counts) expect(summary.counts).toBe(counts)
  })

  it('names what stopped the run before any test: TypeScript, a missing command, a missing module', () => {
    expect(
      summarizeTestOutput(
        "> tsc && vitest\n\nerror TS2688: Cannot find type definition file for 'node'.\n  The file is in the program because:",
      ),
    ).toMatchObject({ failed: [], firstError: "TS2688: Cannot find type definition file for 'node'." })
    expect(summarizeTestOutput('sh: 1: vitest: not found\n')).toMatchObject({ failed: [], firstError: 'sh: 1: vitest: not found' })
    expect(
      summarizeTestOutput(
        "node:internal/modules/run_main:123\nError: Cannot find module '/repo/src/trim.js' imported from /repo/test/trim.test.js",
      ),
    ).toMatchObject({ firstError: "Error: Cannot find module '/repo/src/trim.js' imported from /repo/test/trim.test.js" })
    expect(summarizeTestOutput('ImportError while loading conftest\nModuleNotFoundError: No module named httpx\n').firstError).toBe(
      'ModuleNotFoundError: No module named httpx',
    )
  })

  it('says nothing it cannot read', () => {
    expect(summarizeTestOutput('all good\n')).toEqual({ failed: [], firstError: null, counts: null, runner: null })
  })
})
