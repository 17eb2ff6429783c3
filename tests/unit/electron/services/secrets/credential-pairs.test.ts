// "A name that says credential meets a value", in the syntaxes that got through before: no operator
// right before the quote (a Rust byte string, an Objective-C @"…", a Gradle setting, SQL's PASSWORD '…'),
// NAME=value inside a line (a docker --build-arg, an env list in a pipeline step, a commit subject),
// a key and its value on neighbouring lines, credentials as positional arguments, concatenations,
// nested sections, YAML anchors and UUID-shaped keys. Each through the whole redactor, as every path
// to Claude uses it.
import { describe, expect, it } from 'vitest'
import { findCredentialPairs } from '../../../../../electron/services/secrets/credential-pairs.ts'
import { redactCommitText } from '../../../../../electron/services/secrets/redact-commit-text.ts'
import { SecretRedactor } from '../../../../../electron/services/secrets/secret-redactor.ts'
import { randomString } from '../../../../fixtures/planted-corpus.ts'

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const TOKEN = randomString(ALNUM, 32, 11)
const PASSWORD = `${randomString(ALNUM, 6, 12)}-${randomString(ALNUM, 4, 13)}!7`
const UUID = '3f9c2a71-5b8e-4d0a-9e6f-1c7b2d4a8e53'
const redactor = new SecretRedactor()

/** Cases: where the file is, what it holds, and the values that must not survive. */
const CASES: readonly (readonly [string, string, string, readonly string[]])[] = [
  ['a name with a word after the credential word (dotenv)', 'deploy/app.env.sample', `DB_PASSWORD_OLD=${PASSWORD}\n`, [PASSWORD]],
  ['a name with a word after the credential word (YAML)', 'config/app.yml', `API_KEY_STAGING: ${TOKEN}\n`, [TOKEN]],
  ['a name with a word after the credential word (Python)', 'app/settings.py', `GITHUB_TOKEN_CI = "${TOKEN}"\n`, [TOKEN]],
  ['a name with a word after the credential word (Ruby)', 'config/app.rb', `password_backup = '${PASSWORD}'\n`, [PASSWORD]],
  ['a Visual Basic typed constant', 'src/Config.vb', `Dim SigningKey As String = "${TOKEN}"\n`, [TOKEN]],
  [
    'a random token with xXx in it',
    'config/app.properties',
    `app.mail-key=wM9vdeYAiuBoLVb${'xXx'}mFczgneK8RquGZ\n`,
    [`wM9vdeYAiuBoLVb${'xXx'}mFczgneK8RquGZ`],
  ],
  [
    'a UUID of low entropy',
    'Sources/App/Client.swift',
    'Client(baseURL: url, accessToken: "0ddb754b-5c54-46d0-9065-8bdb5d6d6e5d")\n',
    ['0ddb754b-5c54-46d0-9065-8bdb5d6d6e5d'],
  ],
  ['a passwords: section', 'deploy/values.yaml', `passwords:\n  github: ${PASSWORD}\nreplicas: 2\n`, [PASSWORD]],
  ['a Rust byte string', 'src/keys.rs', `const SIGNING_KEY: &[u8] = b"${TOKEN}";\n`, [TOKEN]],
  ['an Objective-C constant', 'Classes/Config.m', `NSString *const kApiToken = @"${TOKEN}";\n`, [TOKEN]],
  ['a C# verbatim string', 'src/App/Secrets.cs', `static readonly string DbPassword = @"${PASSWORD}";\n`, [PASSWORD]],
  ['a Python raw string', 'app/keys.py', `api_key: str = r'${TOKEN}'\n`, [TOKEN]],
  ['an Elixir module attribute', 'lib/app/client.ex', `  @signing_secret "${TOKEN}"\n`, [TOKEN]],
  ['a Tcl set', 'scripts/setup.tcl', `set db_password "${PASSWORD}"\n`, [PASSWORD]],
  ['a docker --build-arg', 'scripts/build.sh', `docker build --build-arg NPM_TOKEN=${TOKEN} -t shop/api .\n`, [TOKEN]],
  ['an env list in a pipeline step', '.drone.yml', `    environment: [NODE_ENV=production, DEPLOY_TOKEN=${TOKEN}, LOG=info]\n`, [TOKEN]],
  ['an env list in a Jenkins step', 'Jenkinsfile', `withEnv(["STAGE=prod", "DEPLOY_TOKEN=${TOKEN}"]) {\n  sh './deploy.sh'\n}\n`, [TOKEN]],
  ['a run step with NAME=value', '.github/workflows/deploy.yml', `        run: VAULT_TOKEN_CI=${TOKEN} ./deploy.sh\n`, [TOKEN]],
  ['a --flag value', 'docs/cli.md', `Run \`./bin/migrate --host db --db-password ${PASSWORD}\` once.\n`, [PASSWORD]],
  ['a plist key and its string', 'ios/App/Config.plist', `\t<key>ApiToken</key>\n\t<string>${TOKEN}</string>\n`, [TOKEN]],
  [
    'an XML name and value',
    'conf/core-site.xml',
    `<property>\n  <name>fs.store.secret-key</name>\n  <value>${TOKEN}</value>\n</property>\n`,
    [TOKEN],
  ],
  ['a label and the line below', 'ops/handover.txt', `Admin password:\n    ${PASSWORD}\n`, [PASSWORD]],
  ['a constructor of credentials', 'src/Auth.java', `var auth = new BasicAuth("deploy", "${PASSWORD}");\n`, [PASSWORD]],
  ['a login call', 'app/session.py', `client.login(user, "${PASSWORD}")\n`, [PASSWORD]],
  ['an auth tuple', 'scripts/sync.py', `requests.get(url, auth=("reporting", "${PASSWORD}"), timeout=10)\n`, [PASSWORD]],
  ['a key then its value', 'src/Boot.java', `headers.put("X-Api-Key", "${TOKEN}");\n`, [TOKEN]],
  [
    'a Gradle signing config',
    'app/build.gradle',
    `android {\n  signingConfigs {\n    release {\n      storeFile file("release.keystore")\n      storePassword "${PASSWORD}"\n      keyAlias 'upload'\n    }\n  }\n}\n`,
    [PASSWORD],
  ],
  ['SQL IDENTIFIED BY', 'db/users.sql', `ALTER USER etl IDENTIFIED BY '${PASSWORD}';\n`, [PASSWORD]],
  ['SQL WITH PASSWORD', 'db/users.sql', `CREATE USER etl WITH PASSWORD '${PASSWORD}';\n`, [PASSWORD]],
  ['SQL in a shell script', 'scripts/users.sh', `psql -c "CREATE ROLE etl LOGIN PASSWORD '${PASSWORD}';"\n`, [PASSWORD]],
  [
    'a concatenation',
    'src/keys.js',
    `const apiKey = "${TOKEN.slice(0, 10)}" + "${TOKEN.slice(10, 20)}" + "${TOKEN.slice(20)}";\n`,
    [TOKEN.slice(0, 10), TOKEN.slice(10, 20), TOKEN.slice(20)],
  ],
  ['a nested secrets: section in YAML', 'config/app.yml', `secrets:\n  production:\n    github: ${TOKEN}\nreplicas: 2\n`, [TOKEN]],
  ['a credentials object in code', 'src/keys.ts', `const credentials = {\n  mailer: '${TOKEN}',\n}\n`, [TOKEN]],
  ['a YAML anchor and its alias', 'docker-compose.yml', `x-value: &v ${TOKEN}\nservices:\n  api:\n    api_token: *v\n`, [TOKEN]],
  ['a UUID under a key name', 'ci/env.sh', `export HEROKU_API_KEY=${UUID}\n`, [UUID]],
  ['a Terraform variable default', 'infra/variables.tf', `variable "db_password" {\n  default = "${PASSWORD}"\n}\n`, [PASSWORD]],
]

describe('a credential name meeting its value', () => {
  it.each(CASES)('in %s', async (_what, path, text, secrets) => {
    const result = await redactor.redact(path, text)
    for (const secret of secrets) expect(result.text).not.toContain(secret)
    expect(result.text.split('\n')).toHaveLength(text.split('\n').length)
  })

  it('in a commit subject', () => {
    const subject = `Set REPORTING_DB_PASSWORD=${PASSWORD} for staging`
    expect(redactCommitText(subject)).toBe('Set REPORTING_DB_PASSWORD=[redacted by Gemba: password-assignment] for staging')
  })

  it('keeps the rest of the line', async () => {
    const result = await redactor.redact('scripts/build.sh', `docker build --build-arg NPM_TOKEN=${TOKEN} -t shop/api .\n`)
    expect(result.text).toBe('docker build --build-arg NPM_TOKEN=[redacted by Gemba: secret-assignment] -t shop/api .\n')
  })
})

describe('findCredentialPairs', () => {
  it('takes the user of a pair only when it is random enough to be a key', () => {
    const text = `var auth = new BasicAuth("deploy-bot", "${PASSWORD}");\n`
    expect(findCredentialPairs(text, 'code').map((span) => text.slice(span.start, span.end))).toEqual([PASSWORD])
  })

  it('finds a value at the end of a long minified line', () => {
    const line = Array.from({ length: 20_000 }, (_, i) => `a${i}={k:"v${i}",t:f(${i})}`).join(';')
    const text = `${line};var apiKey="${TOKEN}";\n`
    expect(findCredentialPairs(text, 'code').map((span) => text.slice(span.start, span.end))).toEqual([TOKEN])
  })
})
