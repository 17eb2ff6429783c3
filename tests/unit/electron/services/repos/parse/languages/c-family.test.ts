import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('C and C++', () => {
  it('reads C includes (local and system), prototypes, functions, structs, enums and typedefs', async () => {
    const source = `#include "server.h"
#include <stdio.h>
typedef struct redisObject { int type; } robj;
enum kind { A, B };
int processCommand(client *c);
robj *createObject(int type, void *ptr) { return 0; }
`
    const result = await parser.parse('c', source)
    expect(result.imports).toEqual([
      { specifier: 'server.h', line: 1, kind: 'include' },
      { specifier: 'stdio.h', line: 2, kind: 'include', system: true },
    ])
    expect(result.definitions.map((d) => [d.kind, d.name, d.signature])).toEqual([
      ['class', 'redisObject', 'struct redisObject'],
      ['type', 'robj', 'typedef struct redisObject { int type; } robj'],
      ['enum', 'kind', 'enum kind'],
      ['function', 'processCommand', 'int processCommand(client *c)'],
      ['function', 'createObject', 'robj *createObject(int type, void *ptr)'],
    ])
  })

  it('reads C++ namespaces, templates with their template line, classes and their methods', async () => {
    const source = `#include "fmt/base.h"
namespace fmt {
template <typename T> class buffer {
 public:
  void grow(size_t size);
  size_t size() const { return size_; }
};
}
`
    const result = await parser.parse('cpp', source)
    expect(result.definitions.map((d) => [d.kind, d.name, d.signature])).toEqual([
      ['module', 'fmt', 'namespace fmt'],
      ['class', 'buffer', 'template <typename T> class buffer'],
      ['method', 'grow', 'void grow(size_t size)'],
      ['method', 'size', 'size_t size() const'],
    ])
  })
})
