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
  // Issue 23's measure, on 27 repositories: translations, labels and prose under credential names.
  [
    'src/lang/xx.json',
    '{\n  "Current Password": "パスワードを変更",\n  "New Password": "已成功更新密码。",\n  "Password": "Текущий пароль",\n  "Repeat Password": "รหัสผ่านใหม่",\n  "API Key": "API-Schlüssel",\n  "User Key": "Bruger-Nøgle",\n  "Session Token": "Munkamenet-azonosító",\n  "Update Password": "به\u200cروز\u200cرسانی گذرواژه",\n  "OAuth2: Client Credentials": "OAuth2：客户端凭据",\n  "appAuthToken": "API Key appmessenger",\n  "disabled": "Auth Díchumasaithe."\n}\n',
  ],
  ['tests/RouteTest.php', "'auth' => ['Middleware 3', 'Middleware 4'],\n"],
  ['src/app.py', '    # Don\'t pass SERVER_NAME, otherwise it is used\n    help=" pass arguments."\n'],
  ['docker/.env.example', 'SMTP_PASSWORD=\nSMTP_USER=\nBADGE_LABEL=Mychecks\nCLIENT_SECRET=\nTIMEOUT=60\n'],
  [
    'pkg/limiter/script.go',
    'var TokenBucketScript = `\nlocal key = KEYS[1]\nlocal tokens = tonumber(ARGV[1])\nredis.call("hset", key, "tokens", tokens)\n`\n',
  ],
  [
    'pkg/crd/middleware.go',
    'BasicAuth *BasicAuth `json:"basicAuth,omitempty"`\nClientAuth ClientAuth `json:"clientAuth,omitempty"`\nLabels map[string]string `protobuf_key:"bytes,1,opt,name=key,proto3"`\n',
  ],
  [
    'pkg/cmd/root.go',
    'import (\n\tauthTokenCmd "github.com/acme/tool/pkg/cmd/auth/token"\n\tsshKeyCmd "github.com/acme/tool/pkg/cmd/ssh-key"\n)\n',
  ],
  [
    'static/app.min.js',
    'e={altKey:!0,bubbles:!0,ctrlKey:!0,metaKey:!0,shiftKey:!0};d.push({pattern:"date",token:M,i:s,j:o,separator:"",year:t})\n',
  ],
  ['web/yarn.lock', '"eslint-visitor-keys@npm:3.4.3":\n  version: 3.4.3\n  resolution: "eslint-visitor-keys@npm:3.4.3"\n'],
  ['package-lock.json', `{\n  "node_modules/@babel/plugin-private-methods": {\n    "integrity": "sha512-${'Kq2'.repeat(28)}w=="\n  }\n}\n`],
  ['docs/validated.md', '```scala\ndef validatePassword(password: String): Either[Error, String] =\n  Right(password)\n```\n'],
  [
    'src/Cleaner.kt',
    'val signingCert = chain.next() as X509Certificate\nfun verify(toVerify: X509Certificate, signingCert: X509Certificate) {}\n',
  ],
  ['pkg/acme/account.go', 'PrivateKey: x509.MarshalPKCS1PrivateKey(privateKey),\ncancelToken = resolved.cancelToken\n'],
  ['app/settings.py', 'PASSWORD_HASHERS = [\n    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",\n]\n'],
  [
    'web/manifest.json',
    '{\n  "resources/js/Pages/Auth/ForgotPassword.vue": {\n    "file": "assets/ForgotPassword-DuXwr9M.js",\n    "imports": ["_PrimaryButton.931d2859.js"]\n  }\n}\n',
  ],
  [
    'pkg/cache/cache_test.go',
    '"key": "Linux-node-958aff96db2d75d67787d1e634ae70b659de937b",\nmock(PubKey{ID: "123", Key: "CDjXqf7AJBXWhMczcy+Fs7JlACEptgceysutztHaFQI="})\n',
  ],
  ['discovery/mock.go', '"private_net": [{"ip": "10.0.0.2", "mac_address": "86:00:ff:2a:7d:e1"}]\n'],
  ['Makefile', "DATE := $(shell date -u '+%Y-%m-%d_%I:%M:%S%p')\n"],
  [
    'mvnw',
    'wget --http-user="$MVNW_USERNAME" --http-password="$MVNW_PASSWORD" "$wrapperUrl" -O "$jar"\nassert_key "S-$extended_key" "$expected_code"\n',
  ],
  ['hc/transport.py', 'headers = {"Authorization": f"Bearer {settings.MATRIX_ACCESS_TOKEN}"}\n'],
  [
    'docs/Structs/Header.html',
    '<a class="token" href="#/s:9Alamofire10HTTPHeaderV13authorization8username8passwordACSS_SStFZ">authorization(username:<wbr>password:<wbr>)</a>\n',
  ],
  [
    'priv/templates/fixtures.ex.eex',
    'update_password(user, %{password: valid_<%= schema.singular %>_password()})\npassword = get_change(changeset, :password)\n',
  ],
  ['samples/Slack.java', '"xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",\n'],
  [
    'src/HeldCertificate.kt',
    'append("-----BEGIN PRIVATE KEY-----\\n")\nencodeBase64Lines(keyPair.private.encoded)\nappend("-----END PRIVATE KEY-----\\n")\n',
  ],
  ['src/components/Smtp.vue', '<textarea placeholder="-----BEGIN PRIVATE KEY-----"></textarea>\n'],
  ['pkg/auth/status_test.go', 'login(t, c, "github.com", "monalisa", "gho_def456", "https")\naccess_key: A1B2C3D4E5F6G7H8I9J0\n'],
  ['Build/build.psm1', "$buildToolsKey = 'MSBuildToolsPath32'\n"],
  ['App.xcworkspace/Checks.plist', '<dict>\n\t<key>IDEDidComputeMac32BitWarning</key>\n\t<true/>\n</dict>\n'],
  ['tests/Members.cs', 'var c = new PrivateMembersClass("PrivateString!", "InternalString!");\n'],
  ['src/Driver.php', "$util->authorizeOAuthInteractively($url, 'Your credentials are required (<info>'.$link.'</info>)');\n"],
  ['src/Apprise.vue', '<p>{{ $t("Example:", ["twilio://AccountSid:AuthToken@FromPhoneNo"]) }}</p>\n'],
  ['pkg/build.go', '// key: namespace/host+path+pathType → (backend service, config)\n'],
  ['webui/mocks/middlewares.json', '{"forwardAuth": {"tls": {"ca": "path/to/local.crt", "cert": "path/to/foo.cert"}}}\n'],
  ['package.json', '"db": "docker run --rm -p 3306:3306 -e MYSQL_ROOT_PASSWORD=mariadb mariadb"\n'],
  ['docs/tutorial/views.rst', "        username = request.form['username']\n        password = request.form['password']\n"],
  ['tests/FormRequestTest.php', "return ['password' => 'required|confirmed|min:8'];\n"],
  ['tests/test_cli.py', "self.key_value_arg('Empty-Header;'),\n"],
  [
    'pkg/label/http_test.go',
    '"endCursor": "Y3Vyc29yOnYyOpK5MjAyMi0wMS0zMVQxODo1NTo1MiswODowMM7hiAL3",\n"node_id": "RRS_lACqUmVwb3NpdG9yec4dwx_uzSNGxK2p",\n',
  ],
]

describe('not credentials', () => {
  it.each(CASES)('%s stays as it is', async (path, text) => {
    const result = await redactor.redact(path, text)
    expect(result.redactions).toEqual([])
    expect(result.text).toBe(text)
  })
})
