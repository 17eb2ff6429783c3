import { SecretRedactor } from '../electron/services/ai/redact/secret-redactor.ts'
const r = new SecretRedactor()
const samples: [string, string][] = [
  ['k8s/deploy.yaml', `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: API_TOKEN\n              value: "q8Zt3LmW9xK2pR7vN4bY"\n            - name: MODE\n              value: prod\n`],
  ['k8s/secret.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: UzNjcjN0LVBhc3N3b3JkLTk5\n  tls.key: ${Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n').toString('base64')}\nstringData:\n  token: abcDEF123ghiJKL456\n`],
  ['config/storage.cs', `var conn = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6QUJD==;EndpointSuffix=core.windows.net";\nvar sql = "Server=tcp:db.acme.net,1433;Database=app;User ID=app;Password=Wq7!zr93Lp;";`],
  ['Web.config', `<configuration>\n  <connectionStrings>\n    <add name="Main" connectionString="Data Source=sql1;Initial Catalog=app;User Id=sa;Password=Xy9!kLm2Qz;" />\n  </connectionStrings>\n  <appSettings>\n    <add key="StripeSecret" value="a8F3kL9mQ2xZ7pW4rT6y" />\n  </appSettings>\n</configuration>\n`],
  ['variables.tf', `variable "db_password" {\n  type    = string\n  default = "Hx8-kq2P-zz91"\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n`],
  ['wp-config.php', `<?php\ndefine('DB_PASSWORD', 'Vb7#qLp2Zx');\ndefine('AUTH_KEY', 'k3Y!9z@QwE5r#T7y^U1i&O3p');\ndefine('DB_NAME', 'wordpress');\n`],
  ['settings.xml', `<settings><servers><server><id>nexus</id><username>deploy</username><password>N3xus!Deploy42</password></server></servers></settings>`],
  ['ops/netrc', `machine api.example.com\n  login deploy\n  password 8fJ2kL0pQz\n`],
  ['nb.ipynb', JSON.stringify({ cells: [{ cell_type: 'code', source: ['import os\n', 'API_KEY = "Zk8Qw3Rt6Yu9Lp2X"\n', 'print(API_KEY)\n'], outputs: [] }] }, null, 1)],
  ['scripts/call.sh', `curl -u admin:S3cr3tP4ss https://x\ncurl -H 'Authorization: Token 9f8e7d6c5b4a39281706f5e4' https://x\nredis-cli -u redis://:Pw0rd9xyzq@cache:6379\nexport SOME_KEY=q8Zt3LmW9xK2pR7v\n`],
  ['.env.example', `APP_KEY=base64:q8Zt3LmW9xK2pR7vN4bYq8Zt3LmW9xK2pR7vN4bY=\nDB_PASSWORD=your-password-here\nSTRIPE=sk_live_${'a1B2c3D4e5F6g7H8i9J0k1L2'}\n`],
  ['ci.sh', `echo '{"auths":{"registry.acme.io":{"auth":"ZGVwbG95OlMzY3JldFBhc3M5OQ=="}}}' > ~/.docker/config.json\n`],
  ['app/keys.py', `key = "id"\nkey = "Zk8Qw3Rt6Yu9Lp2X"\nhmacKey = "Qm9vYmFyQmF6MTIzNDU2"\nos.environ["STRIPE_KEY"] = "rk8Zt3LmW9xK2pR7"\nd["api_key"] = "a8F3kL9mQ2xZ7pW4"\n`],
  ['src/a.go', `const apiKey string = "Zk8Qw3Rt6Yu9Lp2X"\npassword := "Tr0ub4dor&3"\n`],
  ['src/A.java', `private static final String API_SECRET = "Zk8Qw3Rt6Yu9Lp2X";\n`],
  ['src/a.rb', `config.secret_key_base = 'f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1'\nUser.create(password: "secret")\n`],
]
for (const [p, t] of samples) {
  const out = await r.redact(p, t)
  console.log('==', p, out.redactions.map(x => `${x.line}:${x.rule}`).join(' '))
  console.log(out.text)
}
