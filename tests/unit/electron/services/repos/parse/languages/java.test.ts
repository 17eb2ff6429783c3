import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('Java', () => {
  it('reads package, plain, wildcard and static imports, and declarations without annotations', async () => {
    const source = `package com.acme.billing;

import com.acme.core.Money;
import com.acme.util.*;
import static com.acme.core.Money.of;

@Entity
public class Invoice extends Base implements Payable {
    @Override
    public Receipt pay(Money amount) throws PaymentException {
        return null;
    }
    public Invoice(String id) { }
}

interface Repo<T> { T find(String id); }
enum Status { OPEN, PAID }
record Line(String sku, int qty) {}
`
    const result = await parser.parse('java', source)
    expect(result.package).toBe('com.acme.billing')
    expect(result.imports).toEqual([
      { specifier: 'com.acme.core.Money', line: 3, kind: 'import' },
      { specifier: 'com.acme.util', line: 4, kind: 'import', wildcard: true },
      { specifier: 'com.acme.core.Money.of', line: 5, kind: 'static' },
    ])
    expect(result.definitions.map((d) => [d.kind, d.name, d.line, d.endLine, d.signature])).toEqual([
      ['class', 'Invoice', 7, 14, 'public class Invoice extends Base implements Payable'],
      ['method', 'pay', 9, 12, 'public Receipt pay(Money amount) throws PaymentException'],
      ['method', 'Invoice', 13, 13, 'public Invoice(String id)'],
      ['interface', 'Repo', 16, 16, 'interface Repo<T>'],
      ['method', 'find', 16, 16, 'T find(String id)'],
      ['enum', 'Status', 17, 17, 'enum Status'],
      ['class', 'Line', 18, 18, 'record Line(String sku, int qty)'],
    ])
    expect(result.references).toEqual(expect.arrayContaining(['Base', 'Payable', 'Receipt', 'Money', 'PaymentException']))
  })
})
