import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('Rust', () => {
  it('reads mod declarations, use trees (pub use as re-exports), extern crate, and items with their signatures', async () => {
    const source = `mod routing;
pub mod extract;
mod inline { fn x() {} }
use crate::routing::{Router, method_routing::{get, post as p}, self};
pub use self::handler::Handler;
use super::*;
extern crate serde;

pub struct Server<T> { inner: T }
pub trait Service: Send { fn call(&self); }
impl<T> Service for Server<T> {
    fn call(&self) {}
}
pub fn serve(addr: &str) -> Result<(), Error> { todo!() }
macro_rules! route { () => {} }
`
    const result = await parser.parse('rust', source)
    expect(result.imports.map((i) => [i.kind, i.specifier, i.wildcard ?? false])).toEqual([
      ['mod', 'routing', false],
      ['mod', 'extract', false],
      ['import', 'crate::routing::Router', false],
      ['import', 'crate::routing::method_routing::get', false],
      ['import', 'crate::routing::method_routing::post', false],
      ['import', 'crate::routing', false],
      ['reexport', 'self::handler::Handler', false],
      ['import', 'super', true],
      ['import', 'serde', false],
    ])
    expect(result.definitions.map((d) => [d.kind, d.name, d.signature])).toEqual([
      ['module', 'inline', 'mod inline'],
      ['function', 'x', 'fn x()'],
      ['class', 'Server', 'pub struct Server<T>'],
      ['interface', 'Service', 'pub trait Service: Send'],
      ['method', 'call', 'fn call(&self)'],
      ['object', 'Server<T>', 'impl<T> Service for Server<T>'],
      ['method', 'call', 'fn call(&self)'],
      ['function', 'serve', 'pub fn serve(addr: &str) -> Result<(), Error>'],
      ['function', 'route', 'macro_rules! route'],
    ])
    expect(result.supertypes).toEqual(['Service'])
  })
  it('keeps a constant’s name and type but never its value (parses are cached and packed as signatures)', async () => {
    const result = await parser.parse('rust', 'pub const API_KEY: &str = "i2picRwJV9eRjt5AAqcvnBKnFsmERYvA";\nstatic LIMIT: u32 = 5;\n')
    expect(result.definitions.map((d) => [d.name, d.signature])).toEqual([
      ['API_KEY', 'pub const API_KEY: &str'],
      ['LIMIT', 'static LIMIT: u32'],
    ])
  })
})
