import { describe, expect, it } from 'vitest'
import { usedNames } from '../../../../../../electron/services/repos/parse/used-names.ts'

describe('usedNames', () => {
  it('lists the names a file uses and does not declare, without keywords or short words', () => {
    const names = usedNames(
      'func (s *Server) Serve() error {\n\tfor i := 0; i < n; i++ {\n\t\tlog.Info(server_start(cfg))\n\t}\n\treturn nil\n}\n',
      ['Serve'],
    ).split(' ')
    expect(names).toEqual(expect.arrayContaining(['Server', 'Info', 'server_start', 'log', 'cfg']))
    for (const absent of ['Serve', 'func', 'for', 'return', 'nil', 'error', 'i', 'n']) expect(names).not.toContain(absent)
  })

  it('keeps at most `max` names, dropping plain words before names that read as declarations', () => {
    const text = `${Array.from({ length: 50 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ')} HttpClient`
    const names = usedNames(text, [], { max: 10 }).split(' ')
    expect(names).toHaveLength(10)
    expect(names).toContain('HttpClient')
  })

  it('never keeps a token-shaped word (a key in a string, a hash): the parse cache is on disk', () => {
    const names = usedNames(
      'login(token="hf_68BbkFTcVjm7VdEGorgAGTisCMprrBrGSz")\nkey = "ghp_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwX"\nHTTP2ServerConnection(sha256)\nutf8Decoder()\n',
      [],
    ).split(' ')
    expect(names).toEqual(expect.arrayContaining(['login', 'token', 'HTTP2ServerConnection', 'sha256', 'utf8Decoder']))
    for (const token of ['hf_68BbkFTcVjm7VdEGorgAGTisCMprrBrGSz', 'ghp_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwX'])
      expect(names).not.toContain(token)
  })

  it('never keeps a token only strings hold, or a random one (a credential is no name), but keeps names with digits the code uses', () => {
    const names = usedNames(
      [
        'import stripe',
        'stripe.api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"',
        "client = Http2Connection(token='ghp_16C7e42F292c6912E7710c838347Ae178B4a')",
        "// don't build a Http2Connection per call, it's slow",
        'BUCKET = "assets-2024-eu-west"',
        'key = nv5HKPWfq81LmXz0aQ7cT3yJ',
      ].join('\n'),
      [],
    ).split(' ')
    expect(names).toEqual(expect.arrayContaining(['stripe', 'api_key', 'Http2Connection', 'client']))
    for (const secret of ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'nv5HKPWfq81LmXz0aQ7cT3yJ'])
      expect(names).not.toContain(secret)
  })
})
