// What kind of codebase a scan reads a repository as, one principle per test, on repositories the tests
// build and scan the way the app does: the README's own "is a…" first, then programs, packages,
// servers, app manifests and storage-engine code.
import { describe, expect, it } from 'vitest'
import { repoKindOf, selfDescription } from '../../../../../../electron/services/repos/scan/repo-kind.ts'
import { scanBuiltRepo } from '../../../../../fixtures/scan-built-repo.ts'

const json = (value: unknown) => JSON.stringify(value)
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n')
const js = (count: number) => lines(count, (i) => `export const v${i} = ${i}`)
const go = (pkg: string) => `package ${pkg}\n\nfunc Run() {}\n`

describe('repository kind', () => {
  it('takes what the README says the project is, before its shape', async () => {
    // Shaped like a command-line HTTP client written as a Python package with a console script.
    const scan = await scanBuiltRepo({
      'README.md': '# Fetcher\n\nFetcher is a command-line HTTP client. It makes talking to APIs friendly.\n',
      'pyproject.toml': '[project]\nname = "fetcher"\ndependencies = ["requests"]\n[project.scripts]\nfetch = "fetcher.__main__:main"\n',
      'fetcher/__init__.py': 'VERSION = "1"\n',
      'fetcher/__main__.py': 'def main():\n    pass\n',
    })
    expect(repoKindOf(scan)).toEqual({ kind: 'cli', reason: 'its README calls it “a command-line HTTP client”' })
  })

  it('reads a web framework as a library, not a service, when its README calls it a framework', async () => {
    const scan = await scanBuiltRepo({
      'README.md': '# Tiny\n\nTiny is a lightweight web application framework. It depends on a WSGI toolkit.\n',
      'pyproject.toml': '[project]\nname = "tiny"\ndependencies = ["werkzeug", "jinja2"]\n',
      'src/tiny/__init__.py': 'from .app import App\n',
      'src/tiny/app.py': 'class App:\n    pass\n',
    })
    expect(repoKindOf(scan).kind).toBe('library')
  })

  it('reads a database as a storage engine from its README, and from its code when the README is silent', async () => {
    const said = await scanBuiltRepo({
      'README.md': '# Quack\n\nQuack is a high-performance analytical database system.\n',
      'CMakeLists.txt': 'project(quack)\nadd_executable(quack src/main.cpp)\n',
      'src/main.cpp': 'int main() { return 0; }\n',
    })
    expect(repoKindOf(said).kind).toBe('storage-engine')
    const shaped = await scanBuiltRepo({
      'README.md': '# Kv\n\nFast, small and embeddable.\n',
      'go.mod': 'module example.com/kv\n\ngo 1.22\n',
      'wal/wal.go': go('wal'),
      'sstable/reader.go': go('sstable'),
      'memtable/skiplist.go': go('memtable'),
      'btree/node.go': go('btree'),
    })
    expect(repoKindOf(shaped)).toEqual({
      kind: 'storage-engine',
      reason: 'its code has the parts of a storage engine: a write-ahead log, SSTables or an LSM tree, B-trees',
    })
  })

  it('reads a program that runs a web framework as a web service', async () => {
    const scan = await scanBuiltRepo({
      'README.md': '# Billing\n\nInvoices for our customers.\n',
      'go.mod': 'module example.com/billing\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
      'cmd/billing/main.go': 'package main\n\nfunc main() {}\n',
      'internal/invoices/handler.go': go('invoices'),
    })
    expect(repoKindOf(scan)).toEqual({ kind: 'web-service', reason: 'it runs a server built with Gin' })
  })

  it('reads a program built with a command-line library as a command-line tool', async () => {
    const scan = await scanBuiltRepo({
      'README.md': '# Deployer\n\nShips releases.\n',
      'go.mod': 'module example.com/deployer\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n',
      'cmd/deployer/main.go': 'package main\n\nfunc main() {}\n',
      'pkg/release/release.go': go('release'),
    })
    expect(repoKindOf(scan)).toEqual({ kind: 'cli', reason: 'it builds a program (cmd/deployer/main.go) with Cobra' })
  })

  it('names the program called after the project, not a build script beside it', async () => {
    const scan = await scanBuiltRepo(
      {
        'README.md': '# Packer\n\nDependency management for PHP.\n',
        'composer.json': json({ name: 'acme/packer', bin: ['bin/packer'], require: { php: '>=8.1' } }),
        'bin/compile': '#!/usr/bin/env php\n<?php\n',
        'bin/packer': '#!/usr/bin/env php\n<?php\n',
        'src/Packer.php': '<?php\nclass Packer {}\n',
      },
      { folder: 'packer' },
    )
    expect(repoKindOf(scan)).toEqual({ kind: 'cli', reason: 'it builds a program (bin/packer) and publishes no library' })
  })

  it('reads a published package with no program and no server as a library', async () => {
    const scan = await scanBuiltRepo({
      'README.md': '# Gizmo\n\nSmall helpers for dates.\n',
      'Cargo.toml': '[package]\nname = "gizmo"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n',
      'src/lib.rs': 'pub fn gizmo() {}\n',
      'examples/demo/src/main.rs': 'fn main() {}\n',
    })
    expect(repoKindOf(scan)).toEqual({ kind: 'library', reason: 'it publishes a package (Cargo.toml) and runs no server' })
  })

  it('reads a React app with an HTML entry and no server as a web app', async () => {
    const scan = await scanBuiltRepo({
      'README.md': '# Board\n\nOur planning board.\n',
      'package.json': json({
        name: 'board',
        private: true,
        dependencies: { react: '18', 'react-dom': '18' },
        devDependencies: { vite: '5' },
      }),
      'index.html': '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>\n',
      'src/main.tsx': js(5),
    })
    expect(repoKindOf(scan)).toEqual({ kind: 'web-app', reason: 'it is a React app with an HTML entry and no server of its own' })
  })

  it('reads an Android app as a mobile app, but not a library whose only app is its example', async () => {
    const app = await scanBuiltRepo({
      'README.md': '# Rides\n\nBook a ride.\n',
      'settings.gradle': 'include ":app"\n',
      'app/build.gradle': 'plugins { id "com.android.application" }\n',
      'app/src/main/AndroidManifest.xml': '<manifest package="com.example.rides"/>\n',
      'app/src/main/java/com/example/rides/MainActivity.kt': 'class MainActivity\n',
    })
    expect(repoKindOf(app)).toEqual({ kind: 'mobile-app', reason: 'it has a phone app’s AndroidManifest.xml' })
    const library = await scanBuiltRepo({
      'README.md': '# Net\n\nElegant networking in Swift.\n',
      'Package.swift':
        '// swift-tools-version:5.7\nimport PackageDescription\nlet package = Package(name: "Net", products: [.library(name: "Net", targets: ["Net"])])\n',
      'Net.podspec': 'Pod::Spec.new do |s|\n  s.name = "Net"\nend\n',
      'Source/Session.swift': 'public final class Session {}\n',
      'Example/Source/AppDelegate.swift': 'class AppDelegate {}\n',
    })
    expect(repoKindOf(library).kind).toBe('library')
  })

  it('says so when it cannot tell', async () => {
    const scan = await scanBuiltRepo({ 'README.md': '# Notes\n\nThoughts.\n', 'notes/one.md': '# One\n' })
    expect(repoKindOf(scan).kind).toBe('unknown')
  })
})

describe('what a README says the project is', () => {
  it('is the clause after "is a", up to a second statement', () => {
    expect(selfDescription('HTTPie is a command-line HTTP client. Its goal…', null)).toBe('a command-line HTTP client')
    expect(selfDescription('Lobby is a Rails codebase and uses a SQL backend for the database.', null)).toBe('a Rails codebase')
    expect(selfDescription('Prom, a project, is a systems and service monitoring system.', null)).toBe(
      'a systems and service monitoring system',
    )
    expect(selfDescription('Json is a popular high-performance JSON framework for .NET', null)).toBe(
      'a popular high-performance JSON framework for .NET',
    )
    expect(selfDescription('Elegant Networking in Swift', null)).toBe('Elegant Networking in Swift')
  })
})
