// C and C++ resolution on a repository the test builds: "x.h" beside the file, include folders from
// CMakeLists.txt and from every include/ folder, <x.h> on the include path only (a system header stays
// external), the nearest match by path ending, and a header linked to the source that implements it.
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('C and C++ resolution', () => {
  it('resolves includes beside the file, on include folders and by ending, and links headers to their implementation', async () => {
    const lines = await resolveBuiltRepo({
      'CMakeLists.txt': 'project(fmt CXX)\ninclude_directories(${PROJECT_SOURCE_DIR}/api)\nadd_executable(tool src/main.cc)\n',
      'include/fmt/format.h': '#include "base.h"\nint format(int x);\n',
      'include/fmt/base.h': '#include <stdio.h>\nstruct buffer { int size; };\n',
      'api/public.h': 'int api(void);\n',
      'src/format.cc': '#include "fmt/format.h"\nint format(int x) { return x; }\n',
      'src/main.cc': '#include <fmt/format.h>\n#include "public.h"\n#include "detail/util.h"\nint main() { return format(1); }\n',
      'lib/detail/util.h': 'int util(void);\n',
      'server/server.h': 'void serve(void);\n',
      'server/server.c': '#include "server.h"\nvoid serve(void) {}\n',
      'server/net.c': '#include "server.h"\nvoid net(void) { serve(); }\n',
    })
    expect(lines).toEqual(
      expect.arrayContaining([
        'include/fmt/format.h -> include/fmt/base.h',
        'src/format.cc -> include/fmt/format.h',
        'src/main.cc -> include/fmt/format.h',
        'src/main.cc -> api/public.h',
        'src/main.cc -> lib/detail/util.h',
        'server/net.c -> server/server.h',
        // The header's implementation: server.c includes server.h and has its name.
        'server/server.h -> server/server.c',
      ]),
    )
    expect(lines.some((line) => line.endsWith('stdio.h'))).toBe(false)
    expect(lines).not.toContain('server/server.h -> server/net.c')
  })
})
