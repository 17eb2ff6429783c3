// PHP resolution on a repository the test builds: `use` through composer.json's PSR-4 autoload (and
// autoload-dev), grouped and aliased imports, classes used from the file's own namespace without any
// import, and require of a literal path beside the file.
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('PHP resolution', () => {
  it('resolves use statements by PSR-4, same-namespace classes by autoload, and requires by path', async () => {
    const lines = await resolveBuiltRepo({
      'composer.json': JSON.stringify({
        name: 'acme/slim',
        autoload: { 'psr-4': { 'Slim\\': 'Slim' } },
        'autoload-dev': { 'psr-4': { 'Slim\\Tests\\': 'tests' } },
      }),
      'Slim/App.php':
        '<?php\nnamespace Slim;\nuse Slim\\Routing\\{RouteCollector, Route as R};\nclass App extends RouteCollectorProxy {\n  public function run(): R { return new RouteCollector(); }\n}\n',
      'Slim/RouteCollectorProxy.php': '<?php\nnamespace Slim;\nclass RouteCollectorProxy {}\n',
      'Slim/Routing/RouteCollector.php':
        '<?php\nnamespace Slim\\Routing;\nclass RouteCollector { public function add(): Route { return new Route(); } }\n',
      'Slim/Routing/Route.php': "<?php\nnamespace Slim\\Routing;\nrequire_once __DIR__ . '/helpers.php';\nclass Route {}\n",
      'Slim/Routing/helpers.php': '<?php\nfunction helper() {}\n',
      'tests/AppTest.php': '<?php\nnamespace Slim\\Tests;\nuse Slim\\App;\nclass AppTest { function testRun() { new App(); } }\n',
    })
    expect(lines).toEqual(
      expect.arrayContaining([
        'Slim/App.php -> Slim/Routing/RouteCollector.php',
        'Slim/App.php -> Slim/Routing/Route.php',
        // Same namespace, no import: PHP autoloads it.
        'Slim/App.php -> Slim/RouteCollectorProxy.php',
        'Slim/Routing/RouteCollector.php -> Slim/Routing/Route.php',
        'Slim/Routing/Route.php -> Slim/Routing/helpers.php',
        'tests/AppTest.php -> Slim/App.php',
      ]),
    )
  })
})
