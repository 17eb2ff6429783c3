// What a file holds, read from its text: behaviour or only types; its public functions and whether
// the team documented them, across the languages Gemba reads.
import { describe, expect, it } from 'vitest'
import { functionsOf, holdsBehaviour } from '../../../../../../electron/services/change/tasks/code-shape.ts'

describe('holdsBehaviour', () => {
  it.each([
    [
      'types only (a status-code union, an interface, a function type)',
      'src/http-status.ts',
      'export type InfoStatusCode = 100 | 101 | 102 | 103\nexport type SuccessStatusCode =\n  | 200\n  | 201\nexport interface Handler {\n  (c: Context): Response\n}\nexport type Next = () => Promise<void>\n',
      false,
    ],
    [
      're-exports only',
      'src/index.ts',
      "export * from './app'\nexport { Hono } from './hono'\nexport type { Env } from './types'\n",
      false,
    ],
    ['constants only', 'src/limits.ts', 'export const MAX = 10\nexport const NAMES = { a: 1 }\n', false],
    ['a function', 'src/greet.ts', 'export function greet(name: string) {\n  return `Hello, ${name}`\n}\n', true],
    ['an arrow function', 'src/greet.ts', 'export const greet = (name: string) => `Hello, ${name}`\n', true],
    ['a Go function', 'greet.go', 'package greet\n\nfunc Greet(name string) string {\n\treturn "Hello, " + name\n}\n', true],
    ['Go constants', 'version.go', 'package gin\n\n// Version is the current version.\nconst Version = "v1.10.0"\n', false],
    ['a Python function', 'app/greet.py', 'def greet(name):\n    return f"Hello, {name}"\n', true],
  ])('%s', (_name, path, text, expected) => {
    expect(holdsBehaviour(path, text)).toBe(expected)
  })
})

describe('functionsOf', () => {
  it('finds public functions and their docs: JSDoc, docstrings after long signatures, Go and Rust comments, past decorators', () => {
    const ts = functionsOf(
      'a.ts',
      '/** Documented. */\nexport function a() {\n  return 1\n}\nfunction hidden() {}\nexport const b = async (x: number) => x\n',
    )
    expect(ts.map((fn) => [fn.name, fn.exported, fn.documented])).toEqual([
      ['a', true, true],
      ['hidden', false, false],
      ['b', true, false],
    ])
    const py = functionsOf(
      'a.py',
      '@app.route("/")\ndef index(\n    a: int,\n    b: int,\n) -> str:\n    """Home."""\n    return "x"\n\n\ndef _private():\n    pass\n\n@t.overload\ndef over(a: int) -> int: ...\n',
    )
    expect(py.map((fn) => [fn.name, fn.exported, fn.documented])).toEqual([
      ['index', true, true],
      ['_private', false, false],
    ])
    const go = functionsOf(
      'a.go',
      '// Greet says hello.\nfunc Greet() {}\n\nfunc (e *Engine) Handler() http.Handler {\n\treturn e\n}\nfunc quiet() {}\n',
    )
    expect(go.map((fn) => [fn.name, fn.exported, fn.documented])).toEqual([
      ['Greet', true, true],
      ['Handler', true, false],
      ['quiet', false, false],
    ])
    const rust = functionsOf(
      'a.rs',
      '/// Docs.\n#[inline]\npub fn one() {}\npub(crate) fn two() {}\n#[deprecated(\n    since = "1",\n)]\npub fn old() {}\n',
    )
    expect(rust.map((fn) => [fn.name, fn.exported, fn.documented])).toEqual([
      ['one', true, true],
      ['two', false, false],
      ['old', false, false],
    ])
  })
})

describe('functionsOf: what each language calls public, and what shares a doc', () => {
  const shape = (path: string, text: string) => functionsOf(path, text).map((fn) => [fn.name, fn.exported, fn.overrides])

  it('hides Ruby methods after `private`/`protected`, listed in `private :name`, or marked :nodoc:', () => {
    const ruby =
      'class Cart\n  def total\n    1\n  end\n\n  def cached # :nodoc:\n    2\n  end\n\n  def listed\n  end\n  private :listed\n\n  private\n    def helper\n      3\n    end\nend\n\nclass Other\n  def open\n  end\nend\n'
    expect(shape('cart.rb', ruby)).toEqual([
      ['total', true, false],
      ['cached', false, false],
      ['listed', false, false],
      ['helper', false, false],
      ['open', true, false],
    ])
  })

  it('counts Python methods one level inside a class, never docstring examples; a subclass’s method or a setter may override', () => {
    const py =
      'class Client:\n    """A client.\n\n    class Example:\n        def create_file(self): ...\n    """\n\n    def send(self, request):\n        def inner():\n            pass\n        return request\n\n    @property\n    def hooks(self):\n        """The hooks."""\n        return self._hooks\n\n    @hooks.setter\n    def hooks(self, value):\n        self._hooks = value\n\n\nclass TestClient(Client, Generic[T]):\n    def open(self):\n        return 1\n'
    const found = functionsOf('client.py', py)
    expect(found.map((fn) => [fn.name, fn.method, fn.overrides])).toEqual([
      ['send', true, false],
      ['hooks', true, false],
      ['hooks', true, true],
      ['open', true, true],
    ])
    expect(holdsBehaviour('models.py', 'class Model:\n    def save(self):\n        return True\n')).toBe(true)
    expect(holdsBehaviour('shapes.py', 'class Shape(Protocol):\n    def area(self) -> float: ...\n')).toBe(false)
  })

  it('tells a Kotlin call from a declaration, and keeps protected/internal members and Go methods of unexported types private', () => {
    const kotlin =
      'interface Context {\n    fun isJson(): Boolean\n    fun <T> bodyAsClass(type: Type): T {\n        check(isJson() || !strict())\n        return mapper().fromJson(body(), type)\n    }\n    internal fun hidden(): Int\n    override fun toString(): String\n}\n'
    expect(shape('Context.kt', kotlin)).toEqual([
      ['isJson', true, false],
      ['bodyAsClass', true, false],
      ['hidden', false, false],
      ['toString', true, true],
    ])
    const php =
      '<?php\nclass Handler {\n    public function render(): void\n    {\n    }\n\n    protected function statusCode(): int\n    {\n    }\n}\n'
    expect(shape('Handler.php', php)).toEqual([
      ['render', true, false],
      ['statusCode', false, false],
    ])
    const go = 'func (e *Engine) Handler() http.Handler {\n\treturn e\n}\n\nfunc (a errorMsgs) JSON() any {\n\treturn nil\n}\n'
    expect(shape('errors.go', go)).toEqual([
      ['Handler', true, false],
      ['JSON', false, false],
    ])
    const rust = functionsOf(
      'routing.rs',
      '    #[doc = include_str!("../docs/route.md")]\n    #[track_caller]\n    pub fn route(self) -> Self {\n        self\n    }\n',
    )
    expect(rust.map((fn) => [fn.name, fn.documented])).toEqual([['route', true]])
    const java = 'class Route {\n    @Override\n    public String describe() {\n        return name;\n    }\n}\n'
    expect(shape('Route.java', java)).toEqual([['describe', true, true]])
  })
})

describe('functionsOf: ECMAScript class members and long signatures', () => {
  it('finds an exported class’s public methods and arrow properties (never private ones); overloads share the doc above them', () => {
    const ts = [
      'export class Context {',
      '  #status = 200',
      '  /** Sets a header. */',
      '  header = (name: string, value: string): void => {',
      '    this.headers.set(name, value)',
      '  }',
      '  status = (status: number): void => {',
      '    this.#status = status',
      '  }',
      '  private secret(): number {',
      '    return 1',
      '  }',
      '  /** Parses the body. */',
      '  async parseBody<T extends Data<Options>>(',
      '    options?: Options',
      '  ): Promise<T>',
      '  async parseBody(options?: Options) {',
      '    return parse(this, options)',
      '  }',
      '}',
      'export const route = (',
      '  path: string,',
      '  handler: Handler',
      '): Route => {',
      '  return { path, handler }',
      '}',
    ].join('\n')
    expect(functionsOf('context.ts', ts).map((fn) => [fn.name, fn.exported, fn.documented, fn.method])).toEqual([
      ['header', true, true, true],
      ['status', true, false, true],
      ['parseBody', true, true, true],
      ['route', true, false, false],
    ])
  })
})

describe('functionsOf: a function’s length is its block', () => {
  it('ends at its own closing line, never at the enclosing block’s (an abstract declaration is one line)', () => {
    const kotlin = 'interface Context {\n    fun roles(): Set<Role>\n\n}\n'
    expect(functionsOf('Context.kt', kotlin).map((fn) => [fn.name, fn.length])).toEqual([['roles', 1]])
    const ruby = 'module Flags\n  def ruby?\n    @engine == :ruby\n  end\nend\n\n\n'
    expect(functionsOf('flags.rb', ruby).map((fn) => [fn.name, fn.length])).toEqual([['ruby?', 3]])
    const go = 'func (e *Engine) Handler(\n\tname string,\n) http.Handler {\n\treturn e\n}\n\n// Run runs.\n'
    expect(functionsOf('gin.go', go).map((fn) => [fn.name, fn.length])).toEqual([['Handler', 5]])
  })
})
