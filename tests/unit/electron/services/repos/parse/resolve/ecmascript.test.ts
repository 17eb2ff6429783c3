// TypeScript and JavaScript resolution on a repository shaped like a real library, checked both ways:
// every import the code makes is an edge, and there is no edge where no import exists.
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('TypeScript and JavaScript resolution', () => {
  it('draws a TypeScript library as its imports say: relative paths, index files, .js to .ts, workspace packages', async () => {
    // Shaped like an HTTP client: an entry re-exporting the core, adapters, helpers, a CLI package in
    // the workspace importing the library by name, tests, and a packages it depends on (external).
    const lines = await resolveBuiltRepo(
      {
        'package.json': JSON.stringify({ name: 'fetchr', private: true, workspaces: ['packages/*'] }),
        'packages/fetchr/package.json': JSON.stringify({ name: 'fetchr', main: 'dist/index.js' }),
        'packages/fetchr/src/index.ts': "export { Fetchr } from './core/fetchr.js'\nexport * from './helpers'\n",
        'packages/fetchr/src/core/fetchr.ts':
          "import { dispatch } from './dispatch.js'\nimport type { Config } from '../types'\nimport mergeWith from 'lodash/mergeWith'\nexport class Fetchr { constructor(readonly config: Config) {} get() { return dispatch() } }\n",
        'packages/fetchr/src/core/dispatch.ts':
          "import { httpAdapter } from '../adapters/http'\nexport const dispatch = () => httpAdapter()\n",
        'packages/fetchr/src/adapters/http.ts': "import * as http from 'node:http'\nexport const httpAdapter = () => http\n",
        'packages/fetchr/src/adapters/xhr.ts': 'export const xhrAdapter = () => null\n',
        'packages/fetchr/src/helpers/index.ts': "export { combineUrls } from './combine-urls'\n",
        'packages/fetchr/src/helpers/combine-urls.ts': 'export const combineUrls = (a: string, b: string) => a + b\n',
        'packages/fetchr/src/types.ts': 'export interface Config { baseUrl: string }\n',
        'packages/fetchr/test/fetchr.test.ts': "import { Fetchr } from '../src/index.js'\nimport { describe } from 'vitest'\n",
        'packages/cli/package.json': JSON.stringify({ name: '@fetchr/cli', bin: { fetchr: 'bin/fetchr.js' } }),
        'packages/cli/bin/fetchr.js': "const { Fetchr } = require('fetchr')\nrequire('../lib/args.cjs')\n",
        'packages/cli/lib/args.cjs': 'module.exports = {}\n',
      },
      { importsOnly: true },
    )
    expect(lines).toEqual([
      'packages/cli/bin/fetchr.js -> packages/cli/lib/args.cjs',
      'packages/cli/bin/fetchr.js -> packages/fetchr/src/index.ts',
      'packages/fetchr/src/core/dispatch.ts -> packages/fetchr/src/adapters/http.ts',
      'packages/fetchr/src/core/fetchr.ts -> packages/fetchr/src/core/dispatch.ts',
      'packages/fetchr/src/core/fetchr.ts -> packages/fetchr/src/types.ts',
      'packages/fetchr/src/helpers/index.ts -> packages/fetchr/src/helpers/combine-urls.ts',
      'packages/fetchr/src/index.ts -> packages/fetchr/src/core/fetchr.ts',
      'packages/fetchr/src/index.ts -> packages/fetchr/src/helpers/index.ts',
      'packages/fetchr/test/fetchr.test.ts -> packages/fetchr/src/index.ts',
    ])
  })
})
