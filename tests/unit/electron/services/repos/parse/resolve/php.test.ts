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

  it('draws a Composer package as its use statements and namespaces say, both ways', async () => {
    // Shaped like a micro-framework: PSR-4 src/, a middleware folder, tests under their own prefix,
    // a vendor-style dependency (external) and a class nobody uses.
    const lines = await resolveBuiltRepo(
      {
        'composer.json': JSON.stringify({
          name: 'acme/micro',
          require: { 'psr/http-message': '^2' },
          autoload: { 'psr-4': { 'Micro\\': 'src/' } },
          'autoload-dev': { 'psr-4': { 'Micro\\Tests\\': 'tests/' } },
        }),
        'src/App.php':
          '<?php\nnamespace Micro;\n\nuse Micro\\Middleware\\ErrorMiddleware;\nuse Psr\\Http\\Message\\ResponseInterface;\n\nclass App\n{\n    public function run(): ResponseInterface { return (new ErrorMiddleware())->process(new Router()); }\n}\n',
        'src/Router.php': '<?php\nnamespace Micro;\n\nclass Router\n{\n}\n',
        'src/Unused.php': '<?php\nnamespace Micro;\n\nclass Unused\n{\n}\n',
        'src/Middleware/ErrorMiddleware.php':
          '<?php\nnamespace Micro\\Middleware;\n\nuse Micro\\Router;\n\nclass ErrorMiddleware\n{\n    public function process(Router $router) { return null; }\n}\n',
        'tests/AppTest.php':
          '<?php\nnamespace Micro\\Tests;\n\nuse Micro\\App;\nuse PHPUnit\\Framework\\TestCase;\n\nclass AppTest extends TestCase\n{\n    public function testRun(): void { (new App())->run(); }\n}\n',
      },
      { importsOnly: true },
    )
    expect(lines).toEqual([
      'src/App.php -> src/Middleware/ErrorMiddleware.php',
      'src/App.php -> src/Router.php',
      'src/Middleware/ErrorMiddleware.php -> src/Router.php',
      'tests/AppTest.php -> src/App.php',
    ])
  })
})
