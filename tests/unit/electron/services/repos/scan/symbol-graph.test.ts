import { describe, expect, it } from 'vitest'
import { buildSymbolGraph, type SymbolSource } from '../../../../../../electron/services/repos/scan/symbol-graph.ts'

const def = (name: string, kind = 'function') => ({ name, kind })
const graphOf = (sources: Record<string, SymbolSource>, imports?: Record<string, string[]>) =>
  buildSymbolGraph(
    Object.keys(sources),
    (path) => sources[path],
    imports ? new Map(Object.entries(imports).map(([from, to]) => [from, new Set(to)])) : undefined,
  )
const weight = (graph: ReturnType<typeof graphOf>, from: string, to: string) =>
  graph.edges.find((edge) => edge.from === from && edge.to === to)?.weight ?? 0

describe('buildSymbolGraph', () => {
  it('links a file to the files declaring the names it uses, more for a compound name than for a plain word', () => {
    const graph = graphOf({
      'app.py': { definitions: [def('main')], uses: 'load_settings query' },
      'settings.py': { definitions: [def('load_settings')] },
      'db.py': { definitions: [def('query')] },
    })
    expect(weight(graph, 'app.py', 'settings.py')).toBeGreaterThan(5 * weight(graph, 'app.py', 'db.py'))
    expect(weight(graph, 'app.py', 'db.py')).toBeGreaterThan(0)
  })

  it('prefers the declaring file its user can see (imported or beside it) over another thing of the same name', () => {
    const graph = graphOf(
      {
        'api/handler.ts': { definitions: [], uses: 'RequestContext' },
        'api/context.ts': { definitions: [def('RequestContext', 'class')] },
        'legacy/context.ts': { definitions: [def('RequestContext', 'class')] },
      },
      { 'api/handler.ts': ['lib/other.ts'] },
    )
    expect(weight(graph, 'api/handler.ts', 'api/context.ts')).toBeGreaterThan(5 * weight(graph, 'api/handler.ts', 'legacy/context.ts'))
  })

  it('never links Go code to a lowercase name of another package', () => {
    const graph = graphOf({
      'cmd/tool/main.go': { definitions: [def('main')], uses: 'parseFlags ParseConfig' },
      'internal/flags/flags.go': { definitions: [def('parseFlags'), def('ParseConfig')] },
    })
    const edge = graph.edges.find((candidate) => candidate.from === 'cmd/tool/main.go')
    expect(edge?.to).toBe('internal/flags/flags.go')
    // Only ParseConfig links (parseFlags is unexported); compare with a graph where it is the only name.
    const exported = graphOf({
      'cmd/tool/main.go': { definitions: [def('main')], uses: 'ParseConfig' },
      'internal/flags/flags.go': { definitions: [def('parseFlags'), def('ParseConfig')] },
    })
    expect(edge?.weight).toBeCloseTo(weight(exported, 'cmd/tool/main.go', 'internal/flags/flags.go'))
  })

  it('sends a C function’s use to the source file defining it, not the header declaring its prototype, and links header to source', () => {
    const graph = graphOf(
      {
        'src/main.c': { definitions: [def('main')], uses: 'server_start' },
        'src/server.h': { definitions: [def('server_start')] },
        'src/server.c': { definitions: [def('server_start'), def('Server::run')], uses: '' },
      },
      { 'src/main.c': ['src/server.h'] },
    )
    expect(weight(graph, 'src/main.c', 'src/server.c')).toBeGreaterThan(0)
    expect(weight(graph, 'src/main.c', 'src/server.h')).toBe(0)
    expect(graph.implementations).toContainEqual({ from: 'src/server.h', to: 'src/server.c', kind: 'header', name: 'server.h' })
  })

  it('finds an interface’s main implementation by name, and the types other files build on (not their aliases)', () => {
    const graph = graphOf({
      'src/IMediator.cs': { definitions: [def('IMediator', 'interface')] },
      'src/Mediator.cs': { definitions: [def('Mediator', 'class')], supertypes: ['IMediator'] },
      'src/Decorator.cs': { definitions: [def('Decorator', 'class')], supertypes: ['IMediator'] },
      'core/Monad.scala': { definitions: [def('Monad', 'interface')] },
      'core/package.scala': { definitions: [def('Monad', 'type')] },
      ...Object.fromEntries(
        Array.from({ length: 4 }, (_, i) => [
          `core/instances${i}.scala`,
          { definitions: [def(`Instance${i}`, 'object')], supertypes: ['Monad'] },
        ]),
      ),
    })
    expect(graph.implementations).toContainEqual({ from: 'src/IMediator.cs', to: 'src/Mediator.cs', kind: 'interface', name: 'IMediator' })
    expect(graph.implementations.some((link) => link.to === 'src/Decorator.cs')).toBe(false)
    expect(graph.bases.get('core/Monad.scala')).toEqual({ name: 'Monad', count: 4 })
    expect(graph.bases.has('core/package.scala')).toBe(false)
  })

  it('takes a lone implementer of an interface for its implementation, never a lone subclass of a class with code of its own', () => {
    const graph = graphOf({
      'src/store.ts': { definitions: [def('Store', 'interface')] },
      'src/memory.ts': { definitions: [def('MemoryBackend', 'class')], supertypes: ['Store'] },
      'src/models.py': { definitions: [def('PreparedRequest', 'class'), def('prepare', 'method')] },
      'src/_types.py': { definitions: [def('_ValidatedRequest', 'class')], supertypes: ['PreparedRequest'] },
    })
    expect(graph.implementations).toContainEqual({ from: 'src/store.ts', to: 'src/memory.ts', kind: 'interface', name: 'Store' })
    expect(graph.implementations.some((link) => link.from === 'src/models.py')).toBe(false)
  })

  it('finds the interface a class implements among types of the same name: the one it imports, else the file named after it', () => {
    const sources: Record<string, SymbolSource> = {
      'okhttp3/Call.kt': { definitions: [def('Call', 'interface'), def('execute', 'method')] },
      'okhttp3/Dns.kt': { definitions: [def('Dns', 'interface'), def('Call', 'interface')] },
      'okhttp3/internal/RealCall.kt': { definitions: [def('RealCall', 'class')], supertypes: ['Call', 'Cloneable'] },
      'okhttp3/Cache.kt': { definitions: [def('Cache', 'class')] },
      'okhttp3/internal/DiskCache.kt': { definitions: [def('DiskCache', 'class')], supertypes: ['Cache'] },
    }
    const seen = graphOf(sources, { 'okhttp3/internal/RealCall.kt': ['okhttp3/Call.kt'] })
    expect(seen.implementations).toContainEqual({
      from: 'okhttp3/Call.kt',
      to: 'okhttp3/internal/RealCall.kt',
      kind: 'interface',
      name: 'Call',
    })
    expect(seen.implementations.some((link) => link.from === 'okhttp3/Dns.kt')).toBe(false)
    // Nothing imported: the file named after the type declares it. A class built on a class is its subclass.
    const named = graphOf(sources)
    expect(named.implementations).toContainEqual({
      from: 'okhttp3/Call.kt',
      to: 'okhttp3/internal/RealCall.kt',
      kind: 'interface',
      name: 'Call',
    })
    expect(named.implementations).toContainEqual({
      from: 'okhttp3/Cache.kt',
      to: 'okhttp3/internal/DiskCache.kt',
      kind: 'subclass',
      name: 'Cache',
    })
  })

  it('takes an interface that many implementations are named after for a plug-in point, with no main implementation', () => {
    const graph = graphOf({
      'http/Handler.java': { definitions: [def('Handler', 'interface')] },
      'vue/VueHandler.kt': { definitions: [def('VueHandler', 'class')], supertypes: ['Handler'] },
      'http/staticfiles/StaticHandler.kt': { definitions: [def('StaticHandler', 'class')], supertypes: ['Handler'] },
      'websocket/WsHandler.kt': { definitions: [def('WsHandler', 'class')], supertypes: ['Handler'] },
    })
    expect(graph.implementations.filter((link) => link.from === 'http/Handler.java')).toEqual([])
    expect(graph.bases.get('http/Handler.java')).toEqual({ name: 'Handler', count: 3 })
  })

  it('never takes a contract named as one (an interface extending the interface) for its implementation', () => {
    const graph = graphOf({
      'Package/PackageInterface.php': { definitions: [def('PackageInterface', 'interface')] },
      'Package/CompletePackageInterface.php': {
        definitions: [def('CompletePackageInterface', 'interface')],
        supertypes: ['PackageInterface'],
      },
      'Package/BasePackage.php': { definitions: [def('BasePackage', 'class')], supertypes: ['PackageInterface'] },
    })
    expect(graph.implementations.filter((link) => link.from === 'Package/PackageInterface.php').map((link) => link.to)).toEqual([
      'Package/BasePackage.php',
    ])
  })
})
