import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('Go', () => {
  it('reads the package, grouped and single imports, funcs, methods and types', async () => {
    const source = `package server

import (
	"context"
	store "github.com/acme/app/internal/store"
)
import "fmt"

// Server serves.
type Server struct {
	store *store.Store
}

type Handler interface {
	Serve(ctx context.Context) error
}

type ID = string

func (s *Server) Start(ctx context.Context, port int) error {
	return fmt.Errorf("x")
}

func New[T any](opts ...Option) *Server {
	return &Server{}
}
`
    const result = await parser.parse('go', source)
    expect(result.package).toBe('server')
    expect(result.imports).toEqual([
      { specifier: 'context', line: 4, kind: 'import' },
      { specifier: 'github.com/acme/app/internal/store', line: 5, kind: 'import' },
      { specifier: 'fmt', line: 7, kind: 'import' },
    ])
    expect(result.definitions.map((d) => [d.kind, d.name, d.line, d.endLine, d.signature])).toEqual([
      ['type', 'Server', 10, 12, 'type Server struct'],
      ['interface', 'Handler', 14, 16, 'type Handler interface'],
      ['type', 'ID', 18, 18, 'type ID = string'],
      ['method', 'Start', 20, 22, 'func (s *Server) Start(ctx context.Context, port int) error'],
      ['function', 'New', 24, 26, 'func New[T any](opts ...Option) *Server'],
    ])
    // Names the file may take from its own package; qualified ones (store.Store) are imports' business.
    expect(result.references).toEqual(expect.arrayContaining(['Server', 'Option', 'ID']))
    expect(result.references).not.toContain('store')
  })
})
