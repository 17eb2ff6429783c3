import { describe, expect, it } from 'vitest'
import { entryPoints, projectNameForms, readmeMentions } from '../../../../../../electron/services/repos/scan/entry-points.ts'

type Definitions = Record<string, { name: string; kind: string }[]>
const definitionsOf = (map: Definitions) => (path: string) => map[path]

describe('readmeMentions', () => {
  it('names files by path, by the module an example imports, and by a distinctive identifier; never by one common word', () => {
    const readme = [
      '# shop',
      'See `lib/shop/cart.rb` for the cart.',
      '```python',
      'from shop.checkout import Checkout',
      'client = ShopClient.connect()',
      'Print("done")',
      '```',
    ].join('\n')
    const code = ['lib/shop/cart.rb', 'shop/checkout.py', 'shop/client.py', 'shop/printing.py']
    const found = readmeMentions(
      readme,
      code,
      definitionsOf({
        'shop/client.py': [{ name: 'ShopClient', kind: 'class' }],
        'shop/printing.py': [{ name: 'Print', kind: 'function' }],
      }),
    )
    expect(found.get('lib/shop/cart.rb')).toBe('lib/shop/cart.rb')
    expect(found.get('shop/checkout.py')).toBe('shop.checkout')
    expect(found.get('shop/client.py')).toBe('ShopClient')
    expect(found.has('shop/printing.py')).toBe(false)
  })
})

describe('entryPoints', () => {
  const base = { isMain: () => true, projectNames: [] as string[], readme: null as string | null, declared: [] }

  it('puts the main of the program the README runs above the project’s other programs, and hands a small main on to what it runs', () => {
    const code = ['cmd/gh/main.go', 'cmd/gen-docs/main.go', 'internal/ghcmd/cmd.go']
    const starts = entryPoints({
      ...base,
      code,
      readme: '# GitHub CLI\n\n```sh\ngh pr list\ngh issue create\n```\n',
      projectNames: ['github.com/cli/cli/v2'],
      definitions: definitionsOf({
        'cmd/gh/main.go': [{ name: 'main', kind: 'function' }],
        'cmd/gen-docs/main.go': [{ name: 'main', kind: 'function' }],
      }),
      firstStep: (path) => (path === 'cmd/gh/main.go' ? 'internal/ghcmd/cmd.go' : null),
    })
    expect(starts.get('cmd/gh/main.go')).toEqual({ weight: 1, reasons: ['main of the gh program the README runs'] })
    expect(starts.get('cmd/gen-docs/main.go')!.weight).toBeLessThan(1)
    expect(starts.get('internal/ghcmd/cmd.go')?.reasons).toEqual(['what cmd/gh/main.go runs'])
  })

  it('takes the other mains for the project’s tools once the README says which program is the project’s', () => {
    const definitions = definitionsOf({
      'cmd/traefik/traefik.go': [{ name: 'main', kind: 'function' }],
      'internal/gendoc.go': [{ name: 'main', kind: 'function' }],
      'generate.go': [{ name: 'main', kind: 'function' }],
    })
    const code = ['cmd/traefik/traefik.go', 'internal/gendoc.go', 'generate.go']
    const known = entryPoints({ ...base, code, readme: '# Traefik\n\n```sh\ntraefik --configFile=traefik.yml\n```\n', definitions })
    const unknown = entryPoints({ ...base, code, readme: '# Proxy\n', definitions })
    expect(known.get('cmd/traefik/traefik.go')!.weight).toBe(1)
    expect(known.get('internal/gendoc.go')!.weight).toBeLessThan(unknown.get('internal/gendoc.go')!.weight)
    expect(known.get('generate.go')!.weight).toBeLessThanOrEqual(0.1)
  })

  it('takes the only program in the project’s language for where a reader starts (a web UI’s mains are not the project’s)', () => {
    const starts = entryPoints({
      ...base,
      code: ['application/src/main/java/run/app/Application.java', 'ui/scripts/build.ts', 'ui/src/main.ts'],
      inMainLanguage: (path) => path.endsWith('.java'),
      definitions: definitionsOf({
        'application/src/main/java/run/app/Application.java': [{ name: 'main', kind: 'method' }],
        'ui/scripts/build.ts': [{ name: 'main', kind: 'function' }],
      }),
    })
    expect(starts.get('application/src/main/java/run/app/Application.java')).toEqual({ weight: 1, reasons: ['program entry (main)'] })
    expect(starts.has('ui/scripts/build.ts')).toBe(false)
  })

  it('does not start from a module named after the project that only holds a constant (a version), declaring and loading no code', () => {
    const starts = entryPoints({
      ...base,
      code: ['okhttp/src/main/kotlin/okhttp3/OkHttp.kt', 'lib/sinatra.rb', 'okhttp/src/main/kotlin/okhttp3/OkHttpClient.kt'],
      projectNames: ['OkHttp', 'sinatra'],
      definitions: definitionsOf({ 'okhttp/src/main/kotlin/okhttp3/OkHttp.kt': [{ name: 'OkHttp', kind: 'object' }] }),
      imports: (path) => path === 'lib/sinatra.rb',
    })
    expect(starts.has('okhttp/src/main/kotlin/okhttp3/OkHttp.kt')).toBe(false)
    expect(starts.get('lib/sinatra.rb')?.reasons).toEqual(['the module named after the project'])
  })

  it('finds the module named after the project, in the project’s language only, and never hands a library’s root over', () => {
    const starts = entryPoints({
      ...base,
      code: ['lib/sidekiq.rb', 'lib/sidekiq/job.rb', 'contrib/sidekiq.bash'],
      projectNames: ['sidekiq'],
      inMainLanguage: (path) => path.endsWith('.rb'),
      definitions: () => [],
      firstStep: () => 'lib/sidekiq/job.rb',
    })
    expect(starts.get('lib/sidekiq.rb')?.reasons).toEqual(['the module named after the project'])
    expect(starts.has('contrib/sidekiq.bash')).toBe(false)
    expect(starts.has('lib/sidekiq/job.rb')).toBe(false)
  })
})

describe('projectNameForms', () => {
  it('reads a Go module path, a scoped package and a clone folder as the project’s name', () => {
    expect(projectNameForms(['github.com/cli/cli/v2', '@halo-dev/api-client', 'Newtonsoft.Json', 'owner+uptime-kuma'])).toEqual([
      'cli',
      'apiclient',
      'newtonsoftjson',
      'uptimekuma',
    ])
  })
})
