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

  it('draws a C++ library as a compiler reads it: public headers include only public headers', async () => {
    // Shaped like a storage library: public headers under include/<name>/, the implementation in
    // db/, table/ and util/, included from the root (CMake adds the root and include/).
    const files = {
      'CMakeLists.txt':
        'project(kvstore CXX)\nadd_library(kvstore db/db_impl.cc db/write_batch.cc table/table.cc util/env.cc util/coding.cc)\ntarget_include_directories(kvstore PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> PRIVATE ${PROJECT_SOURCE_DIR})\n',
      'include/kvstore/db.h': '#include <cstdint>\n#include "kvstore/iterator.h"\n#include "kvstore/options.h"\nclass DB {};\n',
      'include/kvstore/iterator.h': '#include "kvstore/export.h"\nclass Iterator {};\n',
      'include/kvstore/options.h': '#include <cstddef>\n#include "kvstore/export.h"\nstruct Options {};\n',
      'include/kvstore/export.h': '#define KV_EXPORT\n',
      'include/kvstore/write_batch.h': '#include <string>\n#include "kvstore/export.h"\nclass WriteBatch {};\n',
      'include/kvstore/env.h': '#include "kvstore/export.h"\nclass Env {};\n',
      'include/kvstore/table.h': '#include "kvstore/iterator.h"\nclass Table {};\n',
      'db/dbformat.h': '#include "kvstore/db.h"\n#include "util/coding.h"\nclass InternalKey {};\n',
      'db/db_impl.h': '#include "db/dbformat.h"\n#include "kvstore/db.h"\nclass DBImpl : public DB {};\n',
      'db/db_impl.cc':
        '#include "db/db_impl.h"\n#include <algorithm>\n#include "kvstore/env.h"\n#include "table/block.h"\nvoid open() {}\n',
      'db/write_batch.cc': '#include "kvstore/write_batch.h"\n#include "db/dbformat.h"\nvoid put() {}\n',
      'table/block.h': '#include "kvstore/iterator.h"\nclass Block {};\n',
      'table/table.cc': '#include "kvstore/table.h"\n#include "table/block.h"\nvoid read() {}\n',
      'util/coding.h': '#include <cstdint>\nvoid put_fixed32();\n',
      'util/coding.cc': '#include "util/coding.h"\nvoid put_fixed32() {}\n',
      'util/env.cc': '#include "kvstore/env.h"\nvoid env() {}\n',
    }
    expect(await resolveBuiltRepo(files, { importsOnly: true })).toEqual([
      'db/db_impl.cc -> db/db_impl.h',
      'db/db_impl.cc -> include/kvstore/env.h',
      'db/db_impl.cc -> table/block.h',
      'db/db_impl.h -> db/dbformat.h',
      'db/db_impl.h -> include/kvstore/db.h',
      'db/dbformat.h -> include/kvstore/db.h',
      'db/dbformat.h -> util/coding.h',
      'db/write_batch.cc -> db/dbformat.h',
      'db/write_batch.cc -> include/kvstore/write_batch.h',
      'include/kvstore/db.h -> include/kvstore/iterator.h',
      'include/kvstore/db.h -> include/kvstore/options.h',
      'include/kvstore/env.h -> include/kvstore/export.h',
      'include/kvstore/iterator.h -> include/kvstore/export.h',
      'include/kvstore/options.h -> include/kvstore/export.h',
      'include/kvstore/table.h -> include/kvstore/iterator.h',
      'include/kvstore/write_batch.h -> include/kvstore/export.h',
      'table/block.h -> include/kvstore/iterator.h',
      'table/table.cc -> include/kvstore/table.h',
      'table/table.cc -> table/block.h',
      'util/coding.cc -> util/coding.h',
      'util/env.cc -> include/kvstore/env.h',
    ])
    // The ranking still knows which source implements a public header.
    expect(await resolveBuiltRepo(files)).toEqual(
      expect.arrayContaining(['include/kvstore/write_batch.h -> db/write_batch.cc', 'include/kvstore/table.h -> table/table.cc']),
    )
  })

  it('resolves a C project beside the file, on include/, and by a unique ending; an ambiguous bare name links nothing', async () => {
    // Shaped like a C library with a command-line tool: include/<name>/ public headers, lib/ with a
    // vtls/ subfolder that includes lib/'s headers (the build adds -Ilib), src/ for the tool.
    const files = {
      'include/curlish/curlish.h': '#include <stddef.h>\n#include "system.h"\ntypedef void CURLISH;\n',
      'include/curlish/system.h': '#define CURLISH_SYSTEM 1\n',
      'lib/urldata.h': '#include "curlish_setup.h"\nstruct Curl_easy { int x; };\n',
      'lib/curlish_setup.h': '#include <curlish/curlish.h>\n',
      'lib/easy.c': '#include "curlish_setup.h"\n#include "urldata.h"\n#include <string.h>\nint easy(void) { return 0; }\n',
      'lib/vtls/openssl.c': '#include "curlish_setup.h"\n#include "urldata.h"\n#include "vtls.h"\nint ssl(void) { return 0; }\n',
      'lib/vtls/vtls.h': '#include "urldata.h"\n',
      'lib/vauth/digest.h': 'int auth_digest(void);\n',
      'lib/vtls/digest.h': 'int tls_digest(void);\n',
      'src/util.h': 'int tool_util(void);\n',
      'src/tool_main.c': '#include <curlish/curlish.h>\n#include "util.h"\nint main(void) { return 0; }\n',
      // Two digest.h and neither on an include path: the build decides, and Gemba does not guess.
      'tests/unit/unit1300.c': '#include "digest.h"\nint test(void) { return 0; }\n',
    }
    expect(await resolveBuiltRepo(files, { importsOnly: true })).toEqual([
      'include/curlish/curlish.h -> include/curlish/system.h',
      'lib/curlish_setup.h -> include/curlish/curlish.h',
      'lib/easy.c -> lib/curlish_setup.h',
      'lib/easy.c -> lib/urldata.h',
      'lib/urldata.h -> lib/curlish_setup.h',
      'lib/vtls/openssl.c -> lib/curlish_setup.h',
      'lib/vtls/openssl.c -> lib/urldata.h',
      'lib/vtls/openssl.c -> lib/vtls/vtls.h',
      'lib/vtls/vtls.h -> lib/urldata.h',
      'src/tool_main.c -> include/curlish/curlish.h',
      'src/tool_main.c -> src/util.h',
    ])
  })
})
