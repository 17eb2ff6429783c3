// Rust resolution on a repository the test builds: `mod` files (x.rs and x/mod.rs, inside a non-root
// module's own folder), `use crate::`, `super::`, `self::`, workspace crates by name, a [[bin]] root
// declared in Cargo.toml, and names followed through `pub use` re-exports.
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo, scanBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('Rust resolution', () => {
  it('follows mod, use crate/super/self, workspace crates and pub use to the files that define things', async () => {
    const lines = await resolveBuiltRepo({
      'Cargo.toml': '[workspace]\nmembers = ["app", "crates/*"]\n',
      'app/Cargo.toml': '[package]\nname = "app"\n\n[[bin]]\nname = "app"\npath = "cli/main.rs"\n',
      'app/cli/main.rs': 'mod flags;\nuse grep_matcher::Matcher;\nfn main() { flags::parse(); }\n',
      'app/cli/flags/mod.rs': 'mod parse;\npub use self::parse::parse;\n',
      'app/cli/flags/parse.rs': 'use super::super::flags;\npub fn parse() {}\n',
      'crates/matcher/Cargo.toml': '[package]\nname = "grep-matcher"\n',
      'crates/matcher/src/lib.rs': 'mod interpolate;\npub use crate::interpolate::Matcher;\n',
      'crates/matcher/src/interpolate.rs': 'pub struct Matcher;\n',
      'crates/matcher/src/unused.rs': 'use std::io;\n',
    })
    expect(lines).toEqual(
      expect.arrayContaining([
        'app/cli/main.rs -> app/cli/flags/mod.rs',
        'app/cli/flags/mod.rs -> app/cli/flags/parse.rs',
        'app/cli/flags/parse.rs -> app/cli/flags/mod.rs',
        // `use grep_matcher::Matcher` reaches the crate root, and through its `pub use` the defining file.
        'app/cli/main.rs -> crates/matcher/src/lib.rs',
        'app/cli/main.rs -> crates/matcher/src/interpolate.rs',
        'crates/matcher/src/lib.rs -> crates/matcher/src/interpolate.rs',
      ]),
    )
    expect(lines.some((line) => line.includes('unused.rs'))).toBe(false)
  })

  it('knows a binary declared by [[bin]] as an entry point of the scan', async () => {
    const scan = await scanBuiltRepo({
      'Cargo.toml': '[package]\nname = "rg"\n\n[[bin]]\nname = "rg"\npath = "crates/core/main.rs"\n',
      'crates/core/main.rs': 'mod flags;\nfn main() {}\n',
      'crates/core/flags.rs': 'pub fn parse() {}\n',
    })
    const main = scan.keyFiles.find((file) => file.path === 'crates/core/main.rs')
    expect(main?.reasons[0]).toBe('binary entry (Cargo.toml [[bin]])')
  })

  it('draws a workspace as its mod and use items say, both ways', async () => {
    // Shaped like an async runtime: a library crate with modules, a macros crate used by name, a
    // binary, tests, and a module nobody declares (never compiled, so never linked).
    const lines = await resolveBuiltRepo(
      {
        'Cargo.toml': '[workspace]\nmembers = ["runtime", "runtime-macros"]\n',
        'runtime/Cargo.toml':
          '[package]\nname = "runtime"\n\n[dependencies]\nruntime-macros = { path = "../runtime-macros" }\nbytes = "1"\n',
        'runtime/src/lib.rs': 'pub mod net;\nmod task;\npub use task::spawn;\npub use runtime_macros::main;\n',
        'runtime/src/task/mod.rs': 'mod join;\npub use join::JoinHandle;\npub fn spawn() -> JoinHandle { JoinHandle }\n',
        'runtime/src/task/join.rs': 'pub struct JoinHandle;\n',
        'runtime/src/net.rs': 'use crate::task::spawn;\nuse bytes::Bytes;\npub fn listen() { spawn(); }\n',
        'runtime/src/orphan.rs': 'pub fn unused() {}\n',
        'runtime/tests/spawn.rs': 'use runtime::spawn;\n#[test]\nfn spawns() { spawn(); }\n',
        'runtime-macros/Cargo.toml': '[package]\nname = "runtime-macros"\n',
        'runtime-macros/src/lib.rs': 'pub fn main() {}\n',
      },
      { importsOnly: true },
    )
    expect(lines).toEqual([
      'runtime/src/lib.rs -> runtime-macros/src/lib.rs',
      'runtime/src/lib.rs -> runtime/src/net.rs',
      'runtime/src/lib.rs -> runtime/src/task/mod.rs',
      'runtime/src/net.rs -> runtime/src/task/mod.rs',
      'runtime/src/task/mod.rs -> runtime/src/task/join.rs',
      'runtime/tests/spawn.rs -> runtime/src/lib.rs',
      'runtime/tests/spawn.rs -> runtime/src/task/mod.rs',
    ])
  })
})
