import { describe, expect, it } from 'vitest'
import { lightLanguageFor, scriptLanguage } from '../../../../../../electron/services/repos/parse/language-for-path.ts'

describe('languages by path', () => {
  it('knows the languages read only by their lines', () => {
    expect(['Source/Session.swift', 'core/Monad.scala', 'lib/phoenix.ex', 'mix.exs', 'src/app.ts'].map(lightLanguageFor)).toEqual([
      'swift',
      'scala',
      'elixir',
      'elixir',
      null,
    ])
  })

  it('reads an executable in bin/ or exe/ by its #! line', () => {
    expect(scriptLanguage('bin/sidekiq', '#!/usr/bin/env ruby\nrequire "sidekiq/cli"\n')).toBe('ruby')
    expect(scriptLanguage('bin/composer', '#!/usr/bin/env php\n<?php\n')).toBe('php')
    expect(scriptLanguage('packages/cli/bin/tool', '#!/usr/bin/env -S node --no-warnings\n')).toBe('javascript')
    expect(scriptLanguage('exe/rails', '#!/usr/bin/python3\n')).toBe('python')
    expect(scriptLanguage('bin/setup', '#!/bin/sh\nset -e\n')).toBeNull()
    expect(scriptLanguage('scripts/release', '#!/usr/bin/env ruby\n')).toBeNull()
    expect(scriptLanguage('bin/data', 'not a script\n')).toBeNull()
  })
})
