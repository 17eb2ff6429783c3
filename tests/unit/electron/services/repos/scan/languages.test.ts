// What a repository is written in: lockfiles, generated, vendored and minified files are not code;
// a header takes the language of the sources around it; "written in" names languages with a real
// share of the code. Checked on repositories the tests build and scan as the app does.
import { describe, expect, it } from 'vitest'
import type { FileRecord } from '../../../../../../shared/models/repos.ts'
import { lineKindOf, settleHeaderLanguages } from '../../../../../../electron/services/repos/scan/languages.ts'
import { buildTour } from '../../../../../../electron/services/repos/tour/tour-markdown.ts'
import { scanBuiltRepo } from '../../../../../fixtures/scan-built-repo.ts'

const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n')
const record = (path: string, language: string | null, size = 100, count = 10): FileRecord => ({
  path,
  language,
  size,
  lines: count,
  binary: false,
})

describe('lineKindOf', () => {
  it('sets lockfiles, generated, vendored and minified files apart, and code under docs', () => {
    expect(lineKindOf(record('package-lock.json', 'JSON'))).toBe('generated')
    expect(lineKindOf(record('pnpm-lock.yaml', 'YAML'))).toBe('generated')
    expect(lineKindOf(record('api/v1/service.pb.go', 'Go'))).toBe('generated')
    expect(lineKindOf(record('vendor/github.com/x/y/y.go', 'Go'))).toBe('vendored')
    expect(lineKindOf(record('web/static/app.min.js', 'JavaScript'))).toBe('generated')
    // A bundle without .min in its name: a few lines thousands of characters long.
    expect(lineKindOf(record('web/static/bundle.js', 'JavaScript', 400_000, 12))).toBe('minified')
    expect(lineKindOf(record('docs/api/index.html', 'HTML', 5000, 200))).toBe('docs')
    expect(lineKindOf(record('src/app.js', 'JavaScript', 4000, 120))).toBe('code')
    expect(lineKindOf(record('README.md', 'Markdown'))).toBe('prose')
  })
})

describe('settleHeaderLanguages', () => {
  it('gives a header the language of the sources beside it, else of the nearest folder above that has some', () => {
    const files = [
      record('include/acme/format.h', 'C'),
      record('src/format.cc', 'C++'),
      record('src/os.cc', 'C++'),
      record('src/os.h', 'C'),
      record('bindings/c/acme_c.h', 'C'),
      record('bindings/c/acme_c.c', 'C'),
      record('third_party/zlib/zlib.h', 'C'),
      record('third_party/zlib/deflate.c', 'C'),
    ]
    expect(Object.fromEntries(settleHeaderLanguages(files).map((file) => [file.path, file.language]))).toMatchObject({
      'include/acme/format.h': 'C++',
      'src/os.h': 'C++',
      'bindings/c/acme_c.h': 'C',
      'third_party/zlib/zlib.h': 'C',
    })
  })
})

describe('what the tour says a project is written in', () => {
  it('leaves lockfiles out of the code and out of a part’s size', async () => {
    // Shaped like a TypeScript library whose lockfiles outweigh its source.
    const lock = JSON.stringify(
      {
        lockfileVersion: 3,
        packages: Object.fromEntries(
          lines(3000, (i) => `p${i}`)
            .split('\n')
            .map((p) => [p, { version: '1.0.0' }]),
        ),
      },
      null,
      2,
    )
    const scan = await scanBuiltRepo(
      {
        'package.json': JSON.stringify({ name: 'acme', main: 'src/index.js' }),
        'package-lock.json': lock,
        'pnpm-lock.yaml': lines(2000, (i) => `  /pkg${i}@1.0.0: {resolution: {integrity: sha512-x}}`),
        'index.js': "module.exports = require('./src/index.js')\n",
        'src/index.js': lines(300, (i) => `export const v${i} = ${i}`),
        'src/util.js': lines(100, (i) => `export const u${i} = ${i}`),
      },
      { folder: 'acme' },
    )
    const tour = buildTour(scan).markdown
    expect(tour).toMatch(/written in JavaScript \(401 lines\), and 1 line of docs, data and config \(JSON\)\./)
    expect(tour).toMatch(/Not counted as code: [\d,]+ lines of lockfiles and generated files\./)
    expect(scan.languages.map((language) => language.language)).not.toContain('YAML')
    const rootFiles = scan.moduleGraph.folders.find((folder) => folder.path === '.')!
    expect(rootFiles.direct.lines).toBeLessThan(50)
  })

  it('sizes a part by what the team writes: a folder of logos and a design file is no large part of the code', async () => {
    const scan = await scanBuiltRepo(
      {
        'pyproject.toml': '[project]\nname = "acme"\n',
        'ext/logo.ai': lines(9000, (i) => `%%AI8_Object ${i} 0 0 1 1`),
        'ext/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1z"/></svg>\n',
        'src/acme/__init__.py': 'from .core import run\n',
        'src/acme/core.py': lines(400, (i) => `def f${i}():\n    return ${i}`),
        'src/acme/util.py': lines(200, (i) => `def u${i}():\n    return ${i}`),
      },
      { folder: 'acme' },
    )
    const ext = scan.moduleGraph.folders.find((folder) => folder.path === 'ext')!
    expect(ext.files).toBe(2)
    expect(ext.lines).toBeLessThan(10)
    expect(scan.modules[0]?.path).not.toBe('ext')
  })

  it('calls a C++ library with .h headers C++, not "C++ and C"', async () => {
    const scan = await scanBuiltRepo(
      {
        'CMakeLists.txt': 'project(acme CXX)\nadd_library(acme src/format.cc)\n',
        'include/acme/format.h': lines(900, (i) => `int f${i}(int x);`),
        'include/acme/base.h': lines(600, (i) => `struct s${i} { int v; };`),
        'src/format.cc': `#include "acme/format.h"\n${lines(500, (i) => `int f${i}(int x) { return x + ${i}; }`)}`,
      },
      { folder: 'acme' },
    )
    expect(buildTour(scan).markdown).toMatch(/written in C\+\+ \(2,001 lines\), with some CMake\./)
    expect(scan.languages.map((language) => language.language)).not.toContain('C')
  })
})
