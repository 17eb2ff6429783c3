import { describe, expect, it } from 'vitest'
import { scoreCode } from '../../../../../../electron/services/repos/scan/code-scores.ts'
import type { GraphSignals } from '../../../../../../electron/services/repos/scan/key-file-graph.ts'

const map = <T>(entries: Record<string, T>) => new Map(Object.entries(entries))

function signals(partial: Partial<GraphSignals>): GraphSignals {
  return {
    place: new Map(),
    relative: new Map(),
    chain: new Map(),
    steps: new Map(),
    uses: new Map(),
    importers: new Map(),
    supportUse: new Map(),
    implements: new Map(),
    bases: new Map(),
    ...partial,
  }
}

describe('scoreCode', () => {
  it('ranks a file many signals place high above one that a single signal places first, and keeps each strong signal’s reason', () => {
    const code = ['src/engine.ts', 'src/changelog-helper.ts', 'src/util.ts']
    const scores = scoreCode({
      code,
      lines: (path) => (path === 'src/engine.ts' ? 900 : 40),
      starts: new Map(),
      signals: signals({
        place: map({ 'src/engine.ts': 1, 'src/util.ts': 2 }),
        relative: map({ 'src/engine.ts': 1, 'src/util.ts': 0.4 }),
        uses: map({ 'src/engine.ts': 12, 'src/util.ts': 1 }),
        importers: map({ 'src/engine.ts': 6, 'src/util.ts': 9 }),
        supportUse: map({ 'src/engine.ts': 14 }),
      }),
      fronts: new Map(),
      churn: map({ 'src/changelog-helper.ts': 90, 'src/engine.ts': 20 }),
      commitsRead: 100,
    })
    const fused = (path: string) => scores.get(path)!.fused
    expect(fused('src/engine.ts')).toBeGreaterThan(fused('src/changelog-helper.ts'))
    expect(fused('src/engine.ts')).toBeGreaterThan(fused('src/util.ts'))
    expect(fused('src/engine.ts')).toBeLessThanOrEqual(1)
    expect(scores.get('src/engine.ts')!.reasons).toEqual(
      expect.arrayContaining(['central in what the code uses (#1)', 'used by 14 tests and examples (public API)', 'imported by 6 files']),
    )
    expect(scores.get('src/changelog-helper.ts')!.reasons).toEqual(['changed in 90 of the last 100 commits'])
  })

  it('lets equal values share a place and gives entry points their own reasons first', () => {
    const scores = scoreCode({
      code: ['a.go', 'b.go'],
      lines: () => 100,
      starts: new Map([['a.go', { weight: 1, reasons: ['main of the a program'] }]]),
      signals: signals({ importers: map({ 'a.go': 4, 'b.go': 4 }) }),
      fronts: new Map(),
      churn: new Map(),
      commitsRead: 0,
    })
    expect(scores.get('a.go')!.reasons[0]).toBe('main of the a program')
    expect(scores.get('a.go')!.fused).toBeGreaterThan(scores.get('b.go')!.fused)
    expect(scores.get('b.go')!.reasons).toEqual(['imported by 4 files'])
  })

  it('counts the users of an interface as users of its main implementation (callers name only the interface), not of a subclass', () => {
    const contract = 'api/ExtensionClient.java'
    const implementation = 'app/ExtensionClientImpl.java'
    const subclass = 'app/JsonExtension.java'
    const nested = 'internal/dns/LookupDnsCall.kt'
    const scores = scoreCode({
      code: [contract, implementation, subclass, nested, 'api/Metadata.java'],
      lines: () => 200,
      starts: new Map(),
      signals: signals({
        importers: map({ [contract]: 40, 'api/Extension.java': 30, 'api/Dns.kt': 45, 'api/Metadata.java': 12 }),
        supportUse: map({ [contract]: 25, 'api/Extension.java': 20, 'api/Metadata.java': 5 }),
        implements: map({
          [implementation]: { from: contract, to: implementation, kind: 'interface' as const, name: 'ExtensionClient' },
          [subclass]: { from: 'api/Extension.java', to: subclass, kind: 'subclass' as const, name: 'Extension' },
          // A Call interface nested in Dns.kt: Dns.kt's users are not its users.
          [nested]: { from: 'api/Dns.kt', to: nested, kind: 'interface' as const, name: 'Call' },
        }),
      }),
      fronts: new Map(),
      churn: new Map(),
      commitsRead: 0,
    })
    expect(scores.get(implementation)!.fused).toBeGreaterThan(scores.get('api/Metadata.java')!.fused)
    expect(scores.get(implementation)!.reasons).toEqual(
      expect.arrayContaining([
        'its interface ExtensionClient is imported by 40 files',
        'its interface ExtensionClient is used by 25 tests and examples (public API)',
      ]),
    )
    expect(scores.get(subclass)!.reasons.join(' ')).not.toMatch(/imported by|tests and examples/)
    expect(scores.get(nested)!.reasons.join(' ')).not.toMatch(/imported by/)
    // A C++ class's users include its header; they use the source file that implements it.
    const cpp = scoreCode({
      code: ['src/planner/planner.cpp', 'src/include/db/planner/planner.hpp', 'src/common/string_util.cpp'],
      lines: () => 400,
      starts: new Map(),
      signals: signals({
        importers: map({ 'src/include/db/planner/planner.hpp': 9, 'src/common/string_util.cpp': 3 }),
        implements: map({
          'src/planner/planner.cpp': {
            from: 'src/include/db/planner/planner.hpp',
            to: 'src/planner/planner.cpp',
            kind: 'header' as const,
            name: 'planner.hpp',
          },
        }),
      }),
      fronts: new Map(),
      churn: new Map(),
      commitsRead: 0,
    })
    expect(cpp.get('src/planner/planner.cpp')!.reasons).toContain('planner.hpp is imported by 9 files')
  })
})
