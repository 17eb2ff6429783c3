// Resolves Rust `mod x;` and `use` paths the way rustc lays modules out: `mod x;` in a module file
// means `x.rs` or `x/mod.rs` beside it (inside its own folder unless it is `mod.rs` or a crate root);
// `use crate::a::b::C` walks from the crate root, `super::`/`self::` from the using module, and a
// workspace crate's name from that crate's root. The longest module path that exists is the target
// (`C` is an item inside `b`). Paths outside the repository's crates are external.
import type { ImportRef } from '../parsed-file.ts'
import type { FileIndex } from './file-index.ts'
import { dirOf } from './file-index.ts'
import type { ResolvedImport } from './resolved-import.ts'

export interface RustCrate {
  /** The crate's name as code writes it (`grep-regex` → `grep_regex`). */
  readonly name: string
  /** Repository-relative folder of its Cargo.toml ('' for the root). */
  readonly dir: string
  /** Repository-relative crate root files that exist: the library first, then the binaries. */
  readonly roots: readonly string[]
}

const EXTERNAL_ROOTS = new Set(['std', 'core', 'alloc', 'proc_macro', 'test'])

export function createRustResolver(index: FileIndex, crates: readonly RustCrate[]) {
  const rootFiles = new Set(crates.flatMap((crate) => crate.roots))
  const byName = new Map(crates.filter((crate) => crate.roots.length > 0).map((crate) => [crate.name, crate]))
  const byDepth = [...crates].sort((a, b) => b.dir.length - a.dir.length)

  const isModuleRoot = (file: string) => file.endsWith('/mod.rs') || file === 'mod.rs' || rootFiles.has(file)
  /** The folder holding a module file's child modules. */
  const childDir = (file: string) => (isModuleRoot(file) ? dirOf(file) : file.slice(0, -'.rs'.length))
  const join = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`)
  const moduleIn = (dir: string, name: string): string | undefined => {
    for (const candidate of [join(dir, `${name}.rs`), join(dir, `${name}/mod.rs`)]) if (index.has(candidate)) return candidate
    return undefined
  }
  /** The file of the module whose children live in `dir`: `dir.rs`, `dir/mod.rs`, or a crate root there. */
  const moduleOfDir = (dir: string): string | undefined => {
    if (index.has(`${dir}.rs`)) return `${dir}.rs`
    if (index.has(join(dir, 'mod.rs'))) return join(dir, 'mod.rs')
    return [...rootFiles].find((root) => dirOf(root) === dir)
  }
  const crateOf = (file: string) => byDepth.find((crate) => crate.dir === '' || file === crate.dir || file.startsWith(`${crate.dir}/`))
  /** The crate root a file belongs to: the one whose folder holds it most closely (the library on a tie). */
  const rootFor = (file: string): string | undefined => {
    const crate = crateOf(file)
    if (!crate) return undefined
    const holding = crate.roots.filter((root) => {
      const dir = dirOf(root)
      return dir === '' || file.startsWith(`${dir}/`)
    })
    return holding.sort((a, b) => dirOf(b).length - dirOf(a).length)[0] ?? crate.roots[0]
  }
  /** The deepest module file reached by walking `segments` from `dir`, and how many segments it took. */
  const walk = (dir: string, segments: readonly string[]): { file: string | undefined; used: number } => {
    let file: string | undefined
    let used = 0
    let at = dir
    for (const segment of segments) {
      const hit = moduleIn(at, segment)
      if (!hit) break
      file = hit
      used += 1
      at = childDir(hit)
    }
    return { file, used }
  }
  const found = (file: string | undefined, from: string): ResolvedImport =>
    file === undefined
      ? { status: 'unresolved' }
      : file === from
        ? { status: 'resolved', files: [] }
        : { status: 'resolved', files: [file] }

  return (from: string, ref: ImportRef): ResolvedImport => {
    if (ref.kind === 'mod') return found(moduleIn(childDir(from), ref.specifier), from)
    const segments = ref.specifier.split('::').filter((segment) => segment !== '' && segment !== '*')
    const [first, ...rest] = segments
    if (first === undefined) return { status: 'external' }
    if (first === 'crate') {
      const root = rootFor(from)
      if (!root) return { status: 'unresolved' }
      return found(walk(dirOf(root), rest).file ?? root, from)
    }
    if (first === 'self') return found(walk(childDir(from), rest).file ?? from, from)
    if (first === 'super') {
      let dir = isModuleRoot(from) ? dirOf(dirOf(from)) : dirOf(from)
      let remaining = rest
      while (remaining[0] === 'super') {
        dir = dirOf(dir)
        remaining = remaining.slice(1)
      }
      return found(walk(dir, remaining).file ?? moduleOfDir(dir), from)
    }
    if (EXTERNAL_ROOTS.has(first)) return { status: 'external' }
    const crate = byName.get(first)
    if (crate) {
      const root = crate.roots[0]!
      return found(walk(dirOf(root), rest).file ?? root, from)
    }
    // Since the 2018 edition a path may start at a module in scope: a child of this module or of the crate root.
    const local = walk(childDir(from), segments)
    if (local.file) return found(local.file, from)
    const root = rootFor(from)
    const fromRoot = root ? walk(dirOf(root), segments) : { file: undefined }
    return fromRoot.file ? found(fromRoot.file, from) : { status: 'external' }
  }
}
