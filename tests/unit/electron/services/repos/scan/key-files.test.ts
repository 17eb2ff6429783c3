import { describe, expect, it } from 'vitest'
import type { FileRecord, ScanResult } from '../../../../../../shared/models/repos.ts'
import { rankKeyFiles } from '../../../../../../electron/services/repos/scan/key-files.ts'
import { runBounded } from '../../../../../fixtures/bounded-run.ts'
import { scanBuiltRepo } from '../../../../../fixtures/scan-built-repo.ts'

const file = (path: string): FileRecord => ({ path, size: 100, language: 'Kotlin', lines: 10, binary: false })

describe('rankKeyFiles', () => {
  it('does not let tests make their helpers look central', () => {
    const tests = Array.from({ length: 30 }, (_, i) => `lib/src/jvmTest/kotlin/T${i}Test.kt`)
    const files = [
      ...tests.map(file),
      file('lib-testing-support/src/main/kotlin/TestUtil.kt'),
      file('lib/src/main/kotlin/Client.kt'),
      file('lib/src/main/kotlin/Call.kt'),
      file('lib/src/main/kotlin/Dns.kt'),
      file('lib/src/main/kotlin/Cache.kt'),
    ]
    const edges = [
      ...tests.map((from) => ({ from, to: 'lib-testing-support/src/main/kotlin/TestUtil.kt' })),
      ...tests.map((from) => ({ from, to: 'lib/src/main/kotlin/Client.kt' })),
      { from: 'lib/src/main/kotlin/Call.kt', to: 'lib/src/main/kotlin/Client.kt' },
      { from: 'lib/src/main/kotlin/Dns.kt', to: 'lib/src/main/kotlin/Client.kt' },
      { from: 'lib/src/main/kotlin/Cache.kt', to: 'lib/src/main/kotlin/Client.kt' },
    ]
    const ranked = rankKeyFiles({ files, edges, churn: new Map(), commitsRead: 0 })
    expect(ranked[0]?.path).toBe('lib/src/main/kotlin/Client.kt')
    expect(ranked[0]?.reasons.join(' ')).toMatch(/imported by 3 files/)
    expect(ranked.map((entry) => entry.path)).not.toContain('lib-testing-support/src/main/kotlin/TestUtil.kt')
  })
})

describe('rankKeyFiles principles', () => {
  const record = (path: string, lines = 120): FileRecord => ({
    path,
    size: lines * 30,
    language: path.endsWith('.md') ? 'Markdown' : 'TypeScript',
    lines,
    binary: false,
  })

  it('ranks declared entry points and package roots, keeps one README per package, and demotes examples, docs and benchmarks', () => {
    const files = [
      record('README.md', 40),
      record('package.json', 30),
      record('packages/core/README.md', 20),
      record('packages/core/src/index.ts'),
      record('packages/core/src/engine.ts', 400),
      record('packages/core/src/deep/a/b/README.md', 10),
      record('examples/demo/main.ts', 300),
      record('benchmarks/run.ts', 300),
      record('docs/guide.md', 300),
    ]
    const edges = [
      { from: 'packages/core/src/index.ts', to: 'packages/core/src/engine.ts' },
      { from: 'examples/demo/main.ts', to: 'packages/core/src/index.ts' },
      { from: 'benchmarks/run.ts', to: 'packages/core/src/engine.ts' },
      { from: 'examples/demo/main.ts', to: 'benchmarks/run.ts' },
    ]
    const ranked = rankKeyFiles({
      files,
      edges,
      churn: new Map(),
      commitsRead: 0,
      entries: [{ path: 'packages/core/src/index.ts', reason: 'package entry (package.json main)' }],
      packageDirs: ['packages/core'],
    })
    const paths = ranked.map((file) => file.path)
    expect(paths.slice(0, 3)).toEqual(['README.md', 'packages/core/src/index.ts', 'package.json'])
    expect(ranked.find((file) => file.path === 'packages/core/src/index.ts')?.reasons[0]).toBe('package entry (package.json main)')
    expect(ranked.find((file) => file.path === 'packages/core/README.md')?.reasons).toEqual(['README of the packages/core package'])
    expect(paths).not.toContain('packages/core/src/deep/a/b/README.md')
    const example = ranked.find((file) => file.path === 'examples/demo/main.ts')
    expect(example === undefined || example.reasons.at(-1) === 'examples, ranked lower').toBe(true)
    expect(paths.indexOf('packages/core/src/engine.ts')).toBeLessThan(
      paths.indexOf('benchmarks/run.ts') < 0 ? Infinity : paths.indexOf('benchmarks/run.ts'),
    )
  })

  it('never takes a package in another language than the project’s for a main one, however large (a Java application’s web UI)', () => {
    const java = (path: string, lines = 150): FileRecord => ({ path, size: lines * 30, language: 'Java', lines, binary: false })
    const ui = Array.from({ length: 12 }, (_, i) => record(`ui/packages/editor/src/part${i}.ts`, 900))
    const files = [
      record('README.md', 40),
      { ...record('build.gradle', 60), language: 'Groovy' },
      record('ui/packages/editor/package.json', 40),
      record('ui/packages/editor/src/index.ts', 200),
      ...ui,
      java('application/src/main/java/org/acme/Application.java', 20),
      java('application/src/main/java/org/acme/PostService.java', 4000),
      java('application/src/main/java/org/acme/PostController.java', 3000),
    ]
    const ranked = rankKeyFiles({
      files,
      edges: [
        ...ui.map((part) => ({ from: 'ui/packages/editor/src/index.ts', to: part.path })),
        { from: 'application/src/main/java/org/acme/Application.java', to: 'application/src/main/java/org/acme/PostController.java' },
        { from: 'application/src/main/java/org/acme/PostController.java', to: 'application/src/main/java/org/acme/PostService.java' },
      ],
      churn: new Map(),
      commitsRead: 0,
      entries: [
        { path: 'ui/packages/editor/src/index.ts', reason: 'package entry (package.json exports)' },
        { path: 'application/src/main/java/org/acme/Application.java', reason: 'main class (Gradle application)' },
      ],
      packageDirs: ['ui/packages/editor'],
      mainPackages: 1,
    })
    const paths = ranked.map((entry) => entry.path)
    const at = (path: string) => (paths.includes(path) ? paths.indexOf(path) : Infinity)
    expect(ranked.find((entry) => entry.path === 'ui/packages/editor/package.json')?.reasons).toEqual([
      'manifest of the ui/packages/editor package',
    ])
    expect(at('ui/packages/editor/package.json')).toBeGreaterThan(at('application/src/main/java/org/acme/PostController.java'))
    expect(at('ui/packages/editor/src/index.ts')).toBeGreaterThan(at('application/src/main/java/org/acme/PostController.java'))
  })

  it('takes the subproject named after the project for the main package when the build names none (Gradle), the others for secondary', () => {
    const kotlin = (path: string, lines = 300): FileRecord => ({ path, size: lines * 30, language: 'Kotlin', lines, binary: false })
    const core = 'okhttp/src/main/kotlin/okhttp3'
    const files = [
      record('README.md', 40),
      { ...record('build.gradle.kts', 60), language: 'Kotlin' },
      { ...record('okhttp/build.gradle.kts', 60), language: 'Kotlin' },
      { ...record('okcurl/build.gradle.kts', 30), language: 'Kotlin' },
      kotlin(`${core}/OkHttpClient.kt`, 900),
      kotlin(`${core}/Call.kt`),
      kotlin(`${core}/Request.kt`),
      kotlin(`${core}/Response.kt`),
      kotlin('okcurl/src/main/kotlin/okhttp3/curl/Main.kt', 400),
      kotlin('okcurl/src/main/kotlin/okhttp3/curl/Options.kt', 200),
    ]
    const edges = [
      { from: `${core}/OkHttpClient.kt`, to: `${core}/Call.kt` },
      { from: `${core}/Call.kt`, to: `${core}/Request.kt` },
      { from: `${core}/Call.kt`, to: `${core}/Response.kt` },
      { from: `${core}/Response.kt`, to: `${core}/Request.kt` },
      { from: 'okcurl/src/main/kotlin/okhttp3/curl/Main.kt', to: `${core}/OkHttpClient.kt` },
      { from: 'okcurl/src/main/kotlin/okhttp3/curl/Main.kt', to: 'okcurl/src/main/kotlin/okhttp3/curl/Options.kt' },
    ]
    const ranked = rankKeyFiles({ files, edges, churn: new Map(), commitsRead: 0, projectNames: ['OkHttp'] })
    const paths = ranked.map((entry) => entry.path)
    const at = (path: string) => (paths.includes(path) ? paths.indexOf(path) : Infinity)
    const reasons = (path: string) => ranked.find((entry) => entry.path === path)?.reasons[0]
    expect(reasons('okhttp/build.gradle.kts')).toBe('manifest of the package named after the project')
    expect(reasons('okcurl/build.gradle.kts')).toBe('manifest of the okcurl package')
    for (const path of [`${core}/Call.kt`, `${core}/Request.kt`, `${core}/Response.kt`])
      expect(at(path)).toBeLessThan(at('okcurl/src/main/kotlin/okhttp3/curl/Main.kt'))
  })

  it('counts what tests reach for as the public API, and what the README names', () => {
    const files = [
      record('src/app.ts', 300),
      record('src/util.ts', 300),
      ...Array.from({ length: 8 }, (_, i) => record(`tests/t${i}.test.ts`)),
    ]
    const edges = Array.from({ length: 8 }, (_, i) => ({ from: `tests/t${i}.test.ts`, to: 'src/app.ts' }))
    const ranked = rankKeyFiles({
      files,
      edges,
      churn: new Map(),
      commitsRead: 0,
      readme: '```ts\nimport { createUtil } from "x"\n```\n',
      definitions: (path) => (path === 'src/util.ts' ? [{ name: 'createUtil', kind: 'function' }] : []),
    })
    expect(ranked.find((file) => file.path === 'src/app.ts')?.reasons.join('; ')).toMatch(/used by 8 tests and examples \(public API\)/)
    expect(ranked.find((file) => file.path === 'src/util.ts')?.reasons).toContain('named in the README (createUtil)')
  })

  it('ends on any paths, those of a damaged index included (a path that starts with /)', async () => {
    const probe = new URL('../../../../../fixtures/graph-properties.ts', import.meta.url)
    // The package's source root was searched one empty folder name at a time, forever.
    await expect(runBounded(probe, 'rankPaths', [['/internal/app/main.go']], 10_000)).resolves.toBe(1)
    await expect(runBounded(probe, 'checkRanking', [300], 20_000)).resolves.toBe(300)
  })
})

// The principles on real-shaped repositories the test builds and scans as the app does (parsing,
// resolution, manifests, history): where a reader starts, what the code is built on and its
// implementations, and what never ranks.
const place = (scan: ScanResult, path: string) => {
  const at = scan.keyFiles.findIndex((file) => file.path === path)
  return at < 0 ? Infinity : at + 1
}
const reasonsOf = (scan: ScanResult, path: string) => scan.keyFiles.find((file) => file.path === path)?.reasons.join('; ') ?? ''

/** A Go monorepo: cmd/ with the project's binary and a docs tool, pkg/ with the core, a logger and a bitmap every handler uses. */
function goMonorepo(): Record<string, string> {
  const files: Record<string, string> = {
    'go.mod': 'module github.com/acme/widget\n\ngo 1.22\n',
    'README.md':
      '# widget\n\nWidget serves widgets over HTTP.\n\n```sh\nwidget serve --port 8080\n```\n\nRun `widget serve` to start the server.\n',
    'cmd/widget/main.go':
      'package main\n\nimport (\n\t"os"\n\n\t"github.com/acme/widget/internal/app"\n)\n\nfunc main() {\n\tos.Exit(app.RunWidget(os.Args))\n}\n',
    'cmd/gen-docs/main.go':
      'package main\n\nimport "github.com/acme/widget/pkg/logging"\n\nfunc main() {\n\tlogging.Info("generating docs")\n}\n',
    'internal/app/app.go':
      'package app\n\nimport (\n\t"github.com/acme/widget/pkg/config"\n\t"github.com/acme/widget/pkg/logging"\n\t"github.com/acme/widget/pkg/server"\n\t"github.com/acme/widget/pkg/store"\n)\n\n' +
      '// RunWidget loads the configuration, opens the store and serves until stopped.\nfunc RunWidget(args []string) int {\n\tcfg := config.LoadConfig(args)\n\tdb := store.OpenStore(cfg.DatabaseURL)\n\tsrv := server.NewServer(cfg, db)\n\tlogging.Info("starting")\n\tif err := srv.ServeWidgets(); err != nil {\n\t\treturn 1\n\t}\n\treturn 0\n}\n',
    'pkg/config/config.go':
      'package config\n\ntype Config struct {\n\tDatabaseURL string\n\tPort        int\n}\n\nfunc LoadConfig(args []string) *Config {\n\treturn &Config{DatabaseURL: "postgres://", Port: 8080}\n}\n',
    'pkg/store/store.go':
      'package store\n\nimport "github.com/acme/widget/pkg/widget"\n\ntype Store struct{ url string }\n\nfunc OpenStore(url string) *Store { return &Store{url: url} }\n\nfunc (s *Store) FindWidget(id string) (*widget.Widget, error) { return &widget.Widget{ID: id}, nil }\n\nfunc (s *Store) SaveWidget(w *widget.Widget) error { return nil }\n',
    'pkg/server/server.go':
      'package server\n\nimport (\n\t"net/http"\n\n\t"github.com/acme/widget/pkg/config"\n\t"github.com/acme/widget/pkg/handlers"\n\t"github.com/acme/widget/pkg/logging"\n\t"github.com/acme/widget/pkg/store"\n)\n\n' +
      'type Server struct {\n\tcfg   *config.Config\n\tstore *store.Store\n\tmux   *http.ServeMux\n}\n\nfunc NewServer(cfg *config.Config, db *store.Store) *Server {\n\ts := &Server{cfg: cfg, store: db, mux: http.NewServeMux()}\n\thandlers.RegisterHandlers(s.mux, db)\n\treturn s\n}\n\n' +
      'func (s *Server) ServeWidgets() error {\n\tlogging.Info("listening")\n\treturn http.ListenAndServe(":8080", s.mux)\n}\n',
    'pkg/widget/widget.go':
      'package widget\n\nimport "github.com/acme/widget/pkg/bitmap"\n\n// Widget is what the service serves.\ntype Widget struct {\n\tID    string\n\tFlags *bitmap.Bitmap\n}\n\nfunc (w *Widget) Validate() error { return nil }\n',
    'pkg/logging/logging.go':
      'package logging\n\nimport "fmt"\n\nfunc Info(message string) { fmt.Println("info:", message) }\n\nfunc Error(message string) { fmt.Println("error:", message) }\n',
    'pkg/bitmap/bitmap.go':
      'package bitmap\n\ntype Bitmap struct{ words []uint64 }\n\nfunc NewBitmap(size int) *Bitmap { return &Bitmap{words: make([]uint64, size/64+1)} }\n\nfunc (b *Bitmap) SetBit(i int) { b.words[i/64] |= 1 << (i % 64) }\n',
  }
  const register: string[] = []
  for (let i = 0; i < 14; i++) {
    files[`pkg/handlers/handler${i}.go`] =
      `package handlers\n\nimport (\n\t"net/http"\n\n\t"github.com/acme/widget/pkg/bitmap"\n\t"github.com/acme/widget/pkg/logging"\n\t"github.com/acme/widget/pkg/store"\n)\n\n` +
      `func handleWidget${i}(db *store.Store) http.HandlerFunc {\n\treturn func(w http.ResponseWriter, r *http.Request) {\n\t\tflags := bitmap.NewBitmap(${i + 8})\n\t\tflags.SetBit(${i})\n\t\tlogging.Info("handler ${i}")\n\t\tlogging.Error("none")\n\t\t_, _ = db.FindWidget(r.URL.Path)\n\t}\n}\n`
    register.push(`\tmux.Handle("/w${i}", handleWidget${i}(db))`)
  }
  files['pkg/handlers/register.go'] =
    `package handlers\n\nimport (\n\t"net/http"\n\n\t"github.com/acme/widget/pkg/store"\n)\n\nfunc RegisterHandlers(mux *http.ServeMux, db *store.Store) {\n${register.join('\n')}\n}\n`
  return files
}

describe('key files by principle', () => {
  it('starts from the main of the binary the README runs and what it hands over to; a logger and a bitmap everything imports are not the core', async () => {
    const scan = await scanBuiltRepo(goMonorepo(), { folder: 'widget' })
    const main = place(scan, 'cmd/widget/main.go')
    expect(main).toBeLessThan(place(scan, 'cmd/gen-docs/main.go'))
    expect(reasonsOf(scan, 'cmd/widget/main.go')).toMatch(/main of the widget program the README runs/)
    expect(reasonsOf(scan, 'internal/app/app.go')).toMatch(/what cmd\/widget\/main\.go runs/)
    expect(reasonsOf(scan, 'pkg/widget/widget.go')).toMatch(/the module named after the project/)
    const core = Math.max(
      main,
      place(scan, 'internal/app/app.go'),
      place(scan, 'pkg/server/server.go'),
      place(scan, 'pkg/widget/widget.go'),
    )
    expect(core).toBeLessThanOrEqual(10)
    // Imported by every handler, yet ranked below the program's own parts.
    expect(place(scan, 'pkg/logging/logging.go')).toBeGreaterThan(core)
    expect(place(scan, 'pkg/bitmap/bitmap.go')).toBeGreaterThan(core)
  })

  it('ranks the source file behind a central C++ header, not only the header every file includes', async () => {
    const files: Record<string, string> = {
      'CMakeLists.txt': 'cmake_minimum_required(VERSION 3.16)\nproject(graphlib CXX)\nadd_library(graphlib src/graph.cc src/util.cc)\n',
      'README.md': '# graphlib\n\nA small graph library.\n',
      'include/graphlib/graph.h':
        '#pragma once\n#include <vector>\n#include "graphlib/util.h"\n\nnamespace graphlib {\n\nclass Graph {\n public:\n  int AddNode(const char* name);\n  void AddEdge(int from, int to);\n  std::vector<int> TopologicalOrder() const;\n\n private:\n  std::vector<std::vector<int>> edges_;\n};\n\n}  // namespace graphlib\n',
      'include/graphlib/util.h': '#pragma once\n\nnamespace graphlib {\nint ClampIndex(int value, int size);\n}  // namespace graphlib\n',
      'src/util.cc':
        '#include "graphlib/util.h"\n\nnamespace graphlib {\nint ClampIndex(int value, int size) { return value < 0 ? 0 : value >= size ? size - 1 : value; }\n}  // namespace graphlib\n',
      'src/graph.cc':
        '#include "graphlib/graph.h"\n\n#include <algorithm>\n\nnamespace graphlib {\n\nint Graph::AddNode(const char* name) {\n  edges_.emplace_back();\n  return static_cast<int>(edges_.size()) - 1;\n}\n\nvoid Graph::AddEdge(int from, int to) {\n  edges_[ClampIndex(from, edges_.size())].push_back(ClampIndex(to, edges_.size()));\n}\n\n' +
        'std::vector<int> Graph::TopologicalOrder() const {\n  std::vector<int> order;\n  std::vector<int> seen(edges_.size());\n  for (int i = 0; i < static_cast<int>(edges_.size()); ++i) order.push_back(i);\n  return order;\n}\n\n}  // namespace graphlib\n',
    }
    for (let i = 0; i < 10; i++) {
      files[`src/passes/pass${i}.cc`] =
        `#include "graphlib/graph.h"\n#include "graphlib/util.h"\n\nnamespace graphlib {\n\nvoid RunPass${i}(Graph& graph) {\n  int node = graph.AddNode("pass${i}");\n  graph.AddEdge(node, ClampIndex(${i}, 4));\n  for (int n : graph.TopologicalOrder()) graph.AddEdge(n, node);\n}\n\n}  // namespace graphlib\n`
    }
    const scan = await scanBuiltRepo(files, { folder: 'graphlib' })
    expect(place(scan, 'src/graph.cc')).toBeLessThanOrEqual(6)
    expect(reasonsOf(scan, 'src/graph.cc')).toMatch(/implements (graph\.h|Graph)/)
    expect(place(scan, 'src/graph.cc')).toBeLessThan(place(scan, 'src/util.cc'))
  })

  it('ranks a central C# interface and its main implementation', async () => {
    const files: Record<string, string> = {
      'README.md':
        '# Courier\n\nIn-process messaging.\n\n```csharp\nservices.AddCourier();\nawait dispatcher.DispatchAsync(new Ping());\n```\n',
      'src/Courier/Courier.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n',
      'src/Courier/IDispatcher.cs':
        'namespace Courier;\n\n/// <summary>Sends a message to its handler.</summary>\npublic interface IDispatcher\n{\n    Task<TResponse> DispatchAsync<TResponse>(IMessage<TResponse> message, CancellationToken token = default);\n}\n',
      'src/Courier/IMessage.cs': 'namespace Courier;\n\npublic interface IMessage<TResponse> { }\n',
      'src/Courier/IHandler.cs':
        'namespace Courier;\n\npublic interface IHandler<TMessage, TResponse> where TMessage : IMessage<TResponse>\n{\n    Task<TResponse> HandleAsync(TMessage message, CancellationToken token);\n}\n',
      'src/Courier/Dispatcher.cs':
        'namespace Courier;\n\npublic class Dispatcher : IDispatcher\n{\n    private readonly IServiceProvider _services;\n\n    public Dispatcher(IServiceProvider services) => _services = services;\n\n' +
        '    public async Task<TResponse> DispatchAsync<TResponse>(IMessage<TResponse> message, CancellationToken token = default)\n    {\n        var handlerType = typeof(IHandler<,>).MakeGenericType(message.GetType(), typeof(TResponse));\n        dynamic handler = _services.GetService(handlerType)!;\n        return await handler.HandleAsync((dynamic)message, token);\n    }\n}\n',
      'src/Courier/ServiceCollectionExtensions.cs':
        'using Microsoft.Extensions.DependencyInjection;\n\nnamespace Courier;\n\npublic static class ServiceCollectionExtensions\n{\n    public static IServiceCollection AddCourier(this IServiceCollection services)\n    {\n        services.AddSingleton<IDispatcher, Dispatcher>();\n        return services;\n    }\n}\n',
    }
    for (let i = 0; i < 8; i++) {
      files[`src/Courier/Features/Feature${i}.cs`] =
        `namespace Courier.Features;\n\npublic class Feature${i}\n{\n    private readonly IDispatcher _dispatcher;\n\n    public Feature${i}(IDispatcher dispatcher) => _dispatcher = dispatcher;\n\n    public Task<int> RunAsync(IMessage<int> message) => _dispatcher.DispatchAsync(message);\n}\n`
    }
    const scan = await scanBuiltRepo(files, { folder: 'Courier' })
    expect(place(scan, 'src/Courier/IDispatcher.cs')).toBeLessThanOrEqual(8)
    expect(place(scan, 'src/Courier/Dispatcher.cs')).toBeLessThanOrEqual(8)
    expect(reasonsOf(scan, 'src/Courier/Dispatcher.cs')).toMatch(/the main implementation of IDispatcher/)
  })

  it('never ranks generated code, vendored code or lock files, however much the code uses them', async () => {
    const files: Record<string, string> = {
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'go.sum': 'example.com/dep v1.0.0 h1:abc=\n',
      'package-lock.json': '{\n  "lockfileVersion": 3\n}\n',
      'README.md': '# shop\n\nA shop.\n',
      'main.go': 'package main\n\nimport "example.com/shop/api"\n\nfunc main() {\n\tapi.ServeShop()\n}\n',
      'api/shop.pb.go':
        '// Code generated by protoc-gen-go. DO NOT EDIT.\npackage api\n\ntype OrderRequest struct{ Id string }\n\ntype OrderReply struct{ Total int }\n',
      'api/kind_string.go':
        '// Code generated by "stringer -type=Kind"; DO NOT EDIT.\npackage api\n\nfunc (i Kind) String() string { return "kind" }\n',
      'api/mocks.go':
        '// Code generated by MockGen. DO NOT EDIT.\npackage api\n\ntype MockOrderStore struct{}\n\nfunc NewMockOrderStore() *MockOrderStore { return &MockOrderStore{} }\n',
      'api/server.go':
        'package api\n\nimport "example.com/shop/vendor/example.com/dep"\n\ntype Kind int\n\nfunc ServeShop() {\n\treq := OrderRequest{Id: "1"}\n\t_ = PlaceOrder(req)\n\tdep.Helper()\n}\n\nfunc PlaceOrder(req OrderRequest) OrderReply {\n\t_ = NewMockOrderStore()\n\treturn OrderReply{Total: len(req.Id)}\n}\n',
      'vendor/example.com/dep/dep.go': 'package dep\n\nfunc Helper() {}\n',
    }
    for (let i = 0; i < 6; i++) {
      files[`api/handler${i}.go`] = `package api\n\nfunc Handle${i}() OrderReply {\n\treturn PlaceOrder(OrderRequest{Id: "${i}"})\n}\n`
    }
    const scan = await scanBuiltRepo(files, { folder: 'shop' })
    const ranked = scan.keyFiles.map((file) => file.path)
    for (const never of [
      'api/shop.pb.go',
      'api/kind_string.go',
      'api/mocks.go',
      'vendor/example.com/dep/dep.go',
      'go.sum',
      'package-lock.json',
    ])
      expect(ranked).not.toContain(never)
    expect(ranked).toContain('api/server.go')
  })
})
