import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../electron/services/repos/parse/code-parser.ts'
import type { ParsedFile } from '../../../../../../electron/services/repos/parse/parsed-file.ts'
import type { ResolveImportsInput } from '../../../../../../electron/services/repos/parse/resolve-imports.ts'
import { resolveImports } from '../../../../../../electron/services/repos/parse/resolve-imports.ts'
import { runBounded } from '../../../../../fixtures/bounded-run.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

/** Parses an in-memory repository and resolves its imports; returns edges as `from -> to` lines. */
async function graph(repo: Record<string, string>, options: Omit<ResolveImportsInput, 'files' | 'parsed'> = {}) {
  const parsed = new Map<string, ParsedFile>()
  for (const [path, source] of Object.entries(repo)) {
    const language = parser.languageFor(path)
    if (language !== null) parsed.set(path, await parser.parse(language, source))
  }
  const result = resolveImports({ files: Object.keys(repo), parsed, ...options })
  return { ...result, lines: result.edges.map((e) => `${e.from} -> ${e.to}`) }
}

describe('TypeScript and JavaScript', () => {
  it('resolves relative paths with extensions, .js to .ts, index files, and drops packages', async () => {
    const result = await graph({
      'src/main.ts': `import { scan } from './scan.js'
import { Ui } from './ui'
import { x } from '../lib/x'
import react from 'react'
import { missing } from './missing.ts'
export * from './models/index.ts'`,
      'src/scan.ts': `import type { Model } from './models'`,
      'src/ui/index.tsx': 'export const Ui = 1',
      'src/models/index.ts': 'export type Model = {}',
      'lib/x.js': `const y = require('./y')`,
      'lib/y.cjs': '',
      'README.md': '# x',
    })
    expect(result.lines).toEqual([
      'lib/x.js -> lib/y.cjs',
      'src/main.ts -> lib/x.js',
      'src/main.ts -> src/models/index.ts',
      'src/main.ts -> src/scan.ts',
      'src/main.ts -> src/ui/index.tsx',
      'src/scan.ts -> src/models/index.ts',
    ])
    expect(result).toMatchObject({ resolved: 6, external: 1, unresolved: 1 })
  })

  it('resolves an import of build output that is not in the repository to the source it is built from', async () => {
    const result = await graph({
      'packages/vite/bin/vite.js': `import('../dist/node/cli.js')`,
      'packages/vite/src/node/cli.ts': 'export const cli = 1',
      'packages/vite/src/node/index.ts': `export * from '../../dist/node/missing.js'`,
    })
    expect(result.lines).toEqual(['packages/vite/bin/vite.js -> packages/vite/src/node/cli.ts'])
  })

  it('follows tsconfig paths and workspace package names, with subpaths', async () => {
    const result = await graph(
      {
        'apps/web/src/page.tsx': `import { Button } from '@acme/ui'
import { fmt } from '@acme/ui/format'
import { cfg } from '@/config'`,
        'apps/web/src/config.ts': '',
        'packages/ui/src/index.ts': '',
        'packages/ui/src/format.ts': '',
      },
      {
        tsPaths: { baseUrl: 'apps/web', paths: { '@/*': ['src/*'] } },
        workspacePackages: [{ name: '@acme/ui', dir: 'packages/ui' }],
      },
    )
    expect(result.lines).toEqual([
      'apps/web/src/page.tsx -> apps/web/src/config.ts',
      'apps/web/src/page.tsx -> packages/ui/src/format.ts',
      'apps/web/src/page.tsx -> packages/ui/src/index.ts',
    ])
  })

  it('ignores bundler queries, maps declaration imports, and finds a package entry built from src/', async () => {
    const result = await graph(
      {
        'web/main.js': `import url from './style.css?url'
import Worker from './work.ts?worker&inline'
import { createServer } from 'vite'`,
        'web/style.css': '',
        'web/work.ts': '',
        'packages/vite/types/hot.d.ts': '',
        'packages/vite/types/importMeta.d.ts': `import type { Hot } from './hot.js'`,
        'packages/vite/src/node/index.ts': '',
      },
      { workspacePackages: [{ name: 'vite', dir: 'packages/vite', entry: 'packages/vite/dist/node/index.js' }] },
    )
    expect(result.lines).toEqual([
      'packages/vite/types/importMeta.d.ts -> packages/vite/types/hot.d.ts',
      'web/main.js -> packages/vite/src/node/index.ts',
      'web/main.js -> web/style.css',
      'web/main.js -> web/work.ts',
    ])
  })
})

describe('Python', () => {
  it('resolves absolute imports in a src/ layout, relative imports, and modules named in from-imports', async () => {
    const result = await graph({
      'src/shop/__init__.py': '',
      'src/shop/app.py': `import os
import shop.models
from shop.services import billing, Invoice
from . import views
from .db import Session`,
      'src/shop/models.py': 'from .db.session import Session',
      'src/shop/views.py': 'from ..outside import x',
      'src/shop/services/__init__.py': 'class Invoice: pass',
      'src/shop/services/billing.py': 'from ..models import User',
      'src/shop/db/__init__.py': '',
      'src/shop/db/session.py': '',
      'tests/test_app.py': 'from shop.app import main',
    })
    expect(result.lines).toEqual([
      'src/shop/app.py -> src/shop/db/__init__.py',
      'src/shop/app.py -> src/shop/models.py',
      'src/shop/app.py -> src/shop/services/billing.py',
      'src/shop/app.py -> src/shop/views.py',
      'src/shop/models.py -> src/shop/db/session.py',
      'src/shop/services/billing.py -> src/shop/models.py',
      'tests/test_app.py -> src/shop/app.py',
    ])
    expect(result.external).toBe(1)
    expect(result.unresolved).toBe(1)
  })
})

describe('Go', () => {
  it('links a file to every non-test file of an imported package of the module', async () => {
    const result = await graph(
      {
        'go.mod': 'module github.com/acme/app',
        'cmd/app/main.go': `package main
import (
  "fmt"
  "github.com/acme/app/internal/store"
  "github.com/acme/app/internal/gone"
)`,
        'internal/store/store.go': 'package store',
        'internal/store/cache.go': 'package store',
        'internal/store/store_test.go': 'package store',
      },
      { goModulePath: 'github.com/acme/app' },
    )
    expect(result.lines).toEqual(['cmd/app/main.go -> internal/store/cache.go', 'cmd/app/main.go -> internal/store/store.go'])
    expect(result).toMatchObject({ external: 1, unresolved: 1 })
  })
})

describe('Java and Kotlin', () => {
  it('resolves classes by package, wildcard imports to the package, static imports to the class, across both languages', async () => {
    const result = await graph({
      'app/src/main/java/com/acme/App.java': `package com.acme;
import com.acme.billing.Invoice;
import com.acme.util.*;
import static com.acme.billing.Money.of;
import java.util.List;`,
      'app/src/main/java/com/acme/billing/Invoice.java': 'package com.acme.billing;\npublic class Invoice {}',
      'app/src/main/java/com/acme/billing/Money.java': 'package com.acme.billing;\npublic class Money {}',
      'app/src/main/kotlin/com/acme/util/Strings.kt': 'package com.acme.util\nfun slug(s: String) = s',
      'app/src/main/kotlin/com/acme/util/Dates.kt': `package com.acme.util
import com.acme.billing.Invoice
import com.acme.util.slug`,
    })
    expect(result.lines).toEqual([
      'app/src/main/java/com/acme/App.java -> app/src/main/java/com/acme/billing/Invoice.java',
      'app/src/main/java/com/acme/App.java -> app/src/main/java/com/acme/billing/Money.java',
      'app/src/main/java/com/acme/App.java -> app/src/main/kotlin/com/acme/util/Dates.kt',
      'app/src/main/java/com/acme/App.java -> app/src/main/kotlin/com/acme/util/Strings.kt',
      'app/src/main/kotlin/com/acme/util/Dates.kt -> app/src/main/java/com/acme/billing/Invoice.java',
      'app/src/main/kotlin/com/acme/util/Dates.kt -> app/src/main/kotlin/com/acme/util/Strings.kt',
    ])
    expect(result.external).toBe(1)
  })

  it('falls back to the source-root layout for a file whose package line is missing', async () => {
    const result = await graph({
      'src/main/java/com/acme/App.java': 'package com.acme;\nimport com.acme.legacy.Old;',
      'src/main/java/com/acme/legacy/Old.java': 'class Old {}',
    })
    expect(result.lines).toEqual(['src/main/java/com/acme/App.java -> src/main/java/com/acme/legacy/Old.java'])
  })
})

describe('Ruby', () => {
  it('resolves require_relative from the file and require against lib/ folders', async () => {
    const result = await graph({
      'lib/billing.rb': `require 'json'
require 'billing/invoice'
require_relative 'billing/tax'
require_relative 'nope'`,
      'lib/billing/invoice.rb': "require_relative './tax'",
      'lib/billing/tax.rb': '',
      'engines/pay/lib/pay.rb': "require 'billing'",
    })
    expect(result.lines).toEqual([
      'engines/pay/lib/pay.rb -> lib/billing.rb',
      'lib/billing.rb -> lib/billing/invoice.rb',
      'lib/billing.rb -> lib/billing/tax.rb',
      'lib/billing/invoice.rb -> lib/billing/tax.rb',
    ])
    expect(result).toMatchObject({ external: 1, unresolved: 1 })
  })
})

describe('same-package use', () => {
  it('links Go, Java and Kotlin files to siblings whose types and functions they use without importing', async () => {
    const result = await graph({
      'store/store.go': 'package store\ntype Store struct{ c *Cache }\nfunc (s *Store) Get() { s.c.get(); newKey() }',
      'store/cache.go': 'package store\ntype Cache struct{}\nfunc (c *Cache) get() {}',
      'store/keys.go': 'package store\nfunc newKey() string { return "" }',
      'other/cache.go': 'package other\ntype Cache struct{}',
      'src/com/acme/Invoice.java': 'package com.acme;\nclass Invoice { Money total; void pay() { Ledger.record(this); } }',
      'src/com/acme/Money.java': 'package com.acme;\nclass Money {}',
      'src/com/acme/Ledger.java': 'package com.acme;\nclass Ledger { static void record(Invoice i) {} }',
      'src/com/acme/Receipt.kt':
        'package com.acme\nclass Receipt(val money: Money) { fun print() = format(money) }\nfun format(m: Money): String = ""',
    })
    expect(result.lines).toEqual([
      'src/com/acme/Invoice.java -> src/com/acme/Ledger.java',
      'src/com/acme/Invoice.java -> src/com/acme/Money.java',
      'src/com/acme/Ledger.java -> src/com/acme/Invoice.java',
      'src/com/acme/Receipt.kt -> src/com/acme/Money.java',
      'store/store.go -> store/cache.go',
      'store/store.go -> store/keys.go',
    ])
    expect(result).toMatchObject({ resolved: 0, external: 0, unresolved: 0 })
  })

  it('links Ruby files through autoloaded constants, but not through names many files declare', async () => {
    const result = await graph({
      'app/models/invoice.rb': 'class Invoice < ApplicationRecord\n  def total = Money.new(0)\nend',
      'app/models/money.rb': 'class Money\nend',
      'app/models/application_record.rb': 'class ApplicationRecord\nend',
      'app/controllers/invoices_controller.rb': 'class InvoicesController\n  def show = Invoice.find(1)\n  rescue Error\nend',
      'lib/a/error.rb': 'module A\n  class Error; end\nend',
      'lib/b/error.rb': 'module B\n  class Error; end\nend',
      'lib/c/error.rb': 'module C\n  class Error; end\nend',
      'lib/d/error.rb': 'module D\n  class Error; end\nend',
    })
    expect(result.lines).toEqual([
      'app/controllers/invoices_controller.rb -> app/models/invoice.rb',
      'app/models/invoice.rb -> app/models/application_record.rb',
      'app/models/invoice.rb -> app/models/money.rb',
    ])
  })

  it('can be turned off', async () => {
    const result = await graph({ 'a/a.go': 'package a\nfunc A() { B() }', 'a/b.go': 'package a\nfunc B() {}' }, { samePackage: false })
    expect(result.edges).toEqual([])
  })
})

describe('edges', () => {
  it('are deduplicated and never point a file at itself', async () => {
    const result = await graph({
      'a.ts': `import './b'\nimport { x } from './b.ts'\nimport { y } from './a'`,
      'b.ts': '',
    })
    expect(result.lines).toEqual(['a.ts -> b.ts'])
  })

  it('ends on random imports in every language: cycles, self-imports, re-exports that point back at each other', async () => {
    const probe = new URL('../../../../../fixtures/graph-properties.ts', import.meta.url)
    const result = await runBounded<{ checked: number; linked: number }>(probe, 'checkResolveImports', [300], 20_000)
    expect(result.checked).toBe(300)
    expect(result.linked).toBeGreaterThan(1000)
  })
})
