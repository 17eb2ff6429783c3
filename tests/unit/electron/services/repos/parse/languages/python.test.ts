import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

const SOURCE = `"""Billing models."""
import os, sys as system
import app.models.user
from . import views, forms as f
from ..core.db import (Session,
    engine)
from pkg.sub import *

@dataclass
class User(Base):
    name: str

    @property
    def display(self) -> str:
        return self.name

    def save(self,
             force: bool = False) -> None:
        pass

async def fetch(url: str) -> bytes:
    ...
`

describe('Python', () => {
  it('reads import and from-import statements with the imported names', async () => {
    const result = await parser.parse('python', SOURCE)
    expect(result.imports).toEqual([
      { specifier: 'os', line: 2, kind: 'import' },
      { specifier: 'sys', line: 2, kind: 'import' },
      { specifier: 'app.models.user', line: 3, kind: 'import' },
      { specifier: '.', line: 4, kind: 'from', names: ['views', 'forms'] },
      { specifier: '..core.db', line: 5, kind: 'from', names: ['Session', 'engine'] },
      { specifier: 'pkg.sub', line: 7, kind: 'from', names: [], wildcard: true },
    ])
  })

  it('tells methods from functions and keeps signatures without bodies or decorators', async () => {
    const result = await parser.parse('python', SOURCE)
    expect(result.definitions.map((d) => [d.kind, d.name, d.line, d.endLine, d.signature])).toEqual([
      ['class', 'User', 10, 19, 'class User(Base)'],
      ['method', 'display', 14, 15, 'def display(self) -> str'],
      ['method', 'save', 17, 19, 'def save(self, force: bool = False) -> None'],
      ['function', 'fetch', 21, 22, 'async def fetch(url: str) -> bytes'],
    ])
  })

  it('reads a module named by its dotted path in a string as a link to it (settings, URL configuration, apps)', async () => {
    const result = await parser.parse(
      'python',
      'import os\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "hc.settings")\nROOT_URLCONF = \'hc.urls\'\nWSGI_APPLICATION = "hc.wsgi.application"\nTITLE = "Mychecks"\nVERSION = "3.1"\nHOST = "example.org is up"\n',
    )
    expect(result.imports.filter((ref) => ref.kind === 'dynamic')).toEqual([
      { specifier: 'hc', line: 3, kind: 'dynamic', names: ['settings'] },
      { specifier: 'hc', line: 4, kind: 'dynamic', names: ['urls'] },
      { specifier: 'hc.wsgi', line: 5, kind: 'dynamic', names: ['application'] },
    ])
  })
})
