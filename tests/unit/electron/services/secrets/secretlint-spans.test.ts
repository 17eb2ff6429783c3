// secretlint gets each file's real name and extension, always: its file-dependent rules (an .npmrc
// `_authToken`) used to fire when a file was linted alone and not when files were batched under one
// made-up name, so the same token was redacted on one path to Claude and sent whole on another.
import { describe, expect, it } from 'vitest'
import { SecretlintLayer } from '../../../../../electron/services/secrets/secretlint-spans.ts'
import { randomString } from '../../../../fixtures/planted-corpus.ts'

const TOKEN =
  randomString('0123456789abcdef', 8, 90) +
  '-' +
  randomString('0123456789abcdef', 4, 91) +
  '-4abc-8def-' +
  randomString('0123456789abcdef', 12, 92)
const NPMRC = `//registry.npmjs.org/:_authToken=${TOKEN}\n`

describe('SecretlintLayer', () => {
  it('finds an .npmrc auth token under the file name that makes it one', async () => {
    const spans = await new SecretlintLayer().spans('.npmrc', NPMRC)
    expect(spans.map((span) => NPMRC.slice(span.start, span.end)).join('')).toContain(TOKEN)
  })

  it('finds it the same when many files are read at once', async () => {
    const layer = new SecretlintLayer()
    const others = Array.from({ length: 15 }, (_, i) =>
      layer.spans(`src/file${i}.ts`, `const x${i} = "${randomString('abcdefghijk0123456789', 24, i)}"\n`),
    )
    const [alone, ...rest] = await Promise.all([layer.spans('packages/web/.npmrc', NPMRC), ...others])
    expect(rest).toHaveLength(15)
    expect(alone.map((span) => NPMRC.slice(span.start, span.end)).join('')).toContain(TOKEN)
  })
})
