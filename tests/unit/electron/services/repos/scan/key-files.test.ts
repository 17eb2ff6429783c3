import { describe, expect, it } from 'vitest'
import type { FileRecord } from '../../../../../../shared/models/repos.ts'
import { rankKeyFiles } from '../../../../../../electron/services/repos/scan/key-files.ts'

const file = (path: string): FileRecord => ({ path, size: 100, language: 'Kotlin', lines: 10, binary: false })

describe('rankKeyFiles', () => {
  it('does not let tests make their helpers look central', () => {
    const tests = Array.from({ length: 30 }, (_, i) => `lib/src/jvmTest/kotlin/T${i}Test.kt`)
    const files = [
      ...tests.map(file),
      file('lib-testing-support/src/main/kotlin/TestUtil.kt'),
      file('lib/src/main/kotlin/Client.kt'),
      file('lib/src/main/kotlin/Call.kt'),
      file('lib/src/main/kotlin/Dns.kt'),
      file('lib/src/main/kotlin/Cache.kt'),
    ]
    const edges = [
      ...tests.map((from) => ({ from, to: 'lib-testing-support/src/main/kotlin/TestUtil.kt' })),
      ...tests.map((from) => ({ from, to: 'lib/src/main/kotlin/Client.kt' })),
      { from: 'lib/src/main/kotlin/Call.kt', to: 'lib/src/main/kotlin/Client.kt' },
      { from: 'lib/src/main/kotlin/Dns.kt', to: 'lib/src/main/kotlin/Client.kt' },
      { from: 'lib/src/main/kotlin/Cache.kt', to: 'lib/src/main/kotlin/Client.kt' },
    ]
    const ranked = rankKeyFiles({ files, edges, churn: new Map(), commitsRead: 0 })
    expect(ranked[0]?.path).toBe('lib/src/main/kotlin/Client.kt')
    expect(ranked[0]?.reasons.join(' ')).toMatch(/imported by 3 files/)
    expect(ranked.map((entry) => entry.path)).not.toContain('lib-testing-support/src/main/kotlin/TestUtil.kt')
  })
})
