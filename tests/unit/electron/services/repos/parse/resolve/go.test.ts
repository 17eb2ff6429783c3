// Go resolution on a repository shaped like a real module, checked both ways: an import of a package
// of the module links to that package's files (never its tests), and nothing else links.
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('Go resolution', () => {
  it('draws a Go module with cmd/, internal/ and pkg/ as its imports say', async () => {
    const lines = await resolveBuiltRepo(
      {
        'go.mod': 'module github.com/acme/ghx/v2\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n',
        'cmd/ghx/main.go':
          'package main\n\nimport (\n\t"os"\n\n\t"github.com/acme/ghx/v2/pkg/cmd/root"\n)\n\nfunc main() { os.Exit(root.Run()) }\n',
        'pkg/cmd/root/root.go':
          'package root\n\nimport (\n\t"github.com/spf13/cobra"\n\t"github.com/acme/ghx/v2/pkg/cmd/pr"\n\t"github.com/acme/ghx/v2/internal/config"\n)\n\nfunc Run() int { _ = cobra.Command{}; pr.New(); config.Load(); return 0 }\n',
        'pkg/cmd/pr/pr.go': 'package pr\n\nimport "github.com/acme/ghx/v2/api"\n\nfunc New() { api.Client() }\n',
        'pkg/cmd/pr/list.go': 'package pr\n\nfunc list() { New() }\n',
        'pkg/cmd/pr/pr_test.go': 'package pr\n\nimport "testing"\n\nfunc TestNew(t *testing.T) { New() }\n',
        'api/client.go': 'package api\n\nimport "net/http"\n\nfunc Client() *http.Client { return nil }\n',
        'internal/config/config.go': 'package config\n\nfunc Load() {}\n',
        'internal/config/config_test.go': 'package config\n\nimport "testing"\n\nfunc TestLoad(t *testing.T) { Load() }\n',
      },
      { importsOnly: true },
    )
    expect(lines).toEqual(
      [
        'cmd/ghx/main.go -> pkg/cmd/root/root.go',
        'pkg/cmd/pr/list.go -> pkg/cmd/pr/pr.go',
        'pkg/cmd/pr/pr.go -> api/client.go',
        'pkg/cmd/pr/pr_test.go -> pkg/cmd/pr/pr.go',
        'pkg/cmd/root/root.go -> internal/config/config.go',
        'pkg/cmd/root/root.go -> pkg/cmd/pr/pr.go',
        'internal/config/config_test.go -> internal/config/config.go',
      ].sort(),
    )
  })
})
