import { describe, expect, it } from 'vitest'
import { pathRole } from '../../../../../../electron/services/repos/scan/path-roles.ts'

describe('pathRole', () => {
  it('reads roles from folder words, not from a repository’s own names', () => {
    const cases: [string, string][] = [
      ['src/flask/app.py', 'source'],
      ['docs_src/tutorial/main.py', 'docs'],
      ['runtime-tests/deno/index.ts', 'test'],
      ['perf-measures/bundle/index.ts', 'bench'],
      ['benchsuite/runs/README', 'bench'],
      ['examples/hello/main.go', 'example'],
      ['samples/MediatR.Examples/Ping.cs', 'example'],
      ['test/fixtures/app/package.json', 'test'],
      ['spec/support/fixtures/a.json', 'test'],
      ['lib/fixtures/data.json', 'fixture'],
      ['deps/jemalloc/src/arena.c', 'vendored'],
      ['.github/workflows/ci.yml', 'tooling'],
      ['tools/release.rb', 'tooling'],
      ['guides/source/index.md', 'docs'],
      ['javalin/src/test/java/io/javalin/TestApp.java', 'test'],
      ['context_test.go', 'test'],
      ['src/app.spec.ts', 'test'],
      ['yarn.lock', 'generated'],
      ['api/v1/service.pb.go', 'generated'],
      ['packages/testing-library/src/index.ts', 'test'],
    ]
    for (const [path, role] of cases) expect([path, pathRole(path)]).toEqual([path, role])
  })
})
