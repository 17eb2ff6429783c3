// Decoding a file for an edit and encoding it back gives the very same bytes, whatever they are: UTF-8
// with or without its mark, UTF-16 behind either mark, and any other bytes as Windows-1252; and what
// cannot be decoded without loss is said, not replaced by U+FFFD.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeFaithfully, encodeText, unencodable } from '../../../../../electron/services/fs/text-encoding.ts'

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16()

describe('decodeFaithfully and encodeText', () => {
  it.each([
    ['UTF-8', Buffer.from('const café = "ü"\n'), 'utf-8', 'const café = "ü"\n'],
    ['UTF-8 with its mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a = 1\r\n')]), 'utf-8-bom', 'a = 1\r\n'],
    ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Größe\r\n', 'utf16le')]), 'utf-16le', 'Größe\r\n'],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('Größe\n')]), 'utf-16be', 'Größe\n'],
    ['Latin-1', Buffer.from('/* © 2024 Müller */\n', 'latin1'), 'windows-1252', '/* © 2024 Müller */\n'],
    ['Windows-1252', Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x0a]), 'windows-1252', '€ “a”\n'],
  ] as const)('%s comes back byte for byte', (_, bytes, encoding, text) => {
    const decoded = decodeFaithfully(bytes)
    expect(decoded).toEqual({ text, encoding })
    if ('text' in decoded) expect(Buffer.from(encodeText(decoded.text, decoded.encoding))).toEqual(bytes)
  })

  it('any bytes without a NUL come back exactly (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (raw) => {
        const bytes = Buffer.from(raw.map((byte) => byte || 0x20))
        const decoded = decodeFaithfully(bytes)
        if (!('text' in decoded)) return
        expect(Buffer.from(encodeText(decoded.text, decoded.encoding))).toEqual(bytes)
      }),
      { numRuns: 2_000 },
    )
  })

  it('says what it cannot decode instead of replacing characters', () => {
    expect(decodeFaithfully(Buffer.from([0xff, 0xfe, 0x41]))).toEqual({ problem: expect.stringMatching(/UTF-16LE mark but is not valid/) })
    expect(decodeFaithfully(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toMatchObject({
      problem: expect.stringMatching(/not valid/),
    })
    expect(decodeFaithfully(Buffer.from([0xef, 0xbb, 0xbf, 0xc3]))).toMatchObject({ problem: expect.stringMatching(/not valid UTF-8/) })
    expect(decodeFaithfully(Buffer.from([0x41, 0x00, 0x42]))).toEqual({ problem: 'it is a binary file', binary: true })
  })

  it('names the characters a single-byte file cannot hold', () => {
    expect(unencodable('naïve € “quoted”', 'windows-1252')).toEqual([])
    expect(unencodable('日本 ok ✓', 'windows-1252')).toEqual(['日', '本', '✓'])
    expect(unencodable('日本', 'utf-8')).toEqual([])
  })
})
