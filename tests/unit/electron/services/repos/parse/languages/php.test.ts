import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('PHP', () => {
  it('reads the namespace, use (grouped and aliased), require paths, declarations and the class names used', async () => {
    const source = `<?php
namespace Slim\\Routing;
use Psr\\Http\\Message\\ResponseInterface;
use Slim\\Interfaces\\{RouteInterface, RouteParserInterface as Parser};
require_once __DIR__ . '/helpers.php';
include 'lib/legacy.php';
class RouteCollector extends Base implements RouteCollectorInterface {
  use Macroable;
  public function map(array $methods): RouteInterface { return new Route($methods); }
}
interface Finder {}
trait Macroable {}
enum Suit: string { case Hearts = 'H'; }
function helper(int $x): int { return $x; }
`
    const result = await parser.parse('php', source)
    expect(result.package).toBe('Slim\\Routing')
    expect(result.imports.map((i) => [i.kind, i.specifier, i.alias ?? null])).toEqual([
      ['import', 'Psr\\Http\\Message\\ResponseInterface', null],
      ['import', 'Slim\\Interfaces\\RouteInterface', null],
      ['import', 'Slim\\Interfaces\\RouteParserInterface', 'Parser'],
      ['require', './helpers.php', null],
      ['require', 'lib/legacy.php', null],
    ])
    expect(result.definitions.map((d) => [d.kind, d.name])).toEqual([
      ['class', 'RouteCollector'],
      ['method', 'map'],
      ['interface', 'Finder'],
      ['class', 'Macroable'],
      ['enum', 'Suit'],
      ['function', 'helper'],
    ])
    expect(result.supertypes).toEqual(['Base', 'RouteCollectorInterface'])
    expect(result.references).toEqual(expect.arrayContaining(['Route', 'RouteInterface', 'Macroable']))
  })

  it('names the types a class builds on as they are declared, not by the alias its file imports them as', async () => {
    const source = `<?php
namespace Illuminate\\Foundation\\Http;
use Illuminate\\Contracts\\Http\\Kernel as KernelContract;
use Illuminate\\Routing\\Router;
class Kernel implements KernelContract {
  public function __construct(protected Router $router) {}
}
`
    const result = await parser.parse('php', source)
    expect(result.supertypes).toEqual(['Kernel'])
  })
})
