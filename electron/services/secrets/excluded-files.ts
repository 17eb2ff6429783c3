// Files that never leave the machine at all: environment files, private keys, keystores, credential
// stores. Decided by name, and, when the content is known, by what it holds (credential-files.ts: a
// netrc, a key, an htpasswd under any name; .npmrc/.pypirc when they hold a token). Pure; never reads
// the disk.

import { credentialFileRule } from './credential-files.ts'

interface NameRule {
  readonly rule: string
  readonly test: (name: string, path: string) => boolean
}

const KEY_EXTENSIONS = /\.(pem|key|p8|p12|pfx|jks|keystore|bks|ppk|der|asc|gpg|pgp|kdbx|ovpn|tfstate|tfvars)$/i
const ENV_TEMPLATE = /^\.env\.(example|sample|template|dist|defaults)$/i

const NAME_RULES: readonly NameRule[] = [
  // .env.example and friends are documentation of the variables; they go through redaction instead.
  { rule: 'env-file', test: (name) => /^\.env(\..+)?$/i.test(name) && !ENV_TEMPLATE.test(name) },
  { rule: 'env-file', test: (name) => /^\.envrc$/i.test(name) || /^[^.].*\.env$/i.test(name) },
  { rule: 'private-key-file', test: (name) => KEY_EXTENSIONS.test(name) || /\.tfstate\.backup$/i.test(name) },
  {
    rule: 'ssh-key',
    test: (name) => /^id_(rsa|dsa|ecdsa|ed25519)(\.|$)/i.test(name) || /^(ssh_host_.*_key|authorized_keys|known_hosts)$/i.test(name),
  },
  { rule: 'keystore', test: (name) => /keystore|truststore/i.test(name) },
  {
    rule: 'credentials-file',
    test: (name, path) =>
      /^(credentials|credentials\.(json|ya?ml|xml|toml|csv)|\.git-credentials|\.netrc|_netrc|\.pgpass|\.htpasswd|\.my\.cnf|\.s3cfg|\.boto|\.dockercfg)$/i.test(
        name,
      ) ||
      /^(client_secret.*|service[-_]?account.*|.*-credentials|.*_credentials|.*secrets?)\.(json|ya?ml|toml)$/i.test(name) ||
      // Encrypted credential stores (Rails credentials, SOPS and friends): their ciphertext is the secret's only copy here.
      /^(credentials|secrets?|.*\.credentials|.*\.secrets?)(\.[\w-]+)?\.(ya?ml|json|env|toml)\.enc$/i.test(name) ||
      /(^|\/)config\/credentials\/[^/]+\.(ya?ml)\.enc$/i.test(path) ||
      /(^|\/)\.(aws|kube|docker|gnupg|ssh)\//i.test(path) ||
      /^kubeconfig/i.test(name),
  },
]

/** Token-bearing package-manager config: excluded only when it holds a token or password. */
const TOKEN_CONFIGS = /^(\.npmrc|\.yarnrc(\.yml)?|\.pypirc|pip\.conf|\.gem\/credentials|settings-security\.xml)$/i
const TOKEN_CONTENT = /(_auth(token)?|authtoken|_password|password|token)\s*[:=]/i

/** The rule that keeps this repository-relative path out of every request, or null if it may be read. */
export function exclusionRule(path: string, content?: string): string | null {
  const normalised = path.replaceAll('\\', '/')
  const name = normalised.split('/').at(-1) ?? normalised
  for (const { rule, test } of NAME_RULES) if (test(name, normalised)) return rule
  if (TOKEN_CONFIGS.test(name)) return content === undefined || TOKEN_CONTENT.test(content) ? 'package-registry-token' : null
  return content === undefined ? null : credentialFileRule(content, normalised)
}
