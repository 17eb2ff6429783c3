import { describe, expect, it } from 'vitest'
import { expandUseTree, lightExtract } from '../../../../../../electron/services/repos/parse/light-extract.ts'

const specs = (file: ReturnType<typeof lightExtract>) => file.imports.map((ref) => `${ref.kind} ${ref.specifier}`)

describe('lightExtract', () => {
  it('reads Ruby requires, autoloads and constant paths, and (for shipped code) its declarations', () => {
    const file = lightExtract(
      'ruby',
      'require "active_support"\nrequire_relative "../x"\nmodule ActiveRecord\n  autoload :Base\n  autoload :Relation, "active_record/relation"\n  class Base < ActiveModel::Model\n    def self.find(id) = ActiveRecord::Core\n  end\nend\n',
      { definitions: true },
    )
    expect(specs(file)).toEqual([
      'require active_support',
      'require_relative ../x',
      'autoload :Base',
      'autoload :Relation',
      'require active_record/relation',
    ])
    expect(file.references).toEqual(expect.arrayContaining(['ActiveModel::Model', 'ActiveRecord::Core', 'ActiveRecord', 'Core']))
    expect(file.definitions.map((d) => [d.kind, d.name, d.line])).toEqual([
      ['module', 'ActiveRecord', 3],
      ['class', 'Base', 6],
      ['method', 'find', 7],
    ])
  })

  it('reads Python imports, multi-line from-imports and wildcards', () => {
    const file = lightExtract(
      'python',
      'import os, fastapi.routing as r\nfrom . import (\n    app,\n    blueprints,\n)\nfrom .x import *\n',
    )
    expect(file.imports.map((ref) => [ref.kind, ref.specifier, ref.names ?? [], ref.wildcard ?? false])).toEqual([
      ['import', 'os', [], false],
      ['import', 'fastapi.routing', [], false],
      ['from', '.', ['app', 'blueprints'], false],
      ['from', '.x', [], true],
    ])
  })

  it('reads ES imports, re-exports, require and dynamic import', () => {
    const file = lightExtract(
      'typescript',
      "import { a } from './a'\nimport './side'\nexport * from './b'\nconst c = require('./c')\nconst d = await import('./d')\n",
    )
    expect(specs(file)).toEqual(['import ./a', 'import ./side', 'reexport ./b', 'require ./c', 'dynamic ./d'])
  })

  it('reads Go import blocks, Java/Kotlin and C# usings, PHP use groups and requires, C includes and Rust use trees', () => {
    expect(specs(lightExtract('go', 'package gin\n\nimport (\n\t"fmt"\n\tb "github.com/x/y/binding"\n)\n'))).toEqual([
      'import fmt',
      'import github.com/x/y/binding',
    ])
    expect(
      lightExtract('java', 'package a.b;\nimport static a.b.C.m;\nimport a.c.*;\n').imports.map((ref) => [
        ref.kind,
        ref.specifier,
        ref.wildcard ?? false,
      ]),
    ).toEqual([
      ['static', 'a.b.C.m', false],
      ['import', 'a.c', true],
    ])
    expect(
      lightExtract('csharp', 'using Xunit;\nusing M = Acme.Mediator;\nnamespace Acme.Tests;\n').imports.map((ref) => [
        ref.specifier,
        ref.alias ?? null,
      ]),
    ).toEqual([
      ['Xunit', null],
      ['Acme.Mediator', 'M'],
    ])
    expect(
      specs(lightExtract('php', "<?php\nnamespace Tests;\nuse Slim\\{App, Route as R};\nrequire __DIR__ . '/bootstrap.php';\n")),
    ).toEqual(['import Slim\\App', 'import Slim\\Route', 'require ./bootstrap.php'])
    expect(lightExtract('c', '#include "a.h"\n#include <b.h>\n').imports.map((ref) => [ref.specifier, ref.system ?? false])).toEqual([
      ['a.h', false],
      ['b.h', true],
    ])
    expect(specs(lightExtract('rust', 'mod common;\nuse grep::{matcher::Matcher, regex::*};\npub use crate::a::B;\n'))).toEqual([
      'mod common',
      'import grep::matcher::Matcher',
      'import grep::regex',
      'reexport crate::a::B',
    ])
  })

  it('expands nested Rust use trees with self and aliases', () => {
    expect(expandUseTree('std::path::{basename, Path as P}')).toEqual([
      { path: 'std::path::basename', wildcard: false },
      { path: 'std::path::Path', wildcard: false },
    ])
    expect(expandUseTree('a::{self, b::{c, d as e}, *}')).toEqual([
      { path: 'a', wildcard: false },
      { path: 'a::b::c', wildcard: false },
      { path: 'a::b::d', wildcard: false },
      { path: 'a', wildcard: true },
    ])
  })
})

describe('languages no grammar reads', () => {
  it('reads Swift, Scala and Elixir declarations line by line, with what their types build on and the names they use', () => {
    const swift = lightExtract(
      'swift',
      'import Foundation\n\nopen class DataRequest: Request, @unchecked Sendable {\n    public func validate() -> Self { self }\n}\n\npublic protocol RequestInterceptor: RequestAdapter {}\n',
      { definitions: true },
    )
    expect(swift.definitions.map((d) => [d.name, d.kind, d.line])).toEqual([
      ['DataRequest', 'class', 3],
      ['validate', 'method', 4],
      ['RequestInterceptor', 'interface', 7],
    ])
    expect(swift.supertypes).toEqual(['Request', 'RequestAdapter'])
    // A nested type of the language's name builds on the language's type, never on a project type of that name.
    const nested = lightExtract('swift', 'public struct URLEncoding {\n    public enum Error: Swift.Error, Sendable {}\n}\n', {
      definitions: true,
    })
    expect(nested.supertypes).toEqual(['Sendable'])
    const scala = lightExtract(
      'scala',
      'package cats\n\ntrait Monad[F[_]] extends FlatMap[F] with Applicative[F] {\n  def map[A, B](fa: F[A])(f: A => B): F[B] = flatMap(fa)(a => pure(f(a)))\n}\n\nobject Monad\n',
      { definitions: true },
    )
    expect(scala.definitions.map((d) => [d.name, d.kind])).toEqual([
      ['Monad', 'interface'],
      ['map', 'method'],
      ['Monad', 'object'],
    ])
    expect(scala.supertypes).toEqual(['Applicative', 'FlatMap'])
    expect(scala.uses?.split(' ')).toEqual(expect.arrayContaining(['FlatMap', 'Applicative', 'flatMap', 'pure']))
    const elixir = lightExtract(
      'elixir',
      'defmodule Phoenix.Router do\n  use Phoenix.Router.Scope\n  @behaviour Plug\n  def call(conn, opts), do: conn\n  defp match(conn), do: conn\nend\n',
      { definitions: true },
    )
    expect(elixir.definitions.map((d) => [d.name, d.kind])).toEqual([
      ['Router', 'module'],
      ['call', 'function'],
    ])
    expect(elixir.supertypes).toEqual(['Plug', 'Scope'])
  })

  it('reads a Scala file’s chained package clauses, package object and imports in every form', () => {
    const scala = lightExtract(
      'scala',
      'package cats\npackage data\n\nimport cats.kernel.{Eq, Order => Ord, _}\nimport scala.collection.mutable, cats.syntax.all._\n' +
        'import cats.implicits.*\nimport cats.instances.given\nimport cats.arrow.FunctionK as FK\n\nobject Chain {\n  import Chain.Wrap\n}\n',
    )
    expect(scala.package).toBe('cats.data')
    expect(scala.imports.map((ref) => [ref.specifier, ref.line, ref.wildcard ?? false])).toEqual([
      ['cats.kernel.Eq', 4, false],
      ['cats.kernel.Order', 4, false],
      ['cats.kernel', 4, true],
      ['scala.collection.mutable', 5, false],
      ['cats.syntax.all', 5, true],
      ['cats.implicits', 6, true],
      ['cats.instances', 7, true],
      ['cats.arrow.FunctionK', 8, false],
      ['Chain.Wrap', 11, false],
    ])
    expect(lightExtract('scala', 'package cats\n\npackage object syntax extends AllSyntax\n').package).toBe('cats.syntax')
  })

  it('keeps tests’ and examples’ declarations out (only the shipped code’s count)', () => {
    expect(lightExtract('scala', 'class FunctorSuite extends Suite\n').definitions).toEqual([])
  })
})
