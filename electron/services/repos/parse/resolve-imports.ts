// Turns parsed import specifiers into file-to-file edges inside one repository, for every language the
// code parser reads. Imports that reach no repository file are dropped and counted, never guessed.
import type { ParsedFile } from './parsed-file.ts'
import type { TsPaths, WorkspacePackage } from './resolve/ecmascript.ts'
import { createEcmascriptResolver } from './resolve/ecmascript.ts'
import { buildFileIndex } from './resolve/file-index.ts'
import type { GoModule } from './resolve/go.ts'
import { createGoResolver } from './resolve/go.ts'
import { createJvmResolver } from './resolve/jvm.ts'
import { createPythonResolver, pythonRoots } from './resolve/python.ts'
import type { ResolvedImport } from './resolve/resolved-import.ts'
import { createRubyResolver, rubyLoadPaths } from './resolve/ruby.ts'
import { samePackagePairs } from './resolve/same-package.ts'

export type { GoModule, TsPaths, WorkspacePackage }

export interface FileEdge {
  readonly from: string
  readonly to: string
}

export interface ResolveImportsInput {
  /** Every repository file, relative to the root, `/`-separated. */
  readonly files: readonly string[]
  /** Parse results keyed by the same paths. */
  readonly parsed: ReadonlyMap<string, ParsedFile>
  /** The root go.mod's module path (shorthand for `goModules: [{ path, dir: '' }]`). */
  readonly goModulePath?: string
  readonly goModules?: readonly GoModule[]
  readonly tsPaths?: TsPaths
  readonly workspacePackages?: readonly WorkspacePackage[]
  /** Java/Kotlin source roots; by default derived from the files' own package lines. */
  readonly javaSourceRoots?: readonly string[]
  /** Python import roots; by default '', src and the parent of every top-level package. */
  readonly pythonRoots?: readonly string[]
  /** Ruby load paths; by default every lib/ folder and the root. */
  readonly rubyLoadPaths?: readonly string[]
  /** Also link Go/Java/Kotlin files to same-package files whose names they use (default true). */
  readonly samePackage?: boolean
}

export interface ImportResolution {
  /** Deduplicated, sorted by from then to; no self edges. Includes same-package use (not counted below). */
  readonly edges: FileEdge[]
  readonly resolved: number
  /** Imports of dependencies and standard libraries. */
  readonly external: number
  /** Imports that look internal (relative, or under the module's own path) but match no file. */
  readonly unresolved: number
}

export function resolveImports(input: ResolveImportsInput): ImportResolution {
  const index = buildFileIndex(input.files)
  const goModules = input.goModules ?? (input.goModulePath === undefined ? [] : [{ path: input.goModulePath, dir: '' }])
  const ecmascript = createEcmascriptResolver(index, input.tsPaths, input.workspacePackages)
  const python = createPythonResolver(index, input.pythonRoots ?? pythonRoots(input.files, index))
  const go = createGoResolver(index, goModules)
  const jvm = createJvmResolver(input.files, input.parsed, input.javaSourceRoots ?? defaultSourceRoots(input.parsed))
  const ruby = createRubyResolver(index, input.rubyLoadPaths ?? rubyLoadPaths(index))

  const edges = new Map<string, FileEdge>()
  const counts = { resolved: 0, external: 0, unresolved: 0 }
  for (const [from, file] of [...input.parsed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const ref of file.imports) {
      let result: ResolvedImport
      switch (file.language) {
        case 'typescript':
        case 'tsx':
        case 'javascript':
          result = ecmascript(from, ref.specifier)
          break
        case 'python':
          result = python(from, ref)
          break
        case 'go':
          result = go(ref.specifier)
          break
        case 'java':
        case 'kotlin':
          result = jvm(ref)
          break
        case 'ruby':
          result = ruby(from, ref.specifier, ref.kind === 'require_relative')
          break
      }
      counts[result.status]++
      if (result.status !== 'resolved') continue
      for (const to of result.files) {
        if (to !== from) edges.set(`${from}\u0000${to}`, { from, to })
      }
    }
  }
  if (input.samePackage !== false) {
    for (const [from, to] of samePackagePairs(input.parsed)) edges.set(`${from}\u0000${to}`, { from, to })
  }
  const sorted = [...edges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, edge]) => edge)
  return { edges: sorted, ...counts }
}

/** `src/main/java` for `src/main/java/com/acme/A.java` declaring `package com.acme`. */
function defaultSourceRoots(parsed: ReadonlyMap<string, ParsedFile>): string[] {
  const roots = new Set<string>()
  for (const [file, result] of parsed) {
    if (result.package === undefined || (result.language !== 'java' && result.language !== 'kotlin')) continue
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''
    const suffix = result.package.split('.').join('/')
    if (dir === suffix) roots.add('')
    else if (dir.endsWith(`/${suffix}`)) roots.add(dir.slice(0, dir.length - suffix.length - 1))
  }
  return [...roots].sort()
}
