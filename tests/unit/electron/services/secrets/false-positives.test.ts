// Lines that look like credentials to a careless reader and are not: each one a redaction the
// false-positive measure (`npm run bench -- redact -- <repositories> --show`) found in real public
// repositories, reduced to its shape. None may be redacted, so code stays readable.
import { describe, expect, it } from 'vitest'
import { SecretRedactor } from '../../../../../electron/services/secrets/secret-redactor.ts'

const redactor = new SecretRedactor()
const b64 = (text: string) => Buffer.from(text).toString('base64')

const CASES: readonly (readonly [string, string])[] = [
  ['docs/flashing.rst', "machine learning needs data\n\n    flash('Invalid password provided', 'error')\n"],
  ['context_test.go', 'key := "uint16-slice"\nkey := "float64-slice"\n'],
  ['context_test.go', 'c.Request.Header.Set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")\n'],
  ['auth_test.go', `assert.Equal(t, "Basic ${b64('admin:password')}", authorizationHeader("admin", "password"))\n`],
  ['docs/doc.md', '// Example for binding a HTML form (user=manu&password=123)\n'],
  ['.github/workflows/ci.yml', 'run: apt-key adv --keyserver keyserver.ubuntu.com --recv-keys 3B4FE6ACC0B21F32\n'],
  [
    'src/debug.c',
    'decoded = getDecodedObject(cc->argv[j]);\nkey = dictGetKey(hi->de);\nint pass=0, fail=0;\nuint64_t nowKey = EB_BUCKET_KEY(info->now);\n',
  ],
  ['tests/scripting.tcl', 'redis.call("set", "key", "12039611435714932082")\n'],
  [
    'src/cookie.test.ts',
    "const cookieString = 'toString=foo; hasOwnProperty=bar; constructor=baz'\nc.res.headers.append('Set-Cookie', 'cookie1=value1')\nconst header = 'type;key=1;key=2;KEY=3'\n",
  ],
  [
    'src/auth.test.ts',
    "const token = 'testtoken123'\nconst password = 'callback-pass'\nreq.headers.set('Authorization', 'Bearer abcdefg12345-._~+/=')\n",
  ],
  ['src/auth.test.ts', `const credential = '${b64('hono-user-a:hono-password-a')}'\n`],
  ['src/jwt.ts', 'const pem = `-----BEGIN PRIVATE KEY-----\\n${base64Key}\\n-----END PRIVATE KEY-----`\n'],
  ['src/adapter.ts', "cookie = event.multiValueHeaders['cookie']?.join('; ')\n"],
  ['LoadableData.kt', 'let cacheKey = "LoadableData:" + this._url;\n'],
  [
    'src/login.ts',
    'interface Login { password: string; token?: string }\nconst password = await prompt("Password:")\nconst token = process.env.API_TOKEN\nconst url = `postgres://${user}:${pass}@${host}/db`\nexport const cacheKey = "projects"\n',
  ],
  [
    '.env.example',
    'DB_PASSWORD=${DB_PASSWORD}\nAPI_TOKEN=\npassword: <your password here>\nsecret: changeme\nSTRIPE_KEY=sk_test_your_key_here\n',
  ],
  ['config/database.yml', 'development:\n  url: postgres://postgres:postgres@localhost:5432/dev\n  password: <%= ENV["DB_PASSWORD"] %>\n'],
  ['README.md', 'Run `curl -u $USER:$TOKEN https://api.example.com` or `mysql -u root -p`.\n'],
  ['src/Model.php', "protected $hidden = ['password', 'remember_token'];\n$builder->whereJsonContainsKey('options->languages[0][1]');\n"],
  ['src/DumpCommand.php', '\' --user="${:LARAVEL_LOAD_USER}" --password="${:LARAVEL_LOAD_PASSWORD}" --host="${:LARAVEL_LOAD_HOST}"\'\n'],
  ['config/database.php', "$dsn = 'pgsql:host=foo;dbname=bar;client_encoding=utf8';\n"],
  [
    'test/filter_test.rb',
    'assert_equal "Redirected to http://secret.foo.bar?username=repinel&password=[FILTERED]", logs[1]\nassert_equal "Redirected to [FILTERED]", logs[0]\n',
  ],
  ['guides/security.md', 'See [the worm](https://example.com/viewdocument?DocumentKey=12d8d106-1137-4d7c-8bb4-3ea1faec83fa).\n'],
  [
    '.env.sample',
    '# DATABASE_URL="postgres://myuser:mypass@localhost/somedatabase"\nDATABASE_URL: "postgresql://baduser:badpass@127.0.0.1/dbname"\n',
  ],
  [
    'docs/security.md',
    'token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"\nAuthorization: Bearer deadbeef12346\n',
  ],
  [
    'src/extract.rs',
    '///     headers::authorization::{Authorization, Bearer},\n.header("sec-websocket-key", "6D69KGBOr4Re+Nj6zx9aQA==")\n//     -H \'Authorization: Bearer blahblahblah\'\n',
  ],
  ['public/chart.svg', `<image href="data:image/png;base64,iVBORw0KGgo+EAAA${'Q'.repeat(70)}" />\n`],
]

describe('not credentials', () => {
  it.each(CASES)('%s stays as it is', async (path, text) => {
    const result = await redactor.redact(path, text)
    expect(result.redactions).toEqual([])
    expect(result.text).toBe(text)
  })
})
