import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('Kotlin', () => {
  it('reads package, imports (wildcard, aliased) and classes, objects, functions, aliases', async () => {
    const source = `package com.acme.billing

import com.acme.core.Money
import com.acme.util.*
import kotlinx.coroutines.launch as go

interface Repo<T> {
    fun find(id: String): T?
}

data class Invoice(val id: String, val total: Money) : Entity {
    fun pay(amount: Money): Receipt {
        return Receipt()
    }
}

object Registry { val x = 1 }

fun topLevel(a: Int, b: Int = 2): Int = a + b

typealias Id = String

enum class Color { RED, GREEN }
`
    const result = await parser.parse('kotlin', source)
    expect(result.package).toBe('com.acme.billing')
    expect(result.imports).toEqual([
      { specifier: 'com.acme.core.Money', line: 3, kind: 'import' },
      { specifier: 'com.acme.util', line: 4, kind: 'import', wildcard: true },
      { specifier: 'kotlinx.coroutines.launch', line: 5, kind: 'import' },
    ])
    expect(result.definitions.map((d) => [d.kind, d.name, d.line, d.endLine, d.signature])).toEqual([
      ['interface', 'Repo', 7, 9, 'interface Repo<T>'],
      ['method', 'find', 8, 8, 'fun find(id: String): T?'],
      ['class', 'Invoice', 11, 15, 'data class Invoice(val id: String, val total: Money) : Entity'],
      ['method', 'pay', 12, 14, 'fun pay(amount: Money): Receipt'],
      ['object', 'Registry', 17, 17, 'object Registry'],
      ['function', 'topLevel', 19, 19, 'fun topLevel(a: Int, b: Int = 2): Int'],
      ['type', 'Id', 21, 21, 'typealias Id = String'],
      ['enum', 'Color', 23, 23, 'enum class Color'],
    ])
    expect(result.references).toEqual(expect.arrayContaining(['Entity', 'Money', 'Receipt', 'String']))
  })
})
