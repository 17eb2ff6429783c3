// What a project is tested with, main language first: from its test files (their imports and names),
// its manifests (test projects included) and its build's test target. Checked on repositories the
// tests build and scan as the app does.
import { describe, expect, it } from 'vitest'
import { scanBuiltRepo } from '../../../../../fixtures/scan-built-repo.ts'

const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n')

describe('the test frameworks a project is tested with', () => {
  it("names Go's testing first for a Go project whose integration suite is Ruby", async () => {
    // Shaped like a Go CLI: Go packages with their _test.go files, `make test`, and a Ruby
    // integration suite with a Gemfile that names minitest.
    const files: Record<string, string> = {
      'go.mod': 'module github.com/acme/tool\n\ngo 1.22\n',
      Makefile: 'BIN := tool\n\ntest: unit\n\nunit:\n\tgo test ./...\n\nintegration:\n\tbundle exec rake test\n',
      Gemfile: "source 'https://rubygems.org'\n\ngroup :test do\n  gem 'minitest'\nend\n",
      'test/integration/cli_test.rb': `require "minitest/autorun"\n\nclass CliTest < Minitest::Test\n${lines(20, (i) => `  def test_${i}; assert true; end`)}\nend\n`,
      'test/integration/help_test.rb':
        'require_relative "test_helper"\n\nclass HelpTest < Minitest::Test\n  def test_help; assert true; end\nend\n',
    }
    for (const pkg of ['config', 'runner', 'report', 'cache']) {
      files[`internal/${pkg}/${pkg}.go`] = `package ${pkg}\n\n${lines(40, (i) => `func F${i}() int { return ${i} }`)}\n`
      files[`internal/${pkg}/${pkg}_test.go`] = `package ${pkg}\n\nimport "testing"\n\nfunc TestF(t *testing.T) { F0() }\n`
    }
    const scan = await scanBuiltRepo(files, { folder: 'tool' })
    expect(scan.project.testCommand).toBe('make test')
    expect(scan.project.testedWith).toEqual(["Go's testing package", 'Minitest'])
  })

  it('reads what a .NET test project and a C++ test suite use', async () => {
    const dotnet = await scanBuiltRepo(
      {
        'src/Acme/Acme.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n',
        'src/Acme/Mediator.cs': `namespace Acme;\npublic class Mediator {\n${lines(30, (i) => `  public int M${i}() => ${i};`)}\n}\n`,
        'tests/Acme.Tests/Acme.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.9.0" /><PackageReference Include="Shouldly" Version="4.2.1" /></ItemGroup></Project>\n',
        'tests/Acme.Tests/MediatorTests.cs':
          'using Xunit;\nnamespace Acme.Tests;\npublic class MediatorTests { [Fact] public void Sends() { } }\n',
      },
      { folder: 'acme' },
    )
    expect(dotnet.project.testedWith).toEqual(['xUnit'])
    const cpp = await scanBuiltRepo(
      {
        'CMakeLists.txt': 'project(acme CXX)\nenable_testing()\nadd_subdirectory(test)\n',
        'src/format.cc': lines(80, (i) => `int f${i}() { return ${i}; }`),
        'test/format-test.cc': '#include <gtest/gtest.h>\n#include "acme/format.h"\nTEST(Format, Works) { EXPECT_EQ(1, 1); }\n',
        'test/os-test.cc': '#include "gtest/gtest.h"\nTEST(Os, Works) { EXPECT_EQ(1, 1); }\n',
        'support/docs.py': 'import unittest\n\nclass T(unittest.TestCase):\n    pass\n',
      },
      { folder: 'acme' },
    )
    expect(cpp.project.testedWith).toEqual(['GoogleTest'])
  })

  it('takes a framework from test files when no manifest declares it, main language first', async () => {
    const scan = await scanBuiltRepo(
      {
        'pyproject.toml': '[project]\nname = "acme"\n',
        'acme/__init__.py': lines(200, (i) => `value_${i} = ${i}`),
        'tests/test_acme.py': 'import pytest\n\ndef test_value():\n    assert True\n',
        'tests/test_more.py': 'def test_more():\n    assert True\n',
        'web/app.test.ts': "import { it } from 'vitest'\nit('works', () => {})\n",
        'web/app.ts': 'export const app = 1\n',
      },
      { folder: 'acme' },
    )
    expect(scan.project.testedWith).toEqual(['pytest', 'Vitest'])
  })
})
