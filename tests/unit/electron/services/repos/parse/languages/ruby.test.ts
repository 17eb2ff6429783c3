import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('Ruby', () => {
  it('reads require, require_relative and load, modules, classes and methods', async () => {
    const source = `require 'json'
require_relative '../lib/billing/invoice'
load "tasks.rb"
puts 'not an import'

module Billing
  class Invoice < Base
    include Payable
    def pay(amount, currency: :usd)
      amount
    end

    def self.build(*args) = new(*args)
  end
end

class Billing::Admin::Report
end
`
    const result = await parser.parse('ruby', source)
    expect(result.imports).toEqual([
      { specifier: 'json', line: 1, kind: 'require' },
      { specifier: '../lib/billing/invoice', line: 2, kind: 'require_relative' },
      { specifier: 'tasks.rb', line: 3, kind: 'require' },
    ])
    expect(result.definitions.map((d) => [d.kind, d.name, d.line, d.endLine, d.signature])).toEqual([
      ['module', 'Billing', 6, 15, 'module Billing'],
      ['class', 'Invoice', 7, 14, 'class Invoice < Base'],
      ['method', 'pay', 9, 11, 'def pay(amount, currency: :usd)'],
      ['method', 'build', 13, 13, 'def self.build(*args)'],
      ['class', 'Billing::Admin::Report', 17, 18, 'class Billing::Admin::Report'],
    ])
  })
})
