// Fake secrets of many kinds, assembled at run time (so no real-looking secret sits in the source),
// each with the file it is planted in. Shared by the redaction unit tests and the integration tests.

/** Deterministic pseudo-random characters. */
export const pick = (alphabet: string, length: number, seed: number) =>
  Array.from({ length }, (_, index) => alphabet[(index * 7 + seed * 13 + ((index * index) % 11)) % alphabet.length]).join('')
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** Each planted secret: the file it sits in, the line, and the secret value that must not survive. */
export const PLANTED: readonly { readonly path: string; readonly line: string; readonly secret: string }[] = (() => {
  const aws = 'AKIA' + pick(UPPER, 16, 1)
  const awsSecret = pick(ALNUM + '/+', 40, 2)
  const github = 'ghp_' + pick(ALNUM, 36, 3)
  const slack = 'xoxb-' + '2407' + '1834' + '5519-' + '7723' + '9912' + '4410-' + pick(ALNUM, 24, 4)
  const stripe = 'sk_' + 'live_' + pick(ALNUM, 24, 5)
  const google = 'AI' + 'za' + pick(ALNUM + '_-', 35, 6)
  const anthropic = 'sk-' + 'ant-api03-' + pick(ALNUM, 93, 7) + 'AA'
  const jwt = ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ', pick(ALNUM + '_-', 43, 8)].join(
    '.',
  )
  const bearer = pick(ALNUM, 40, 9)
  const dbPassword = 'Tr0ub4dor' + '-and-3'
  const yamlPassword = 'hunter' + '2hunter2'
  const keyBody = pick(ALNUM + '+/', 64, 10)
  const signing = pick(ALNUM, 32, 11)
  const npm = 'npm_' + pick(ALNUM, 36, 12)
  return [
    { path: 'config/aws.ini', line: `aws_access_key_id = ${aws}`, secret: aws },
    { path: 'config/aws.ini', line: `aws_secret_access_key = ${awsSecret}`, secret: awsSecret },
    { path: 'scripts/deploy.sh', line: `export GITHUB_TOKEN=${github}`, secret: github },
    { path: 'src/notify.ts', line: `const slack = new WebClient('${slack}')`, secret: slack },
    { path: 'src/billing.py', line: `stripe.api_key = "${stripe}"`, secret: stripe },
    { path: 'src/maps.js', line: `const key = "${google}"`, secret: google },
    { path: 'src/ai.ts', line: `const client = new Anthropic({ apiKey: '${anthropic}' })`, secret: anthropic },
    { path: 'tests/auth.test.ts', line: `const session = '${jwt}'`, secret: jwt },
    { path: 'docs/api.md', line: `curl -H "Authorization: Bearer ${bearer}" https://api.example.com`, secret: bearer },
    { path: 'config/database.yml', line: `url: postgres://app_user:${dbPassword}@db.internal:5432/app`, secret: dbPassword },
    { path: 'config/settings.yaml', line: `  password: ${yamlPassword}`, secret: yamlPassword },
    {
      path: 'keys/readme.md',
      line: `-----BEGIN RSA PRIVATE KEY-----\n${keyBody}\n${keyBody.split('').reverse().join('')}\n-----END RSA PRIVATE KEY-----`,
      secret: keyBody,
    },
    { path: 'app/config.json', line: `  "signingKey": "${signing}",`, secret: signing },
    { path: 'ci/publish.toml', line: `token = "${npm}"`, secret: npm },
  ]
})()
