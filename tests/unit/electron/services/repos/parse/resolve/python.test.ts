// Python resolution on a repository shaped like a real package, checked both ways: every import the
// code makes is an edge (names followed through a package's re-exports), no edge where none exists.
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('Python resolution', () => {
  it('draws a src-layout package as its imports say: absolute, relative and re-exported names', async () => {
    // Shaped like a web framework: a package __init__ re-exporting its app class, a CLI, helpers, a
    // sub-package, tests importing the package, and a docs example importing it too.
    const lines = await resolveBuiltRepo(
      {
        'pyproject.toml': '[project]\nname = "quart-lite"\n[project.scripts]\nquart-lite = "quart_lite.cli:main"\n',
        'src/quart_lite/__init__.py': 'from .app import App as App\nfrom .helpers import url_for as url_for\n',
        'src/quart_lite/app.py':
          'import os\nimport typing as t\nfrom . import signals\nfrom .routing import Map\nfrom .helpers import url_for\nclass App:\n    pass\n',
        'src/quart_lite/signals.py': 'from blinker import Namespace\nsignal = Namespace().signal\n',
        'src/quart_lite/helpers.py': 'from .globals import current_app\ndef url_for(name):\n    return current_app\n',
        'src/quart_lite/globals.py': 'current_app = None\n',
        'src/quart_lite/routing/__init__.py': 'from .map import Map as Map\n',
        'src/quart_lite/routing/map.py': 'from ..globals import current_app\nclass Map:\n    pass\n',
        'src/quart_lite/cli.py': 'import click\nfrom quart_lite import App\ndef main():\n    App()\n',
        'tests/conftest.py': 'import pytest\nfrom quart_lite import App\n',
        'tests/test_routing.py': 'from quart_lite.routing import Map\n',
        'docs/example.py': 'from quart_lite import url_for\n',
      },
      { importsOnly: true },
    )
    expect(lines).toEqual([
      'docs/example.py -> src/quart_lite/__init__.py',
      'docs/example.py -> src/quart_lite/helpers.py',
      'src/quart_lite/__init__.py -> src/quart_lite/app.py',
      'src/quart_lite/__init__.py -> src/quart_lite/helpers.py',
      'src/quart_lite/app.py -> src/quart_lite/helpers.py',
      'src/quart_lite/app.py -> src/quart_lite/routing/__init__.py',
      'src/quart_lite/app.py -> src/quart_lite/routing/map.py',
      'src/quart_lite/app.py -> src/quart_lite/signals.py',
      'src/quart_lite/cli.py -> src/quart_lite/__init__.py',
      'src/quart_lite/cli.py -> src/quart_lite/app.py',
      'src/quart_lite/helpers.py -> src/quart_lite/globals.py',
      'src/quart_lite/routing/__init__.py -> src/quart_lite/routing/map.py',
      'src/quart_lite/routing/map.py -> src/quart_lite/globals.py',
      'tests/conftest.py -> src/quart_lite/__init__.py',
      'tests/conftest.py -> src/quart_lite/app.py',
      'tests/test_routing.py -> src/quart_lite/routing/__init__.py',
      'tests/test_routing.py -> src/quart_lite/routing/map.py',
    ])
  })
})
